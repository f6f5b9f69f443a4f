using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using OpenTelemetry.Instrumentation.AspNetCore;

namespace Velero.Scheduler.Downloads;

/// <summary>The scheduler's answer to DownloadRequests: options, tokens, the processor, its watcher.</summary>
internal static class DownloadRegistration
{
    public static void AddDownloads(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DownloadOptions>().BindConfiguration(DownloadOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<DownloadTokens>();
        services.AddSingleton(sp => new DownloadUrls(sp.GetRequiredService<DownloadTokens>(), () => DownloadBaseUrl.Resolve(
            sp.GetRequiredService<IOptions<DownloadOptions>>().Value, sp.GetRequiredService<IServer>())));
        services.AddSingleton<DownloadRequestProcessor>();
        services.AddHostedService<DownloadRequestWatcher>();

        // A /downloads/ path carries a signed token: ASP.NET Core's request lines (Information) would log it, and the
        // request's span would export it, so the first are kept to warnings and the second shows the route only.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        services.Configure<AspNetCoreTraceInstrumentationOptions>(o =>
        {
            var enrich = o.EnrichWithHttpRequest;
            o.EnrichWithHttpRequest = (activity, request) =>
            {
                enrich?.Invoke(activity, request);
                if (request.Path.StartsWithSegments("/" + DownloadEndpoint.PathSegment, StringComparison.Ordinal))
                {
                    activity.SetTag("url.path", $"/{DownloadEndpoint.PathSegment}/{{token}}");
                }
            };
        });
    }
}
