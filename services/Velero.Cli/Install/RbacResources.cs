using k8s;
using k8s.Models;
using Velero.ServiceDefaults.Hosting;

namespace Velero.Cli.Install;

/// <summary>
/// ServiceAccounts and least-privilege RBAC: per role a ClusterRole and a Role in the Velero namespace
/// (<see cref="RoleRules"/>), bound to the single <c>velero</c> ServiceAccount by default (which then holds their
/// union, as the one <c>velero</c> Deployment runs every server role) or, with <c>--split-services</c>, each to its
/// role's own ServiceAccount. With <c>--service-account-name</c> none of this is created, as upstream.
/// </summary>
public static class RbacResources
{
    /// <summary>The roles that get RBAC: the server roles, and the uploader when the node agent is installed.</summary>
    public static IReadOnlyList<string> Roles(InstallOptions options) =>
        options.UseNodeAgent ? [.. InstallNames.ServerRoles, RoleNames.Uploader] : InstallNames.ServerRoles;

    /// <summary>In creation order: ServiceAccounts, ClusterRoles, ClusterRoleBindings, Roles, RoleBindings.</summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> For(InstallOptions options)
    {
        if (options.ServiceAccountName.Length > 0)
        {
            return [];
        }

        var roles = Roles(options);
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        objects.AddRange(options.SplitServices
            ? roles.Select(role => ServiceAccount(options, InstallNames.RoleServiceAccount(role)))
            : [ServiceAccount(options, InstallNames.Server)]);
        objects.AddRange(roles.Select(role => ClusterRole(options, role)));
        objects.AddRange(roles.Select(role => ClusterRoleBinding(options, role)));
        objects.AddRange(roles.Select(role => Role(options, role)));
        objects.AddRange(roles.Select(role => RoleBinding(options, role)));
        return objects;
    }

    private static V1ServiceAccount ServiceAccount(InstallOptions options, string name)
    {
        var meta = InstallMeta.For(options.Namespace, name);
        meta.Annotations = options.ServiceAccountAnnotations.Count == 0 ? null : new Dictionary<string, string>(options.ServiceAccountAnnotations);
        return new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = meta };
    }

    private static V1ClusterRole ClusterRole(InstallOptions options, string role) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRole",
        Metadata = InstallMeta.For(null, InstallNames.ClusterScoped(options.Namespace, role)),
        Rules = RoleRules.Cluster(role),
    };

    private static V1ClusterRoleBinding ClusterRoleBinding(InstallOptions options, string role) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRoleBinding",
        Metadata = InstallMeta.For(null, InstallNames.ClusterScoped(options.Namespace, role)),
        Subjects = [Subject(options, role)],
        RoleRef = new V1RoleRef
        {
            ApiGroup = "rbac.authorization.k8s.io",
            Kind = "ClusterRole",
            Name = InstallNames.ClusterScoped(options.Namespace, role),
        },
    };

    private static V1Role Role(InstallOptions options, string role) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "Role",
        Metadata = InstallMeta.For(options.Namespace, InstallNames.NamespaceScoped(role)),
        Rules = RoleRules.Namespace(role),
    };

    private static V1RoleBinding RoleBinding(InstallOptions options, string role) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "RoleBinding",
        Metadata = InstallMeta.For(options.Namespace, InstallNames.NamespaceScoped(role)),
        Subjects = [Subject(options, role)],
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = InstallNames.NamespaceScoped(role) },
    };

    private static Rbacv1Subject Subject(InstallOptions options, string role) => new()
    {
        Kind = "ServiceAccount",
        Name = options.SplitServices ? InstallNames.RoleServiceAccount(role) : InstallNames.Server,
        NamespaceProperty = options.Namespace,
    };
}
