using System.Globalization;
using System.Text.Json.Nodes;
using Velero.Api;
using Velero.Kubernetes.Raw;

namespace Velero.Cli.Install;

/// <summary>
/// <c>--wait</c>, as upstream's install waits: a Deployment is ready once it has been Available for at least ten
/// seconds (a pod can look ready just before it crash-loops) and that was seen on five polls, a second apart, within
/// three minutes; a DaemonSet once all the pods it wants are available, seen five times within a minute.
/// </summary>
public sealed class ReadinessWaiter(ClusterApi api, TimeProvider time)
{
    private const int Observations = 5;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan DeploymentTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public TimeSpan DaemonSetTimeout { get; init; } = TimeSpan.FromMinutes(1);

    public Task DeploymentAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        PollAsync(ObjectPaths.Collection("apps/v1", "deployments", @namespace) + "/" + name, DeploymentTimeout,
            deployment => deployment["status"]?["conditions"] is JsonArray conditions && conditions.Any(AvailableLongEnough),
            $"deployment \"{name}\"", cancellationToken);

    public Task DaemonSetAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        PollAsync(ObjectPaths.Collection("apps/v1", "daemonsets", @namespace) + "/" + name, DaemonSetTimeout,
            daemonSet => Number(daemonSet, "numberAvailable") == Number(daemonSet, "desiredNumberScheduled"),
            $"daemonset \"{name}\"", cancellationToken);

    private bool AvailableLongEnough(JsonNode? condition) =>
        (string?)condition?["type"] == "Available" && (string?)condition?["status"] == "True"
        && DateTimeOffset.TryParse((string?)condition?["lastTransitionTime"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
        && since + TimeSpan.FromSeconds(10) < time.GetUtcNow();

    private static long Number(JsonObject item, string field) => (long?)item["status"]?[field] ?? 0;

    private async Task PollAsync(string path, TimeSpan timeout, Func<JsonObject, bool> ready, string what, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        var seen = 0;
        while (true)
        {
            if (await api.GetAsync(path, cancellationToken) is { } item && ready(item))
            {
                seen++;
            }

            if (seen >= Observations)
            {
                return;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new InstallException($"{what} was not ready within {GoDuration.Format(timeout)}");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
