using System.Text.Json.Nodes;
using k8s;
using Velero.Api.Crds;

namespace Velero.Api.Tests;

/// <summary>
/// Every velero.io object in the shared artefacts (real resources, docs examples, OADP samples) survives
/// deserialization into the API types and serialization back with KubernetesJson: no field lost, none added.
/// Explicit nulls count as absent, as they do for the API server.
/// </summary>
public sealed class RoundTripTests
{
    /// <summary>
    /// Fixture content that no 1.18 server would accept or keep, removed before the round trip. Each entry must still
    /// be present in its fixture, so the list cannot go stale.
    /// </summary>
    private static readonly Dictionary<string, string[]> Errata = new(StringComparer.Ordinal)
    {
        // The docs write {} for these string lists; Go's decoder and the API server's schema reject a map there.
        ["velero-docs/backup-api-type.yaml#0"] =
        [
            "spec.excludedClusterScopedResources", "spec.includedClusterScopedResources",
            "spec.excludedNamespaceScopedResources", "spec.includedNamespaceScopedResources",
        ],
        ["velero-docs/schedule-api-type.yaml#0"] =
        [
            "spec.template.excludedClusterScopedResources", "spec.template.includedClusterScopedResources",
            "spec.template.excludedNamespaceScopedResources", "spec.template.includedNamespaceScopedResources",
        ],
        // status.volumeBackups is the pre-1.0 volume snapshot map, gone from the API (the API server prunes it).
        ["velero-docs/velero-backup.example.json#0"] = ["status.volumeBackups"],
    };

    public static TheoryData<string> VeleroObjects() => new(VeleroFixtures());

    [Theory]
    [MemberData(nameof(VeleroObjects))]
    public void Velero_object_round_trips_without_losing_fields(string fixture)
    {
        var original = Load(fixture);
        foreach (var path in Errata.GetValueOrDefault(fixture, []))
        {
            Assert.True(Remove(original, path), $"Erratum {path} no longer in {fixture}: drop it from the list.");
        }

        var type = TypeOf(original);
        var typed = Deserialize(original, type);
        var written = JsonNode.Parse(KubernetesJson.Serialize(typed))!;

        var expected = WithoutNulls(original);
        var differences = JsonDiff.Paths(expected, written);
        Assert.True(differences.Count == 0,
            $"{fixture} ({type.Name}) changed in the round trip:\n  " + string.Join("\n  ", differences));
    }

    [Fact]
    public void Artefacts_cover_every_v1_kind_but_the_repository()
    {
        var kinds = VeleroFixtures().Select(fixture => Load(fixture)["kind"]!.GetValue<string>()).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "Backup", "Restore", "Schedule", "BackupStorageLocation", "VolumeSnapshotLocation", "PodVolumeBackup",
                "PodVolumeRestore", "DeleteBackupRequest", "DownloadRequest", "ServerStatusRequest",
            },
            kinds);
    }

    [Fact]
    public void Real_backup_status_reads_into_typed_fields()
    {
        var backup = (V1.Backup)Deserialize(Load("mig-controller-fork/backup-with-status.real.yaml#0"), typeof(V1.Backup));

        Assert.Equal(V1.BackupPhase.Completed, backup.Status?.Phase);
        Assert.Equal("1.1.0", backup.Status?.FormatVersion);
        Assert.Equal(26, backup.Status?.Progress?.ItemsBackedUp);
        Assert.Equal(new DateTime(2024, 1, 12, 1, 38, 46, DateTimeKind.Utc), backup.Status?.Expiration?.ToUniversalTime());
        Assert.Equal(TimeSpan.FromDays(30), GoDuration.Parse(backup.Spec.Ttl!));
        Assert.Equal("default", backup.Metadata.Labels[WellKnown.StorageLocationLabel]);
    }

    private static IEnumerable<string> VeleroFixtures()
    {
        foreach (var file in ArtifactFiles())
        {
            var documents = YamlDocuments.LoadFile(Path.Combine(Fixtures.ArtifactsDirectory, file));
            for (var i = 0; i < documents.Count; i++)
            {
                if (IsVeleroObject(documents[i]))
                {
                    yield return $"{file}#{i}";
                }
            }
        }
    }

    private static IEnumerable<string> ArtifactFiles() =>
        Directory.GetFiles(Fixtures.ArtifactsDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Fixtures.ArtifactsDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static bool IsVeleroObject(JsonObject document) =>
        document["apiVersion"] is JsonValue apiVersion && apiVersion.TryGetValue<string>(out var value)
        && value.StartsWith(WellKnown.Group + "/", StringComparison.Ordinal);

    private static JsonObject Load(string fixture)
    {
        var separator = fixture.LastIndexOf('#');
        var documents = YamlDocuments.LoadFile(Path.Combine(Fixtures.ArtifactsDirectory, fixture[..separator]));
        return documents[int.Parse(fixture[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture)];
    }

    private static Type TypeOf(JsonObject document)
    {
        var version = document["apiVersion"]!.GetValue<string>().Split('/')[1];
        var kind = document["kind"]!.GetValue<string>();
        return VeleroCrds.TypeFor(version, kind) ?? throw new InvalidOperationException($"No API type for {version} {kind}.");
    }

    private static object Deserialize(JsonNode node, Type type) =>
        typeof(KubernetesJson).GetMethod(nameof(KubernetesJson.Deserialize), [typeof(string), typeof(System.Text.Json.JsonSerializerOptions)])!
            .MakeGenericMethod(type)
            .Invoke(null, [node.ToJsonString(), null])!;

    private static bool Remove(JsonObject root, string path)
    {
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate<string, JsonNode?>(root, (node, segment) => node?[segment]);
        return parent is JsonObject obj && obj.Remove(segments[^1]);
    }

    private static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(WithoutNulls)]),
        _ => node?.DeepClone(),
    };
}
