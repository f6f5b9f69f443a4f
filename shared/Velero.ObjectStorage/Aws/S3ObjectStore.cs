using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Velero.ObjectStorage.Aws;

/// <summary>
/// <c>velero.io/aws</c>: velero-plugin-for-aws's ObjectStore on AWSSDK.S3, for AWS and S3-compatible servers.
/// Signed URLs come from a second client bound to <c>publicUrl</c> when set, as upstream does, so the URL points
/// where the user can reach; presigning is local, so that client never talks to the network.
/// </summary>
internal sealed class S3ObjectStore : IObjectStore
{
    private readonly S3Settings _settings;
    private readonly AmazonS3Client _client;
    private readonly AmazonS3Client _presignClient;
    private readonly S3RequestDecorator _decorator;
    private readonly S3Uploader _uploader;
    private readonly S3Errors _errors;
    private readonly TimeProvider _time;

    public S3ObjectStore(S3Settings settings, S3TransferOptions transfer, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(transfer.MaxConcurrentParts, 1);
        _settings = settings;
        _time = time;
        _client = S3ClientBuilder.Build(settings, settings.ServiceUrl);
        _presignClient = settings.PublicUrl is null ? _client : S3ClientBuilder.Build(settings, settings.PublicUrl);
        _decorator = new S3RequestDecorator(settings);
        _uploader = new S3Uploader(_client, settings.Bucket, _decorator, transfer);
        _errors = new S3Errors(settings.Bucket, S3ClientBuilder.HostOf(settings));
    }

    public string Provider => ProviderNames.Aws;

    public string Bucket => _settings.Bucket;

    public async Task PutAsync(string key, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await _uploader.UploadAsync(key, body, cancellationToken);
        }
        catch (BodyReadException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerException!);
        }
        catch (Exception e) when (Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var request = new GetObjectMetadataRequest { BucketName = Bucket, Key = key };
        _decorator.Apply(request);
        try
        {
            await _client.GetObjectMetadataAsync(request, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // HEAD has no error body, so a missing bucket looks the same; upstream treats both as "not there".
            return false;
        }
        catch (Exception e) when (Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }
    }

    public async Task<Stream> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var request = new GetObjectRequest { BucketName = Bucket, Key = key };
        _decorator.Apply(request);
        try
        {
            var response = await _client.GetObjectAsync(request, cancellationToken);
            return new S3ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNoSuchKey(e))
        {
            throw new ObjectNotFoundException(Bucket, key);
        }
        catch (Exception e) when (Translatable(e, cancellationToken))
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
        await foreach (var page in PagesAsync(prefix, delimiter, cancellationToken))
        {
            prefixes.AddRange(page.CommonPrefixes ?? []);
        }

        prefixes.Sort(StringComparer.Ordinal);
        return prefixes;
    }

    public async IAsyncEnumerable<string> ListKeysAsync(
        string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await foreach (var page in PagesAsync(prefix, null, cancellationToken))
        {
            foreach (var entry in page.S3Objects ?? [])
            {
                yield return entry.Key;
            }
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNoSuchKey(e))
        {
            // S3 answers 204 for a missing key; some compatibles answer NoSuchKey. Both mean "gone".
        }
        catch (Exception e) when (Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }
    }

    public async Task<Uri> CreateSignedUrlAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var endpoint = _settings.PublicUrl ?? _settings.ServiceUrl;
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = _time.GetUtcNow().UtcDateTime.Add(ttl),
            Protocol = endpoint?.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS,
        };
        _decorator.Apply(request);
        try
        {
            return new Uri(await _presignClient.GetPreSignedURLAsync(request));
        }
        catch (Exception e) when (Translatable(e, cancellationToken))
        {
            throw _errors.Translate(e);
        }
    }

    public void Dispose()
    {
        if (!ReferenceEquals(_presignClient, _client))
        {
            _presignClient.Dispose();
        }

        _client.Dispose();
    }

    private async IAsyncEnumerable<ListObjectsV2Response> PagesAsync(
        string prefix, string? delimiter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var request = new ListObjectsV2Request
            {
                BucketName = Bucket,
                Prefix = prefix,
                Delimiter = delimiter,
                ContinuationToken = continuation,
            };
            ListObjectsV2Response page;
            try
            {
                page = await _client.ListObjectsV2Async(request, cancellationToken);
            }
            catch (Exception e) when (Translatable(e, cancellationToken))
            {
                throw _errors.Translate(e);
            }

            yield return page;
            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (!string.IsNullOrEmpty(continuation));
    }

    // The caller's own cancellation passes through untouched; everything else becomes an ObjectStorageException.
    private static bool Translatable(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested) && e is not ArgumentException;
}
