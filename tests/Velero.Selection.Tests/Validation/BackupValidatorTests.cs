using Velero.Api;
using Velero.Api.V1;
using Velero.Selection.Namespaces;
using Velero.Selection.Resources;
using Velero.Selection.Tests.Support;
using Velero.Selection.Validation;
using static Velero.Selection.Tests.Support.Locations;

namespace Velero.Selection.Tests.Validation;

/// <summary><c>prepareBackupRequest</c> in <c>pkg/controller/backup_controller.go</c> (Velero 1.18.1).</summary>
public sealed class BackupValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly ClusterVersion Version = new("v1.31.2", "1", "31");

    private static BackupValidationResult Validate(
        Backup backup,
        BackupStorageLocation[]? bsls = null,
        ClusterNamespace[]? namespaces = null,
        VolumeSnapshotLocation[]? vsls = null,
        k8s.Models.V1ConfigMap? policy = null,
        BackupServerDefaults? defaults = null) =>
        new BackupValidator(defaults ?? new BackupServerDefaults(), new FixedTimeProvider(Now)).Validate(backup, new BackupValidationContext
        {
            StorageLocations = bsls ?? [Bsl("default", isDefault: true)],
            SnapshotLocations = vsls ?? [],
            Namespaces = namespaces ?? [new("default"), new("shop")],
            ClusterVersion = Version,
            ResourcePolicyConfigMap = policy,
        });

    [Fact]
    public void A_minimal_backup_gets_every_default_of_spec_4_1()
    {
        var result = Validate(Backup(), bsls: [Bsl("default"), Bsl("primary", isDefault: true)]);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var spec = result.Backup.Spec;
        Assert.Equal("720h0m0s", spec.Ttl);
        Assert.Equal("10m0s", spec.CsiSnapshotTimeout);
        Assert.Equal("4h0m0s", spec.ItemOperationTimeout);
        Assert.Equal("velero.io/volume-group", spec.VolumeGroupSnapshotLabelKey);
        Assert.Equal("primary", spec.StorageLocation); // the BSL marked default beats the server flag
        Assert.False(spec.DefaultVolumesToFsBackup);
        Assert.False(spec.SnapshotMoveData);
        Assert.Equal(["*"], spec.IncludedNamespaces);
        // No filters is the old kind (UseOldResourceFilters), so the auto-excludes are stored as old excludes.
        Assert.Equal([AutoExcludedResources.VolumeSnapshots, AutoExcludedResources.VolumeSnapshotContents], spec.ExcludedResources);
        Assert.Null(spec.ExcludedClusterScopedResources);
        Assert.Null(spec.ExcludedNamespaceScopedResources);
        Assert.Equal(1, result.Backup.Status!.Version);
        Assert.Equal("1.1.0", result.Backup.Status.FormatVersion);
        Assert.Equal(Now.UtcDateTime.AddHours(720), result.Backup.Status.Expiration);
        Assert.Equal("primary", result.Backup.Metadata.Labels[WellKnown.StorageLocationLabel]);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["velero.io/source-cluster-k8s-gitversion"] = "v1.31.2",
                ["velero.io/source-cluster-k8s-major-version"] = "1",
                ["velero.io/source-cluster-k8s-minor-version"] = "31",
                ["velero.io/resource-timeout"] = "10m0s",
            },
            result.Backup.Metadata.Annotations);
        Assert.Equal("primary", result.StorageLocation!.Metadata.Name);
    }

    [Fact]
    public void The_input_backup_is_not_modified()
    {
        var backup = Backup();
        Validate(backup);
        Assert.Null(backup.Spec.Ttl);
        Assert.Null(backup.Status);
    }

    [Theory]
    [InlineData("24h", "24h0m0s", 24)]
    [InlineData("0s", "720h0m0s", 720)]
    [InlineData("90m", "1h30m0s", 1.5)]
    public void Ttl_sets_the_expiration(string ttl, string stored, double hours)
    {
        var result = Validate(Backup(new BackupSpec { Ttl = ttl }));
        Assert.Equal(stored, result.Backup.Spec.Ttl);
        Assert.Equal(Now.UtcDateTime.AddHours(hours), result.Backup.Status!.Expiration);
    }

    [Fact]
    public void Unparsable_durations_fail_validation() =>
        Assert.Equal(["invalid duration in spec.ttl: \"a week\""], Validate(Backup(new BackupSpec { Ttl = "a week" })).Errors);

    public static TheoryData<string?, BackupStorageLocation[], string[]> StorageLocationCases => new()
    {
        { null, [Bsl("default")], [] },
        { null, [], ["an existing backup storage location was not specified at backup creation time and the server default default does not exist. Please address this issue (see `velero backup-location -h` for options) and create a new backup. Error: backupstoragelocations.velero.io \"default\" not found"] },
        { "other", [Bsl("default")], ["an existing backup storage location was not specified at backup creation time and the default other was not found. Please address this issue (see `velero backup-location -h` for options) and create a new backup. Error: backupstoragelocations.velero.io \"other\" not found"] },
        { "ro", [Bsl("ro", accessMode: BackupStorageLocationAccessMode.ReadOnly)], ["backup can't be created because backup storage location ro is currently in read-only mode"] },
        { "down", [Bsl("down", phase: BackupStorageLocationPhase.Unavailable)], ["backup can't be created because BackupStorageLocation down is in Unavailable status."] },
        { "new", [Bsl("new", phase: null)], ["backup can't be created because BackupStorageLocation new is in Unavailable status."] },
        { "both", [Bsl("both", accessMode: "ReadOnly", phase: "Unavailable")], [
            "backup can't be created because backup storage location both is currently in read-only mode",
            "backup can't be created because BackupStorageLocation both is in Unavailable status."] },
    };

    [Theory]
    [MemberData(nameof(StorageLocationCases))]
    public void Storage_location_must_exist_be_writable_and_available(string? location, BackupStorageLocation[] bsls, string[] errors)
    {
        var result = Validate(Backup(new BackupSpec { StorageLocation = location }), bsls);
        Assert.Equal(errors, result.Errors);
        Assert.Equal(errors.Length == 0 ? null : errors, result.Backup.Status!.ValidationErrors);
    }

    [Fact]
    public void A_long_location_name_is_shortened_in_the_label()
    {
        var name = new string('l', 70);
        var result = Validate(Backup(new BackupSpec { StorageLocation = name }), [Bsl(name)]);
        Assert.Equal(Velero.BackupFormat.Layout.LabelValues.GetValidName(name), result.Backup.Metadata.Labels[WellKnown.StorageLocationLabel]);
        Assert.Equal(63, result.Backup.Metadata.Labels[WellKnown.StorageLocationLabel].Length);
    }

    [Fact]
    public void Snapshot_locations_are_resolved_into_the_spec()
    {
        var result = Validate(Backup(), vsls: [Vsl("aws-1", "aws"), Vsl("aws-2", "aws")],
            defaults: new BackupServerDefaults { VolumeSnapshotLocations = new Dictionary<string, string> { ["aws"] = "aws-2" } });
        Assert.Equal(["aws-2"], result.Backup.Spec.VolumeSnapshotLocations);
        Assert.Equal("aws-2", Assert.Single(result.SnapshotLocations).Metadata.Name);
    }

    [Fact]
    public void Ambiguous_snapshot_locations_fail() =>
        Assert.Equal(
            ["provider aws has more than one possible volume snapshot location, and none were specified explicitly or as a default"],
            Validate(Backup(), vsls: [Vsl("aws-1", "aws"), Vsl("aws-2", "aws")]).Errors);
}
