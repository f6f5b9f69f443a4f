using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Kubernetes.Install;

/// <summary>
/// Puts the project's <c>velero.io</c> CRDs and the Velero namespace into a cluster, as <c>velero install</c> does,
/// and waits until the API server serves them. Server-side apply, so running it again changes nothing.
/// </summary>
public static class VeleroCrdInstaller
{
    public const string FieldManager = "velero-install";

    public static async Task ApplyAsync(IKubernetes client, string veleroNamespace, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        await EnsureNamespaceAsync(client, veleroNamespace, cancellationToken);
        var crds = VeleroCrds.All();
        foreach (var crd in crds)
        {
            await client.ApiextensionsV1.PatchCustomResourceDefinitionAsync(new V1Patch(crd, V1Patch.PatchType.ApplyPatch),
                crd.Metadata.Name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        foreach (var crd in crds)
        {
            await WaitEstablishedAsync(client, crd.Metadata.Name, deadline.Token);
        }
    }

    private static async Task EnsureNamespaceAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } },
                cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }
    }

    private static async Task WaitEstablishedAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: cancellationToken);
            if (crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
