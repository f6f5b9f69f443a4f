namespace Velero.KubeEmulator.Engine;

/// <summary>The query parameters of a write: fieldManager, dryRun, fieldValidation, force.</summary>
public sealed record WriteOptions
{
    public string FieldManager { get; init; } = "unknown";
    public bool DryRun { get; init; }

    /// <summary>Strict, Warn or Ignore. The server default is Warn; kubectl sends Strict.</summary>
    public string FieldValidation { get; init; } = "Warn";
    public bool Force { get; init; }

    /// <summary>Bootstrap only: kube-system keeps a uid derived from the cluster's name (the product's cluster id).</summary>
    internal string? FixedUid { get; init; }

    /// <summary>Warnings for the Warning response header (e.g. unknown fields under Warn).</summary>
    public List<string> Warnings { get; } = [];

    public static WriteOptions System(string manager) => new() { FieldManager = manager, FieldValidation = "Ignore" };
}

/// <summary>The body of a DELETE (metav1.DeleteOptions) that matters here.</summary>
public sealed record DeleteOptions(string? PreconditionUid, string? PreconditionResourceVersion, bool DryRun);
