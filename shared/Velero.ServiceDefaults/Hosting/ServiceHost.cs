using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Velero.Kubernetes.Clusters;
using Velero.ServiceDefaults.Messaging;
using Velero.ServiceDefaults.Startup;
using Velero.ServiceDefaults.Telemetry;

namespace Velero.ServiceDefaults.Hosting;

/// <summary>
/// Builds and runs a process serving one or more roles: configuration (appsettings, then environment, then
/// command line), telemetry, the bus, health endpoints, start-up checks, graceful shutdown.
/// </summary>
public static class ServiceHost
{
    /// <summary>The console log format: <c>simple</c> (the default), <c>json</c> or <c>systemd</c>.</summary>
    public const string ConsoleFormatterKey = "Logging:Console:FormatterName";

    /// <summary>Runs until SIGTERM/SIGINT. Returns the process exit code; a failed start prints one line.</summary>
    /// <param name="built">Called once the host is built, before start-up: what a caller logs about its arguments.</param>
    public static async Task<int> RunAsync(string[] args, string serviceName, IReadOnlyList<IServiceRole> roles,
        string defaultUrls, Action<IServiceProvider>? built = null)
    {
        using var stopping = new CancellationTokenSource();
        // Until the host runs, nothing else listens for SIGTERM: a service told to stop while it waits for its
        // dependencies must stop waiting.
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.Cancel(); }))
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopping.Cancel(); }))
        {
            WebApplication app;
            try
            {
                app = Build(args, serviceName, roles, defaultUrls);
                built?.Invoke(app.Services);
                await app.Services.GetRequiredService<StartupRunner>().RunAsync(stopping.Token);
            }
            catch (Exception e) when (e is StartupFailedException or OptionsValidationException)
            {
                await Console.Error.WriteLineAsync($"{serviceName}: {Describe(e)}");
                return 1;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return 0;
            }

            if (stopping.IsCancellationRequested)
            {
                return 0;
            }

            return await RunBuiltAsync(app, serviceName);
        }
    }

    /// <param name="defaultUrls">
    /// Where health endpoints listen unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or the <c>Urls</c> setting say
    /// otherwise: loopback by default; a pod's address (or <c>http://0.0.0.0:PORT</c>) in clusters.
    /// </param>
    public static WebApplication Build(string[] args, string serviceName, IReadOnlyList<IServiceRole> roles, string defaultUrls)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(defaultUrls);
        }

        var identity = ServiceIdentity.For(serviceName);
        builder.Services.AddSingleton(identity);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section).ValidateDataAnnotations();
        builder.Services.AddSingleton<StartupRunner>();
        builder.Services.AddHealthChecks();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        // The slim builder fixes the simple console formatter; the standard setting (json, systemd) picks another.
        if (builder.Configuration[ConsoleFormatterKey] is { Length: > 0 } formatter)
        {
            builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName = formatter);
        }

        builder.AddVeleroTelemetry(identity);
        builder.Services.AddVeleroClusters(builder.Configuration);
        builder.Services.AddSingleton<IStartupTask, ClusterConfigurationLoaded>();

        foreach (var role in roles)
        {
            builder.Services.AddSingleton(role.GetType(), role);
            role.AddServices(builder);
        }

        builder.Services.AddVeleroBus(builder.Configuration, roles);
        var app = builder.Build();
        app.MapVeleroHealth();
        foreach (var role in roles)
        {
            role.MapEndpoints(app);
        }

        return app;
    }

    private static async Task<int> RunBuiltAsync(WebApplication app, string serviceName)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        // A bus that does not start, or a listen address that is taken, ends the process with one line too.
        catch (Exception e) when (e is StartupFailedException or OptionsValidationException or MassTransit.MassTransitException
                                      or IOException)
        {
            await Console.Error.WriteLineAsync($"{serviceName}: {Describe(e)}");
            return 1;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static string Describe(Exception e) => e switch
    {
        OptionsValidationException o => "invalid configuration: " + string.Join("; ", o.Failures),
        _ => StartupRunner.OneLine(e),
    };
}
