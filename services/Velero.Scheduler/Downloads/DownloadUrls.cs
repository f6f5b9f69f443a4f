using Velero.ObjectStorage.Locations;

namespace Velero.Scheduler.Downloads;

/// <summary>
/// The URL a DownloadRequest is answered with: the store's own pre-signed URL where it can sign (S3), else a
/// <c>/downloads/</c> URL of this scheduler carrying a signed grant, which <see cref="DownloadEndpoint"/> streams.
/// </summary>
internal sealed class DownloadUrls(DownloadTokens tokens, Func<Uri> baseUrl)
{
    public async Task<Uri> CreateAsync(ObjectStoreLocation location, DownloadGrant grant, TimeSpan ttl, CancellationToken cancellationToken)
    {
        try
        {
            return await location.CreateSignedUrlAsync(grant.Key, ttl, cancellationToken);
        }
        catch (NotSupportedException)
        {
            // velero.io/fs has nothing to sign with: the scheduler serves the file itself.
        }

        var root = baseUrl();
        var withSlash = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        return new Uri(withSlash, DownloadEndpoint.PathSegment + "/" + tokens.Issue(grant));
    }
}
