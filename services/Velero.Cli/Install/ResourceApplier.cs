using System.Net;
using System.Text.Json.Nodes;
using Velero.Kubernetes.Raw;

namespace Velero.Cli.Install;

/// <summary>
/// Sends an install's objects to the API server as upstream's install.Install does: the CRDs first, then a wait (up to
/// a minute) until they are established, then everything else in order. Each object is created, and one that exists
/// already is left as it is ("already exists, proceeding"); with <c>--apply</c> each is server-side applied instead.
/// </summary>
public sealed class ResourceApplier(ClusterApi api, TextWriter output, TimeProvider time)
{
    public const string FieldManager = "velero-cli";

    public TimeSpan CrdTimeout { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public async Task ApplyAsync(IReadOnlyList<JsonObject> resources, bool apply, CancellationToken cancellationToken)
    {
        var crds = resources.Where(IsCrd).ToList();
        foreach (var crd in crds)
        {
            await CreateOrApplyAsync(crd, apply, cancellationToken);
        }

        await output.WriteAsync("Waiting for resources to be ready in cluster...\n");
        await WaitEstablishedAsync(crds, cancellationToken);
        foreach (var resource in resources.Where(r => !IsCrd(r)))
        {
            await CreateOrApplyAsync(resource, apply, cancellationToken);
        }
    }

    private static bool IsCrd(JsonObject item) => (string?)item["kind"] == "CustomResourceDefinition";

    private async Task CreateOrApplyAsync(JsonObject item, bool apply, CancellationToken cancellationToken)
    {
        var id = ObjectPaths.Id(item);
        await output.WriteAsync($"{id}: attempting to create resource client\n");
        if (apply)
        {
            await output.WriteAsync($"{id}: attempting to apply resource\n");
            var applied = await api.ServerSideApplyAsync(ObjectPaths.Item(item), item, FieldManager, force: true, cancellationToken);
            if (!applied.IsSuccess)
            {
                throw new InstallException($"Error applying resource {id}: {applied.Message}");
            }

            await output.WriteAsync($"{id}: applied\n");
            return;
        }

        await output.WriteAsync($"{id}: attempting to create resource\n");
        var created = await api.CreateAsync(ObjectPaths.Collection(item), item, cancellationToken);
        if (created.Status == HttpStatusCode.Conflict && created.Reason == "AlreadyExists")
        {
            await output.WriteAsync($"{id}: already exists, proceeding\n");
        }
        else if (!created.IsSuccess)
        {
            throw new InstallException($"Error creating resource {id}: {created.Message}");
        }
        else
        {
            await output.WriteAsync($"{id}: created\n");
        }
    }

    private async Task WaitEstablishedAsync(IReadOnlyList<JsonObject> crds, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + CrdTimeout;
        while (true)
        {
            var ready = true;
            foreach (var crd in crds)
            {
                var current = await api.GetAsync(ObjectPaths.Item(crd), cancellationToken);
                ready &= current?["status"]?["conditions"] is JsonArray conditions && conditions.Any(c =>
                    (string?)c?["type"] == "Established" && (string?)c?["status"] == "True");
            }

            if (ready)
            {
                return;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new InstallException("timeout reached, CRDs not ready");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
