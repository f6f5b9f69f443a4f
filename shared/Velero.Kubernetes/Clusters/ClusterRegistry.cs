using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Velero.Contracts.Clusters;

namespace Velero.Kubernetes.Clusters;

/// <summary>
/// The clusters this process serves. Reaching them is not a start condition: each is tried in the
/// background, and one that cannot be reached is <see cref="ClusterState.Unavailable"/> with a reason until
/// it can.
/// </summary>
public sealed class ClusterRegistry(IOptions<ClusterOptions> options, TimeProvider time, ILogger<ClusterRegistry> logger)
    : BackgroundService
{
    private readonly Lazy<IReadOnlyList<ClusterConnection>> _clusters = new(() => ClusterConnectionFactory.Create(options.Value));

    public IReadOnlyList<ClusterConnection> Clusters => _clusters.Value;

    /// <summary>The identities of the clusters reached so far.</summary>
    public IReadOnlyList<ClusterRef> Available =>
        [.. Clusters.Where(c => c.State == ClusterState.Available).Select(c => c.Identity!)];

    public ClusterConnection? Find(string clusterId) => Clusters.FirstOrDefault(c => c.Identity?.Id == clusterId);

    /// <summary>Tries every cluster that is not available yet, once.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(Clusters.Where(c => c.State != ClusterState.Available).Select(c => ReachAsync(c, cancellationToken)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Clusters.Count == 0)
        {
            logger.LogWarning("No cluster configured: set Clusters:Kubeconfig (or KUBECONFIG) and Clusters:Contexts");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RetryInterval, time);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ReachAsync(ClusterConnection cluster, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Value.RequestTimeout);
        try
        {
            var kubeSystem = await cluster.Client.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: attempt.Token);
            var uid = kubeSystem.Metadata?.Uid;
            if (string.IsNullOrEmpty(uid))
            {
                throw new InvalidOperationException("namespace kube-system has no uid");
            }

            var wasAvailable = cluster.State == ClusterState.Available;
            cluster.Reached(uid);
            if (!wasAvailable)
            {
                logger.LogInformation("Cluster {Cluster} available, id {ClusterId}", cluster.Name, uid);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            var message = Describe(e);
            if (cluster.State != ClusterState.Unavailable || cluster.Message != message)
            {
                logger.LogWarning("Cluster {Cluster} unavailable: {Reason}", cluster.Name, message);
            }

            cluster.Failed(message);
        }
    }

    /// <summary>A reason fit for logs and status: the HTTP status or the network error, never a token.</summary>
    private static string Describe(Exception e) => e switch
    {
        HttpOperationException http => $"the API server answered {(int)http.Response.StatusCode} {http.Response.ReasonPhrase}",
        HttpRequestException request => "cannot connect: " + (request.InnerException?.Message ?? request.Message),
        TaskCanceledException or TimeoutException => "the API server did not answer in time",
        _ => e.Message,
    };
}
