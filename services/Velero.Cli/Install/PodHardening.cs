using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// The security settings of every pod an install creates: a non-root user, the runtime's default seccomp profile, no
/// privilege escalation, a read-only root filesystem and no capabilities. They meet the Pod Security Standard
/// <c>restricted</c>. The node agent is the one exception (<see cref="NodeAgentContainer"/>), documented in docs/install.md.
/// </summary>
public static class PodHardening
{
    /// <summary>The nonroot user of distroless and hardened images; the server image runs as it.</summary>
    public const long NonRootUser = 65532;

    /// <summary>The capabilities the node agent keeps: reading any file of a pod volume, restoring owners and modes.</summary>
    public static IReadOnlyList<string> NodeAgentCapabilities { get; } = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID"];

    public static V1PodSecurityContext Pod(long user) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = user,
        RunAsGroup = user,
        FsGroup = user,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    public static V1SecurityContext Container() => new()
    {
        AllowPrivilegeEscalation = false,
        Privileged = false,
        ReadOnlyRootFilesystem = true,
        RunAsNonRoot = true,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    /// <summary>
    /// The node agent reads and restores files of other pods' volumes through the kubelet's directory, whatever their
    /// owners and modes. Capabilities only take effect for uid 0 (Kubernetes has no ambient capabilities, and file
    /// capabilities are ignored under no_new_privs), so it runs as uid 0, but with every capability dropped except
    /// <see cref="NodeAgentCapabilities"/>, a read-only root filesystem and no privilege escalation.
    /// <c>--privileged-node-agent</c> (upstream's, for block volumes) makes it privileged on the user's request.
    /// </summary>
    public static V1PodSecurityContext NodeAgentPod() => new()
    {
        RunAsNonRoot = false,
        RunAsUser = 0,
        RunAsGroup = 0,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    public static V1SecurityContext NodeAgentContainer(bool privileged) => privileged
        ? new V1SecurityContext { Privileged = true, ReadOnlyRootFilesystem = true }
        : new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            Privileged = false,
            ReadOnlyRootFilesystem = true,
            Capabilities = new V1Capabilities { Drop = ["ALL"], Add = [.. NodeAgentCapabilities] },
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        };
}
