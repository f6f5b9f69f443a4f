namespace Velero.Restorer.Actions;

/// <summary>
/// An item of the backup by its group-resource (<c>pods</c>, <c>deployments.apps</c>), its namespace in the backup
/// (null for cluster-scoped items) and its name.
/// </summary>
public sealed record ItemReference(string GroupResource, string? Namespace, string Name)
{
    public override string ToString() => Namespace is null ? $"{GroupResource}/{Name}" : $"{GroupResource}/{Namespace}/{Name}";
}
