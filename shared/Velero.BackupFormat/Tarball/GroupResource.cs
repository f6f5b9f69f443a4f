namespace Velero.BackupFormat.Tarball;

/// <summary>
/// A Kubernetes group and resource, written as Go's <c>GroupResource.String()</c>: <c>pods</c> for the core group,
/// <c>deployments.apps</c> otherwise. It names the resource's directory in the tarball.
/// </summary>
public sealed record GroupResource(string Group, string Resource)
{
    public static GroupResource Parse(string value)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new GroupResource("", value) : new GroupResource(value[(dot + 1)..], value[..dot]);
    }

    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
