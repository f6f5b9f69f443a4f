using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Restore;

/// <summary>The flags of <c>restore create</c>, as upstream's CreateOptions.BindFlags declares them.</summary>
internal sealed class RestoreOptions
{
    public required Flag<string> FromBackup { get; init; }
    public required Flag<string> FromSchedule { get; init; }
    public required Flag<IReadOnlyList<string>> IncludeNamespaces { get; init; }
    public required Flag<IReadOnlyList<string>> ExcludeNamespaces { get; init; }
    public required Flag<IReadOnlyList<string>> NamespaceMappings { get; init; }
    public required Flag<IReadOnlyDictionary<string, string>> Labels { get; init; }
    public required Flag<IReadOnlyDictionary<string, string>> Annotations { get; init; }
    public required Flag<IReadOnlyList<string>> IncludeResources { get; init; }
    public required Flag<IReadOnlyList<string>> ExcludeResources { get; init; }
    public required Flag<string> ExistingResourcePolicy { get; init; }
    public required Flag<IReadOnlyList<string>> StatusIncludeResources { get; init; }
    public required Flag<IReadOnlyList<string>> StatusExcludeResources { get; init; }
    public required Flag<string> Selector { get; init; }
    public required Flag<string> OrSelector { get; init; }
    public required Flag<TimeSpan> ItemOperationTimeout { get; init; }
    public required Flag<bool?> RestoreVolumes { get; init; }
    public required Flag<bool?> PreserveNodePorts { get; init; }
    public required Flag<bool?> IncludeClusterResources { get; init; }
    public required Flag<bool?> AllowPartiallyFailed { get; init; }
    public required Flag<bool> Wait { get; init; }
    public required Flag<string> ResourceModifierConfigMap { get; init; }
    public required Flag<bool?> WriteSparseFiles { get; init; }
    public required Flag<int> ParallelFilesDownload { get; init; }
}
