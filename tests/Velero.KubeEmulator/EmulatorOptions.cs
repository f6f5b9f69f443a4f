namespace Velero.KubeEmulator;

/// <summary>How to start an emulator instance.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Loopback address and port; port 0 picks a free one.</summary>
    public string Listen { get; set; } = "127.0.0.1:0";

    /// <summary>Where to write (or merge into) the admin kubeconfig; a temp file when null.</summary>
    /// <summary>
    /// A second, HTTPS listener (self-signed certificate). kubectl sends tokens only over TLS, so this is where
    /// `kubectl --token` requests meet RBAC. Null disables it.
    /// </summary>
    public string? SecureListen { get; set; } = "127.0.0.1:0";

    public string? KubeconfigPath { get; set; }

    public string ContextName { get; set; } = "emulator";

    /// <summary>A directory of manifests to load at start (CRDs and namespaces first).</summary>
    public string? SeedDirectory { get; set; }

    /// <summary>The minor version /version reports (30-33: the machine's kubectl dispatches on it).</summary>
    public int Minor { get; set; } = 32;

    /// <summary>Mixed into the kube-system uid with the context name, so a restart keeps the cluster id.</summary>
    public string? ClusterIdSeed { get; set; }

    /// <summary>How many changes watches can resume from; older resourceVersions answer 410 Gone (etcd compaction).</summary>
    public int WatchHistory { get; set; } = 20_000;

    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
