using Velero.ServiceDefaults.Hosting;

namespace Velero.Cli.Install;

/// <summary>The names of what <c>velero install</c> creates, in one place so install and uninstall agree.</summary>
public static class InstallNames
{
    public const string DefaultNamespace = "velero";

    /// <summary>The drop-in Deployment and ServiceAccount: what upstream's scripts, dashboards and <c>velero plugin add</c> expect.</summary>
    public const string Server = "velero";

    public const string NodeAgent = "node-agent";

    public const string CloudCredentials = "cloud-credentials";

    public const string BrokerSecret = "velero-broker";

    public const string DatabaseSecret = "velero-database";

    public const string Broker = "velero-rabbitmq";

    public const string Database = "velero-postgres";

    /// <summary>The key of the broker and database Secrets that holds the connection string the services read.</summary>
    public const string ConnectionStringKey = "connection-string";

    public const string UsernameKey = "username";

    public const string PasswordKey = "password";

    /// <summary>The label every object carries, as upstream's <c>install.Labels()</c>; uninstall finds CRDs by it.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string> { ["component"] = "velero" };

    /// <summary>The roles that run in Deployments; the uploader runs on every node, in the node agent.</summary>
    public static IReadOnlyList<string> ServerRoles { get; } = [RoleNames.Scheduler, RoleNames.Snapshotter, RoleNames.Restorer];

    /// <summary>A split-services Deployment: <c>velero-scheduler</c>, ...</summary>
    public static string RoleDeployment(string role) => $"velero-{role}";

    /// <summary>A role's ServiceAccount with <c>--split-services</c>.</summary>
    public static string RoleServiceAccount(string role) => $"velero-{role}";

    /// <summary>
    /// A role's ClusterRole and ClusterRoleBinding. Cluster-scoped, so an install into another namespace gets its own,
    /// as upstream names its binding <c>velero-&lt;namespace&gt;</c> there.
    /// </summary>
    public static string ClusterScoped(string @namespace, string role) =>
        @namespace == DefaultNamespace ? $"velero-{role}" : $"velero-{@namespace}-{role}";

    /// <summary>Upstream's ClusterRoleBinding (to cluster-admin), which uninstall also removes when an upstream install left it.</summary>
    public static string UpstreamClusterRoleBinding(string @namespace) =>
        @namespace == DefaultNamespace ? "velero" : $"velero-{@namespace}";

    /// <summary>A role's namespaced Role and RoleBinding.</summary>
    public static string NamespaceScoped(string role) => $"velero-{role}";

    /// <summary>The ClusterRoles (and their bindings) an install into <paramref name="namespace"/> creates.</summary>
    public static IReadOnlyList<string> AllClusterScoped(string @namespace) =>
        [.. RoleNames.All.Select(role => ClusterScoped(@namespace, role))];
}
