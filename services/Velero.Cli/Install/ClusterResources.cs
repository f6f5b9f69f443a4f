using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Cli.Install;

/// <summary>The CRDs and the namespace.</summary>
public static class ClusterResources
{
    /// <summary>The project's CRDs, each labelled <c>component: velero</c> as upstream's <c>AllCRDs</c> labels them.</summary>
    public static IReadOnlyList<V1CustomResourceDefinition> Crds()
    {
        var crds = VeleroCrds.All();
        foreach (var crd in crds)
        {
            crd.Metadata.Labels = new Dictionary<string, string>(InstallNames.Labels);
        }

        return crds;
    }

    /// <summary>
    /// The namespace with Pod Security admission labels. Upstream enforces <c>privileged</c> everywhere; here that is
    /// only needed for the node agent's host path. Without it the namespace enforces <c>baseline</c> (so containers
    /// added later by <c>velero plugin add</c>, which sets no security context, still start) and warns and audits
    /// against <c>restricted</c>, which every pod of the install meets.
    /// </summary>
    public static V1Namespace Namespace(InstallOptions options)
    {
        var ns = InstallMeta.For(null, options.Namespace);
        var hostAccess = options.UseNodeAgent && (!options.NodeAgentDisableHostPath || options.PrivilegedNodeAgent);
        var enforce = hostAccess ? "privileged" : "baseline";
        var check = enforce == "privileged" ? "privileged" : "restricted";
        ns.Labels["pod-security.kubernetes.io/enforce"] = enforce;
        ns.Labels["pod-security.kubernetes.io/enforce-version"] = "latest";
        ns.Labels["pod-security.kubernetes.io/audit"] = check;
        ns.Labels["pod-security.kubernetes.io/audit-version"] = "latest";
        ns.Labels["pod-security.kubernetes.io/warn"] = check;
        ns.Labels["pod-security.kubernetes.io/warn-version"] = "latest";
        return new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = ns };
    }
}
