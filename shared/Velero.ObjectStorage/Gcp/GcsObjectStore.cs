using Google.Cloud.Storage.V1;

namespace Velero.ObjectStorage.Gcp;

/// <summary>
/// <c>velero.io/gcp</c>: velero-plugin-for-gcp's ObjectStore on Google.Cloud.Storage.V1 (the JSON API). Uploads are
/// resumable uploads in chunks, so a body of unknown length needs one chunk of memory; reads stream the
/// <c>alt=media</c> response; signed URLs are V4, signed with the service account key or through IAM signBlob.
/// </summary>
internal sealed class GcsObjectStore : IObjectStore
{
    private readonly GcsSettings _settings;
    private readonly StorageClient _client;
    private readonly HttpClient _signBlobHttp;
    private readonly GcsErrors _errors;

    public GcsObjectStore(string bucket, BackupStorageLocationConfig location, GcsEnvironment environment)
    {
        _signBlobHttp = environment.HttpClientFactory is { } factory
            ? factory.CreateHttpClient(new Google.Apis.Http.CreateHttpClientArgs())
            : new HttpClient();
        _settings = GcsSettingsParser.Parse(bucket, location, environment, _signBlobHttp);
        var builder = new StorageClientBuilder { GoogleCredential = _settings.Credential };
        if (_settings.BaseUri is { } baseUri)
        {
            builder.BaseUri = baseUri.ToString();
        }

        if (_settings.UniverseDomain is { } universe)
        {
            builder.UniverseDomain = universe;
        }

        if (environment.HttpClientFactory is { } httpFactory)
        {
            builder.HttpClientFactory = httpFactory;
        }

        _client = builder.Build();
        _errors = new GcsErrors(bucket, new Uri(_client.Service.BaseUri).Authority);
    }

    public string Provider => ProviderNames.Gcp;

    public string Bucket => _settings.Bucket;

    public async Task PutAsync(string key, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await _client.UploadObjectAsync(Bucket, key, null, body, new UploadObjectOptions { KmsKeyName = _settings.KmsKeyName }, cancellationToken);
        }
        catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken) && e is not IOException)
        {
            throw _errors.Translate(e);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            await _client.GetObjectAsync(Bucket, key, cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception e) when (GcsErrors.IsNotFound(e))
        {
            return false;
        }
        catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }
    }

    public async Task<Stream> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        // The client's own download copies into a caller's stream; a plain GET of alt=media through the client's
        // authenticated HttpClient streams instead.
        var url = $"{_client.Service.BaseUri}b/{Uri.EscapeDataString(Bucket)}/o/{Uri.EscapeDataString(key)}?alt=media";
        HttpResponseMessage response;
        try
        {
            response = await _client.Service.HttpClient.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }

        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }

        using (response)
        {
            if ((int)response.StatusCode == 404)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!text.Contains("bucket does not exist", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ObjectNotFoundException(Bucket, key);
                }

                throw _errors.FromStatus(404, null, text);
            }

            throw _errors.FromStatus((int)response.StatusCode, null, null);
        }
    }

    public async Task<IReadOnlyList<string>> ListCommonPrefixesAsync(
        string prefix, string delimiter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentException.ThrowIfNullOrEmpty(delimiter);
        var prefixes = new List<string>();
        try
        {
            var pages = _client.ListObjectsAsync(Bucket, prefix, new ListObjectsOptions { Delimiter = delimiter }).AsRawResponses();
            await foreach (var page in pages.WithCancellation(cancellationToken))
            {
                prefixes.AddRange(page.Prefixes ?? []);
            }
        }
        catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }

        prefixes.Sort(StringComparer.Ordinal);
        return prefixes;
    }

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var pages = _client.ListObjectsAsync(Bucket, prefix).AsRawResponses();
        return PagedListing.NamesAsync(pages, page => (page.Items ?? []).Select(item => item.Name), _errors.Translate, cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            await _client.DeleteObjectAsync(Bucket, key, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (GcsErrors.IsNotFound(e))
        {
            // Already gone.
        }
        catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }
    }

    public async Task<Uri> CreateSignedUrlAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        if (_settings.Signer is null)
        {
            // Upstream's text; callers fall back to streaming through GetAsync.
            throw new NotSupportedException("GoogleAccessID is empty, perhaps using external_account credentials, cannot create signed URL");
        }

        try
        {
            return new Uri(await _settings.Signer.SignAsync(Bucket, key, ttl, HttpMethod.Get, SigningVersion.V4, cancellationToken));
        }
        catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _signBlobHttp.Dispose();
    }
}
