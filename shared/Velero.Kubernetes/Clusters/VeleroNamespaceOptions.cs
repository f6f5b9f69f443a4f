namespace Velero.Kubernetes.Clusters;

/// <summary>Where the Velero resources live in every cluster served. Section <c>Velero</c>.</summary>
public sealed class VeleroNamespaceOptions
{
    public const string Section = "Velero";

    /// <summary>The namespace of Backups, Restores, locations and requests (upstream's <c>--namespace</c>).</summary>
    public string Namespace { get; set; } = "velero";
}
