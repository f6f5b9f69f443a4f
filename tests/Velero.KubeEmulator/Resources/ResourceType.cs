using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Resources;

/// <summary>Where a scalable resource keeps its replica counts (the scale subresource).</summary>
public sealed record ScaleSpec(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);

/// <summary>One served resource in one group version, built in or from a CustomResourceDefinition.</summary>
public sealed record ResourceType
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Kind { get; init; }
    public required string Plural { get; init; }
    public required bool Namespaced { get; init; }
    public string Singular { get; init; } = "";
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;

    /// <summary>Writes to the main resource ignore status; /status writes change only status.</summary>
    public bool HasStatus { get; init; }
    public ScaleSpec? Scale { get; init; }

    /// <summary>metadata.generation is set and bumped on spec changes (CRs, CRDs, workloads).</summary>
    public bool HasGeneration { get; init; }

    /// <summary>Extra subresources with their own handlers, e.g. pods/exec or serviceaccounts/token.</summary>
    public IReadOnlyList<string> ExtraSubresources { get; init; } = [];

    /// <summary>Custom resources need a resourceVersion on PUT; most built-ins do not.</summary>
    public bool AllowUnconditionalUpdate { get; init; } = true;
    public bool IsCustom { get; init; }

    /// <summary>The structural schema of a custom resource version (openAPIV3Schema), when known.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>Top-level fields of a built-in kind, for fieldValidation=Strict (null: not checked).</summary>
    public IReadOnlyList<string>? TopLevelFields { get; init; }

    public static readonly IReadOnlyList<string> StandardVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Objects are stored per group and resource, shared by all versions (as etcd does).</summary>
    public string StorageKey => $"{Group}/{Plural}";

    public string ListKind => Kind + "List";

    /// <summary>The resource as it appears in error messages: "configmaps" or "deployments.apps".</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string SingularName => Singular.Length > 0 ? Singular : Kind.ToLowerInvariant();
}
