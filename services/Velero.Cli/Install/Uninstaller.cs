using System.Net;
using System.Text.Json.Nodes;
using Velero.Kubernetes.Raw;

namespace Velero.Cli.Install;

/// <summary>
/// <c>velero uninstall</c>, in upstream's order and words: resources whose finalizers the server handles (restores,
/// data uploads and downloads) first, while the server still runs; then the namespace, waited for until it is gone
/// (CRDs must outlive it, upstream issue #3974); then the cluster-scoped RBAC; then the CRDs, by their
/// <c>component: velero</c> label.
/// </summary>
public sealed class Uninstaller(ClusterApi api, TextWriter output, TimeProvider time)
{
    /// <summary>Upstream's finalizers on these resources (controller.ExternalResourcesFinalizer, DataUploadDownloadFinalizer).</summary>
    private static readonly (string Crd, string ApiVersion, string Plural, string Finalizer)[] Finalized =
    [
        ("restores.velero.io", "velero.io/v1", "restores", "restores.velero.io/external-resources-finalizer"),
        ("datauploads.velero.io", "velero.io/v2alpha1", "datauploads", "velero.io/data-upload-download-finalizer"),
        ("datadownloads.velero.io", "velero.io/v2alpha1", "datadownloads", "velero.io/data-upload-download-finalizer"),
    ];

    public TimeSpan GracefulDeletion { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public async Task RunAsync(string @namespace, CancellationToken cancellationToken)
    {
        try
        {
            await DeleteNamespaceAsync(@namespace, cancellationToken);
            await DeleteClusterRbacAsync(@namespace, cancellationToken);
            var crds = await api.DeleteAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions?labelSelector=component%3Dvelero", cancellationToken);
            ClusterApi.EnsureSuccess(crds, "DELETE", "customresourcedefinitions");
        }
        catch (Exception e) when (e is HttpRequestException or InstallException)
        {
            await output.WriteAsync($"Errors while attempting to uninstall Velero: \"{e.Message}\" \n");
            throw new InstallException(e.Message, e);
        }

        await output.WriteAsync("Velero uninstalled ⛵\n");
    }

    private static string NamespacePath(string @namespace) => "/api/v1/namespaces/" + Uri.EscapeDataString(@namespace);

    private async Task DeleteNamespaceAsync(string @namespace, CancellationToken cancellationToken)
    {
        if (await api.GetAsync(NamespacePath(@namespace), cancellationToken) is null)
        {
            await output.WriteAsync($"Velero namespace \"{@namespace}\" does not exist, skipping.\n");
            return;
        }

        await output.WriteAsync("Waiting for resource with attached finalizer to be deleted\n");
        await DeleteFinalizedAsync(@namespace, cancellationToken);
        var deleted = await api.DeleteAsync(NamespacePath(@namespace), cancellationToken);
        if (deleted.Status == HttpStatusCode.NotFound)
        {
            await output.WriteAsync($"Velero namespace \"{@namespace}\" does not exist, skipping.\n");
            return;
        }

        ClusterApi.EnsureSuccess(deleted, "DELETE", NamespacePath(@namespace));
        await output.WriteAsync($"\nWaiting for velero namespace \"{@namespace}\" to be deleted\n");
        while (await api.GetAsync(NamespacePath(@namespace), cancellationToken) is not null)
        {
            await output.WriteAsync(".");
            await Task.Delay(PollInterval, time, cancellationToken);
        }

        await output.WriteAsync($"\nVelero namespace \"{@namespace}\" deleted\n");
    }

    /// <summary>
    /// Deletes them and waits for the server to finish their finalizers; past <see cref="GracefulDeletion"/> stops the
    /// server and removes the finalizers, so the uninstall cannot hang on a failing finalizer (upstream's reasoning).
    /// </summary>
    private async Task DeleteFinalizedAsync(string @namespace, CancellationToken cancellationToken)
    {
        var present = new List<(string ApiVersion, string Plural, string Finalizer)>();
        foreach (var (crd, apiVersion, plural, finalizer) in Finalized)
        {
            if (await api.GetAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + crd, cancellationToken) is not null)
            {
                present.Add((apiVersion, plural, finalizer));
            }
        }

        foreach (var (apiVersion, plural, _) in present)
        {
            foreach (var name in await NamesAsync(apiVersion, plural, @namespace, cancellationToken))
            {
                var response = await api.DeleteAsync($"{ObjectPaths.Collection(apiVersion, plural, @namespace)}/{name}", cancellationToken);
                if (!response.IsSuccess && response.Status != HttpStatusCode.NotFound)
                {
                    throw new InstallException($"Error deleting resources: Error deleting resources during graceful deletion: {response.Message}");
                }
            }
        }

        var deadline = time.GetUtcNow() + GracefulDeletion;
        while (present.Count > 0)
        {
            var left = 0;
            foreach (var (apiVersion, plural, _) in present)
            {
                left += (await NamesAsync(apiVersion, plural, @namespace, cancellationToken)).Count;
            }

            if (left == 0)
            {
                return;
            }

            if (time.GetUtcNow() >= deadline)
            {
                await ForceAsync(@namespace, present, cancellationToken);
                return;
            }

            await output.WriteAsync(".");
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private async Task ForceAsync(string @namespace, List<(string ApiVersion, string Plural, string Finalizer)> present,
        CancellationToken cancellationToken)
    {
        // The server first, so it cannot add finalizers back or start new work (upstream's order).
        foreach (var deployment in new[] { InstallNames.Server }.Concat(InstallNames.ServerRoles.Select(InstallNames.RoleDeployment)))
        {
            await api.DeleteAsync($"{ObjectPaths.Collection("apps/v1", "deployments", @namespace)}/{deployment}", cancellationToken);
        }

        foreach (var (apiVersion, plural, finalizer) in present)
        {
            var collection = ObjectPaths.Collection(apiVersion, plural, @namespace);
            foreach (var name in await NamesAsync(apiVersion, plural, @namespace, cancellationToken))
            {
                var item = await api.GetAsync($"{collection}/{name}", cancellationToken);
                if (item?["metadata"]?["finalizers"] is not JsonArray finalizers || !finalizers.Any(f => (string?)f == finalizer))
                {
                    continue;
                }

                var kept = new JsonArray([.. finalizers.Where(f => (string?)f != finalizer).Select(f => f?.DeepClone())]);
                var patch = new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = kept } };
                var response = await api.MergePatchAsync($"{collection}/{name}", patch, cancellationToken);
                if (!response.IsSuccess && response.Status != HttpStatusCode.NotFound)
                {
                    throw new InstallException($"Error deleting resources forcedly: Error removing finalizer \"{finalizer}\" during force deletion: {response.Message}");
                }
            }
        }
    }

    private async Task<List<string>> NamesAsync(string apiVersion, string plural, string @namespace, CancellationToken cancellationToken)
    {
        var list = await api.GetAsync(ObjectPaths.Collection(apiVersion, plural, @namespace), cancellationToken);
        return list?["items"] is JsonArray items ? [.. items.Select(i => (string?)i?["metadata"]?["name"]).OfType<string>()] : [];
    }

    private async Task DeleteClusterRbacAsync(string @namespace, CancellationToken cancellationToken)
    {
        var upstream = InstallNames.UpstreamClusterRoleBinding(@namespace);
        var found = 0;
        foreach (var name in InstallNames.AllClusterScoped(@namespace).Append(upstream))
        {
            foreach (var plural in new[] { "clusterrolebindings", "clusterroles" })
            {
                if (plural == "clusterroles" && name == upstream)
                {
                    continue; // upstream binds the built-in cluster-admin, which stays
                }

                var response = await api.DeleteAsync($"/apis/rbac.authorization.k8s.io/v1/{plural}/{name}", cancellationToken);
                if (response.IsSuccess)
                {
                    found++;
                }
                else if (response.Status != HttpStatusCode.NotFound)
                {
                    ClusterApi.EnsureSuccess(response, "DELETE", plural + "/" + name);
                }
            }
        }

        if (found == 0)
        {
            await output.WriteAsync($"Velero ClusterRoleBinding \"{upstream}\" does not exist, skipping.\n");
        }
    }
}
