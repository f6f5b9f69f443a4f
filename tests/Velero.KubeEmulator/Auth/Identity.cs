namespace Velero.KubeEmulator.Auth;

/// <summary>Who made a request: the admin of the written kubeconfig, or a ServiceAccount by its token.</summary>
public sealed record Identity(string User, IReadOnlyList<string> Groups, bool IsAdmin)
{
    public static Identity Admin { get; } = new("kubernetes-admin", ["system:masters", "system:authenticated"], true);

    public static Identity ForServiceAccount(string ns, string name) =>
        new($"system:serviceaccount:{ns}:{name}", ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"], false);
}
