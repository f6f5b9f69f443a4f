using static Velero.Cli.Commands.Server.ServerFlagKinds;

namespace Velero.Cli.Commands.Server;

/// <summary>
/// Every flag upstream v1.18.1's <c>velero server</c> takes (pkg/cmd/server/config/config.go, the global flags of
/// pkg/cmd/velero and klog's), with upstream's defaults, so existing charts and manifests start this server unchanged.
/// Those that apply set one of our settings; the others are checked as upstream checks them and then ignored.
/// </summary>
internal static class UpstreamServerFlags
{
    private const string NoVolumes = "volume snapshots, file-system backup and the data mover are not part of this server yet";
    private const string NoRepositories = "there are no backup repositories (Kopia) yet";
    private const string NoRateLimit = "requests to the Kubernetes API are not limited client-side (throttling answers are retried)";
    private const string Klog = "a Kubernetes client (klog) logging flag; logging follows --log-level and --log-format";

    public static IReadOnlyList<ServerFlag> All { get; } =
    [
        // Upstream's own server flags.
        LogFlags.Level,
        LogFlags.Format,
        Custom("metrics-address", "string", ":8085", "Urls",
            "Where the health and metrics endpoints listen (\":PORT\" is every interface; without the flag, 127.0.0.1:8085)",
            MetricsAddress),
        Setting("default-backup-ttl", "duration", FlagValues.Duration, "720h0m0s", "Scheduler:Backups:DefaultTtl",
            "How long a backup without spec.ttl is kept"),
        Setting("default-backup-storage-location", "string", FlagValues.String, "default",
            "Scheduler:Backups:DefaultStorageLocation", "The location of backups that name none, when no location is marked default"),
        Setting("concurrent-backups", "int", FlagValues.Int, "1", "Scheduler:Backups:Concurrency",
            "Backups of one cluster that run at once (4 here without the flag)"),
        Custom("store-validation-frequency", "duration", "1m0s", "Scheduler:StorageLocations:ValidationFrequency",
            "How often each backup storage location is validated (0s, which disables validation upstream, is ignored)",
            text => UnlessZero("store-validation-frequency", text, FlagValues.Duration,
                "Scheduler:StorageLocations:ValidationFrequency")),
        Setting("default-item-operation-timeout", "duration", FlagValues.Duration, "4h0m0s",
            "Scheduler:Restores:DefaultItemOperationTimeout", "How long asynchronous item operations may take"),
        Custom("client-page-size", "int", "500", "Snapshotter:Collection:PageSize",
            "Items per LIST request during a backup (0, which disables paging upstream, is ignored)",
            text => UnlessZero("client-page-size", text, FlagValues.Int, "Snapshotter:Collection:PageSize")),
        Setting("item-block-worker-count", "int", FlagValues.Int, "1", "Snapshotter:Collection:Workers",
            "Item blocks backed up in parallel (16 here without the flag)"),
        Custom("restore-resource-priorities", "string", null, "Restorer:Engine:ResourcePriorities",
            "The order of resource restores: high priorities, \"-\", low priorities", RestorePriorities),
        Setting("resource-timeout", "duration", FlagValues.Duration, "10m0s", "Restorer:Engine:CrdEstablishTimeout",
            "How long a restored CRD may take to become established"),
        Setting("terminating-resource-timeout", "duration", FlagValues.Duration, "10m0s",
            "Restorer:Engine:TerminatingNamespaceTimeout", "How long a restore waits for a terminating namespace to go"),
        Custom("backup-sync-period", "duration", "1m0s", "Scheduler:Sync:Period",
            "How often backups in each storage location are synced into the cluster (0s means 1m, as upstream)",
            text => UnlessZero("backup-sync-period", text, FlagValues.Duration, "Scheduler:Sync:Period")),
        Ignored("fs-backup-timeout", "duration", FlagValues.Duration, "4h0m0s", NoVolumes),
        Ignored("restore-only", "bool", FlagValues.Bool, null,
            "deprecated upstream; choose what runs with --roles, or make locations read-only"),
        Custom("disable-controllers", "strings", null, null,
            "there are no controllers to switch off one by one; --roles chooses what runs", DisableControllers),
        Ignored("client-qps", "float32", FlagValues.Float, "100", NoRateLimit),
        Ignored("client-burst", "int", FlagValues.Int, "100", NoRateLimit),
        Ignored("max-concurrent-k8s-connections", "int", FlagValues.Int, "30", NoRateLimit),
        Ignored("plugin-dir", "string", FlagValues.String, "/plugins", "plugins are built in, none are loaded from disk"),
        Ignored("profiler-address", "string", FlagValues.String, "localhost:6060",
            "there is no pprof endpoint; use dotnet-trace or dotnet-counters"),
        Ignored("volume-group-snapshot-label-key", "string", FlagValues.String, "velero.io/volume-group", NoVolumes),
        Ignored("default-repo-maintain-frequency", "duration", FlagValues.Duration, null, NoRepositories),
        Custom("garbage-collection-frequency", "duration", "1h0m0s", "Scheduler:GarbageCollection:Frequency",
            "How often expired backups are looked for and deleted (0s or less keeps the default, as upstream)",
            text => UnlessZero("garbage-collection-frequency", text, FlagValues.Duration, "Scheduler:GarbageCollection:Frequency")),
        Ignored("item-operation-sync-frequency", "duration", FlagValues.Duration, null,
            "asynchronous item operations report progress themselves; nothing polls them"),
        Ignored("default-volumes-to-fs-backup", "bool", FlagValues.Bool, null, NoVolumes),
        Custom("uploader-type", "string", "kopia", null, NoVolumes, UploaderType),
        Ignored("default-snapshot-move-data", "bool", FlagValues.Bool, null, NoVolumes),
        Ignored("disable-informer-cache", "bool", FlagValues.Bool, null, "restores read the cluster directly, with no informer cache"),
        Setting("schedule-skip-immediately", "bool", FlagValues.Bool, null, "Scheduler:Schedules:SkipImmediately",
            "Skip the first scheduled backup immediately after creating a schedule. Default is false (don't skip)."),
        Custom("default-volume-snapshot-locations", "mapStringString", null, null, NoVolumes, VolumeSnapshotLocations),
        Ignored("backup-repository-configmap", "string", FlagValues.String, null, NoRepositories),
        Ignored("repo-maintenance-job-configmap", "string", FlagValues.String, null, NoRepositories),

        // The global flags of every velero command.
        Setting("kubeconfig", "string", FlagValues.String, null, "Clusters:Kubeconfig", "The kubeconfig of the cluster to serve"),
        Setting("kubecontext", "string", FlagValues.String, null, "Clusters:Contexts:0", "The context of the cluster to serve"),
        Setting("namespace", "string", FlagValues.String, "velero", "Velero:Namespace",
            "The namespace of Velero's resources", shorthand: "n"),
        Ignored("features", "stringArray", FlagValues.String, null,
            "no feature flags (EnableCSI, EnableAPIGroupVersions) change this server yet"),
        Ignored("colorized", "bool", FlagValues.Bool, null, "the server prints no colours"),

        // klog's flags, which upstream adds to every command.
        Ignored("add_dir_header", "bool", FlagValues.Bool, null, Klog),
        Ignored("alsologtostderr", "bool", FlagValues.Bool, null, Klog),
        Ignored("legacy_stderr_threshold_behavior", "bool", FlagValues.Bool, "true", Klog),
        Ignored("log_backtrace_at", "traceLocation", FlagValues.String, ":0", Klog),
        Ignored("log_dir", "string", FlagValues.String, null, Klog),
        Ignored("log_file", "string", FlagValues.String, null, Klog),
        Ignored("log_file_max_size", "uint", FlagValues.Uint, "1800", Klog),
        Ignored("logtostderr", "bool", FlagValues.Bool, "true", Klog),
        Ignored("one_output", "bool", FlagValues.Bool, null, Klog),
        Ignored("skip_headers", "bool", FlagValues.Bool, null, Klog),
        Ignored("skip_log_headers", "bool", FlagValues.Bool, null, Klog),
        Ignored("stderrthreshold", "severity", FlagValues.String, "2", Klog),
        Ignored("v", "Level", FlagValues.Int, null, Klog, shorthand: "v"),
        Ignored("vmodule", "moduleSpec", FlagValues.String, null, Klog),
    ];

    /// <summary>Upstream's <c>--disable-controllers</c> values; any other is refused at start as upstream does.</summary>
    internal static IReadOnlyList<string> Controllers { get; } =
    [
        "backup-queue", "backup", "backup-operations", "backup-deletion", "backup-finalizer", "backup-sync",
        "download-request", "gc", "backup-repo", "restore", "restore-operations", "schedule", "server-status-request",
        "restore-finalizer",
    ];

    /// <summary>Go's <c>:8085</c> listens on every interface, as Kestrel's <c>*</c> does.</summary>
    private static FlagOutcome MetricsAddress(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !ushort.TryParse(text.AsSpan(colon + 1), out var port) || text.AsSpan(0, colon).Contains(' '))
        {
            return FlagOutcome.Invalid("metrics-address", text, "want HOST:PORT or :PORT");
        }

        var host = colon == 0 ? "*" : text[..colon];
        return FlagOutcome.Set("Urls", $"http://{host}:{port}");
    }

    private static FlagOutcome UnlessZero(string name, string text, FlagValues.Parser parse, string key)
    {
        if (!parse(text, out var value, out var error))
        {
            return FlagOutcome.Invalid(name, text, error);
        }

        return value is "0" or "00:00:00" || value.StartsWith('-')
            ? FlagOutcome.Ignore($"--{name}={text}")
            : FlagOutcome.Set(key, value);
    }

    private static FlagOutcome RestorePriorities(string text) =>
        text.Split(',').Count(p => p == "-") > 1
            ? FlagOutcome.Invalid("restore-resource-priorities", text, "multiple priority separator \"-\" found")
            : FlagOutcome.Set("Restorer:Engine:ResourcePriorities", text);

    private static FlagOutcome DisableControllers(string text)
    {
        var unknown = FlagValues.SplitList(text).FirstOrDefault(c => !Controllers.Contains(c, StringComparer.Ordinal));
        return unknown is null
            ? FlagOutcome.Ignore("--disable-controllers")
            : FlagOutcome.Fail($"Invalid value for --disable-controllers flag provided: {unknown}. Valid values are: {string.Join(",", Controllers)}");
    }

    /// <summary>Upstream v1.18 knows only Kopia and refuses anything else at start.</summary>
    private static FlagOutcome UploaderType(string text) =>
        text.Trim() == "kopia"
            ? FlagOutcome.Ignore("--uploader-type")
            : FlagOutcome.Fail($"invalid uploader type '{text.Trim()}', valid type: 'kopia'");

    /// <summary>provider1:location-01,provider2:location-02 as upstream's map flag parses it.</summary>
    private static FlagOutcome VolumeSnapshotLocations(string text)
    {
        var bad = FlagValues.SplitList(text).FirstOrDefault(part => !part.Contains(':'));
        return bad is null
            ? FlagOutcome.Ignore("--default-volume-snapshot-locations")
            : FlagOutcome.Invalid("default-volume-snapshot-locations", text, $"error parsing \"{bad}\"");
    }
}
