using Microsoft.AspNetCore.Http.Features;
using Velero.Kubernetes.Clusters;
using Velero.Kubernetes.Locations;
using Velero.ObjectStorage;

namespace Velero.Scheduler.Downloads;

/// <summary>
/// <c>GET /downloads/&lt;token&gt;</c>: streams the object a <see cref="DownloadTokens"/> grant names, for locations
/// whose store cannot sign URLs. Refusals answer 403 with the reason (as S3 answers an expired or forged pre-signed
/// URL), a missing object 404 (what <c>velero</c> reports as "file not found"). The body is copied as it is read.
/// </summary>
internal static class DownloadEndpoint
{
    public const string PathSegment = "downloads";

    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"/{PathSegment}/{{token}}", ServeAsync);
        return endpoints;
    }

    private static async Task ServeAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILogger<DownloadTokens>>();
        var cancellationToken = context.RequestAborted;
        var token = (string)context.GetRouteValue("token")!;
        var (grant, refusal) = services.GetRequiredService<DownloadTokens>().Read(token, services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (grant is null)
        {
            logger.LogInformation("Download refused: {Reason}", refusal);
            await AnswerAsync(context, StatusCodes.Status403Forbidden, refusal!);
            return;
        }

        var cluster = services.GetRequiredService<ClusterRegistry>().Find(grant.ClusterId);
        if (cluster is null)
        {
            await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "the cluster of this download is not served here");
            return;
        }

        var (location, error) = await StorageLocationOpener.OpenAsync(cluster.Client, services.GetRequiredService<ObjectStoreFactory>(),
            grant.Namespace, grant.Location, cancellationToken);
        if (location is null)
        {
            await AnswerAsync(context, StatusCodes.Status502BadGateway, error!);
            return;
        }

        using (location)
        {
            Stream body;
            try
            {
                body = await location.GetAsync(grant.Key, cancellationToken);
            }
            catch (ObjectNotFoundException)
            {
                await AnswerAsync(context, StatusCodes.Status404NotFound, $"{grant.Key} does not exist in location {grant.Location}");
                return;
            }
            catch (ObjectStorageException e)
            {
                await AnswerAsync(context, StatusCodes.Status502BadGateway, e.Message);
                return;
            }

            await using (body)
            {
                logger.LogInformation("Serving {Key} of location {Cluster}/{Location}", grant.Key, cluster.Name, grant.Location);
                context.Response.ContentType = "application/octet-stream";
                if (body.CanSeek)
                {
                    context.Response.ContentLength = body.Length;
                }

                // Large tarballs: no response buffering, the body goes out as it is read.
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                await body.CopyToAsync(context.Response.Body, 1024 * 1024, cancellationToken);
            }
        }
    }

    private static Task AnswerAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
