using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Auth;
using Velero.KubeEmulator.Controllers;
using Velero.KubeEmulator.Diagnostics;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Exec;
using Velero.KubeEmulator.Faults;
using Velero.KubeEmulator.Hosting;
using Velero.KubeEmulator.Seeding;
using Velero.KubeEmulator.Storage;

namespace Velero.KubeEmulator;

/// <summary>
/// One emulated Kubernetes API server on loopback. Everything it holds is per instance, so several can run
/// in one process (e.g. a source and a target cluster for cross-cluster restores).
/// </summary>
public sealed class KubeEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FinalizationController _controller;
    private readonly bool _ownsKubeconfig;

    private KubeEmulator(WebApplication app, Cluster cluster, FinalizationController controller, Uri address, string kubeconfig,
        bool ownsKubeconfig, TokenIssuer tokens, ExecRegistry exec, FaultInjector faults, RequestLog log)
    {
        _app = app;
        Cluster = cluster;
        _controller = controller;
        BaseAddress = address;
        KubeconfigPath = kubeconfig;
        _ownsKubeconfig = ownsKubeconfig;
        AdminToken = tokens.AdminToken;
        Exec = exec;
        Faults = faults;
        Requests = log;
    }

    /// <summary>The plain-HTTP address (kubeconfig server); requests without credentials are the admin here.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The HTTPS address (self-signed), where tokens are always required: how kubectl tests RBAC.</summary>
    public Uri? SecureAddress { get; private init; }
    public string KubeconfigPath { get; }
    public string AdminToken { get; }
    public string ContextName => Cluster.ContextName;
    public string KubeSystemUid => Cluster.KubeSystemUid;
    public IExecRegistry Exec { get; }
    public IFaultInjector Faults { get; }
    public IRequestLog Requests { get; }

    /// <summary>Direct access to the state, for tests (e.g. Cluster.Store.Count("apps/deployments")).</summary>
    public Cluster Cluster { get; }

    public ObjectStore Store => Cluster.Store;

    public static async Task<KubeEmulator> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Minor is < 27 or > 33)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Minor must be between 27 and 33 (the kubectl versions on the machine).");
        }

        var endpoint = ParseListen(options.Listen);
        var secureEndpoint = options.SecureListen is null ? null : ParseListen(options.SecureListen);
        var cluster = new Cluster(options.Clock, options.ContextName, options.ClusterIdSeed, options.WatchHistory);
        Bootstrap.Run(cluster);
        if (options.SeedDirectory is not null)
        {
            SeedLoader.Load(cluster, options.SeedDirectory);
        }

        var tokens = new TokenIssuer(cluster);
        var authorizer = new RbacAuthorizer(cluster);
        var exec = new ExecRegistry();
        var faults = new FaultInjector();
        var log = new RequestLog();
        var handler = new ApiHandler(cluster, options.Minor, tokens, authorizer, faults, log,
            new DiscoveryEndpoint(cluster.Registry), new OpenApiEndpoint(cluster.Registry, options.Minor),
            new ResourceEndpoint(cluster, new ListEndpoint(cluster, new ListSnapshots(options.Clock)), new WatchEndpoint(cluster),
                new SubresourceEndpoint(cluster, new ExecEndpoint(cluster, exec), tokens)),
            new ReviewEndpoint(authorizer));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(endpoint);
            if (secureEndpoint is not null)
            {
                k.Listen(secureEndpoint, listen => listen.UseHttps(SelfSignedCertificate.Create()));
            }

            k.Limits.MaxRequestBodySize = null;
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(handler.HandleAsync);
        await app.StartAsync(ct);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).ToList();
        var address = addresses.First(a => a.Scheme == "http");
        var secureAddress = addresses.FirstOrDefault(a => a.Scheme == "https");
        var kubeconfig = options.KubeconfigPath ?? Path.Combine(Path.GetTempPath(), $"kube-emulator-{Guid.NewGuid():N}.yaml");
        KubeconfigWriter.Write(kubeconfig, options.ContextName, address, tokens.AdminToken);
        return new KubeEmulator(app, cluster, new FinalizationController(cluster), address, kubeconfig, options.KubeconfigPath is null,
            tokens, exec, faults, log) { SecureAddress = secureAddress };
    }

    private static IPEndPoint ParseListen(string listen)
    {
        var cut = listen.LastIndexOf(':');
        var host = cut < 0 ? "" : listen[..cut].Trim('[', ']');
        var ip = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (ip is null || !int.TryParse(listen[(cut + 1)..], out var port))
        {
            throw new ArgumentException($"--listen wants IP:PORT, got '{listen}'", nameof(listen));
        }

        if (!IPAddress.IsLoopback(ip))
        {
            throw new ArgumentException($"the emulator binds loopback addresses only, got {ip}", nameof(listen));
        }

        return new IPEndPoint(ip, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _controller.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsKubeconfig && File.Exists(KubeconfigPath))
        {
            File.Delete(KubeconfigPath);
        }
    }
}
