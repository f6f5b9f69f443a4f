using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace Velero.ServiceDefaults.Hosting;

/// <summary>
/// <c>/healthz</c>: the process is alive (liveness). <c>/readyz</c>: every check tagged <c>ready</c> passes, the
/// bus among them (readiness). Storage locations are deliberately not a readiness condition: an unreachable one
/// is reported as <c>Unavailable</c> on the location, not by taking the service out of rotation.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapVeleroHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
