using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Velero.ServiceDefaults.Hosting;

namespace Velero.ServiceDefaults.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>Every service's own sources and meters are named <c>Velero.&lt;Role&gt;</c>.</summary>
    public const string SourcePrefix = "Velero.";

    /// <summary>
    /// Traces, metrics and logs, wired once for every service: MassTransit, Npgsql, HttpClient (which carries
    /// KubernetesClient and the AWS SDK's S3 calls), ASP.NET Core and the runtime, plus the services' own
    /// <c>Velero.*</c> sources. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (protocol, headers
    /// and batching follow the standard <c>OTEL_*</c> variables).
    /// </summary>
    public static IHostApplicationBuilder AddVeleroTelemetry(this IHostApplicationBuilder builder, ServiceIdentity identity)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(identity.ServiceName, serviceVersion: identity.Version,
                serviceInstanceId: identity.Instance))
            .WithTracing(tracing => tracing
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddSource(SourcePrefix + "*")
                .AddNpgsql()
                .AddHttpClientInstrumentation()
                .AddAspNetCoreInstrumentation(o => o.Filter = IsNotProbe))
            .WithMetrics(metrics => metrics
                .AddMeter(InstrumentationOptions.MeterName)
                .AddMeter(SourcePrefix + "*")
                .AddMeter("Npgsql")
                .AddHttpClientInstrumentation()
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation())
            .WithLogging();

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    // Probes every few seconds would drown the traces that matter.
    private static bool IsNotProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(HealthEndpoints.LivePath)
        && !context.Request.Path.StartsWithSegments(HealthEndpoints.ReadyPath);
}
