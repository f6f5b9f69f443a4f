namespace Velero.Restorer.Tests.Support;

/// <summary>One object of a cluster: its group-resource (<c>deployments.apps</c>), namespace (null: cluster-scoped) and name.</summary>
public sealed record ObjectKey(string GroupResource, string? Namespace, string Name)
{
    public override string ToString() => Namespace is null ? $"{GroupResource}/{Name}" : $"{GroupResource}/{Namespace}/{Name}";
}
