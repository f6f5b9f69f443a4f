using System.Buffers;
using System.Text;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;

namespace Velero.ObjectStorage.Azure;

/// <summary>
/// <c>velero.io/azure</c>: velero-plugin-for-microsoft-azure's ObjectStore on Azure.Storage.Blobs. Uploads are
/// block blobs staged <c>blockSizeInBytes</c> at a time and committed at the end, as upstream does, so a body of
/// unknown length needs one block of memory. Signed URLs are read-only SAS: service SAS with the account key,
/// user delegation SAS with Entra ID.
/// </summary>
internal sealed class AzureBlobObjectStore : IObjectStore
{
    // Upstream starts SAS validity 10 minutes early against clock skew.
    private static readonly TimeSpan SasClockSkew = TimeSpan.FromMinutes(10);

    private readonly AzureSettings _settings;
    private readonly BlobServiceClient _service;
    private readonly BlobContainerClient _container;
    private readonly HttpClient? _ownedHttpClient;
    private readonly AzureErrors _errors;
    private readonly TimeProvider _time;

    public AzureBlobObjectStore(AzureSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _service = AzureClientBuilder.Build(settings, out _ownedHttpClient);
        _container = _service.GetBlobContainerClient(settings.Container);
        _errors = new AzureErrors(settings.Container, settings.ServiceUri.Authority);
    }

    public string Provider => ProviderNames.Azure;

    public string Bucket => _settings.Container;

    public async Task PutAsync(string key, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(body);
        var blob = _container.GetBlockBlobClient(key);
        var buffer = ArrayPool<byte>.Shared.Rent(_settings.BlockSize);
        try
        {
            var blockIds = new List<string>();
            while (true)
            {
                // Reading the caller's body is not a storage failure: its exceptions pass through untouched.
                var filled = await body.ReadAtLeastAsync(buffer.AsMemory(0, _settings.BlockSize), _settings.BlockSize, throwOnEndOfStream: false, cancellationToken);
                if (filled == 0)
                {
                    break;
                }

                // Block ids must have one length within a blob: a fixed-width counter, base64 as the API wants.
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)));
                using var chunk = new MemoryStream(buffer, 0, filled, writable: false);
                await Call(() => blob.StageBlockAsync(blockId, chunk, new BlockBlobStageBlockOptions(), cancellationToken), cancellationToken);
                blockIds.Add(blockId);
                if (filled < _settings.BlockSize)
                {
                    break;
                }
            }

            await Call(() => blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions(), cancellationToken), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            await _container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Upstream: BlobNotFound and ContainerNotFound both mean "not there".
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
        try
        {
            var response = await _container.GetBlobClient(key).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (AzureErrors.IsBlobNotFound(e))
        {
            throw new ObjectNotFoundException(Bucket, key);
        }
        catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
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
            var options = new GetBlobsByHierarchyOptions { Prefix = prefix, Delimiter = delimiter };
            await foreach (var page in _container.GetBlobsByHierarchyAsync(options, cancellationToken).AsPages(pageSizeHint: _settings.ListPageSize))
            {
                prefixes.AddRange(page.Values.Where(item => item.IsPrefix).Select(item => item.Prefix));
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
        var pages = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).AsPages(pageSizeHint: _settings.ListPageSize);
        return PagedListing.NamesAsync(pages, page => page.Values.Select(item => item.Name), _errors.Translate, cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            await _container.GetBlobClient(key).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A missing container means the object is gone too.
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
        var now = _time.GetUtcNow();
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now.Add(ttl))
        {
            BlobContainerName = Bucket,
            BlobName = key,
            Resource = "b",
            StartsOn = now - SasClockSkew,
            // Upstream signs HTTPS-only; an http endpoint (an emulator, a test) could not use such a URL.
            Protocol = _settings.ServiceUri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        var blob = new BlobUriBuilder(_container.GetBlobClient(key).Uri);
        if (_settings.AccountKey is not null)
        {
            blob.Sas = sas.ToSasQueryParameters(new StorageSharedKeyCredential(_settings.StorageAccount, _settings.AccountKey));
            return blob.ToUri();
        }

        try
        {
            var delegation = await _service.GetUserDelegationKeyAsync(now - SasClockSkew, now.Add(ttl), cancellationToken);
            blob.Sas = sas.ToSasQueryParameters(delegation.Value, _settings.StorageAccount);
            return blob.ToUri();
        }
        catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }
    }

    public void Dispose() => _ownedHttpClient?.Dispose();

    private async Task Call<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }
    }
}
