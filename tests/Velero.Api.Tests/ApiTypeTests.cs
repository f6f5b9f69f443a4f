using System.Reflection;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Velero.Api.Crds;

namespace Velero.Api.Tests;

/// <summary>The API types work with KubernetesClient's generic calls: entity metadata, list types, defaults.</summary>
public sealed class ApiTypeTests
{
    public static TheoryData<Type> ResourceTypes() => new(VeleroCrds.ResourceTypes);

    [Theory]
    [MemberData(nameof(ResourceTypes))]
    public void Resource_and_its_list_describe_the_same_resource(Type resourceType)
    {
        var entity = resourceType.GetCustomAttribute<KubernetesEntityAttribute>()!;
        var listType = resourceType.Assembly.GetType(resourceType.FullName + "List")!;
        var listEntity = listType.GetCustomAttribute<KubernetesEntityAttribute>()!;
        var resource = (IKubernetesObject<V1ObjectMeta>)Activator.CreateInstance(resourceType)!;
        var list = (IKubernetesObject<V1ListMeta>)Activator.CreateInstance(listType)!;

        Assert.Equal($"{entity.Group}/{entity.ApiVersion}", resource.ApiVersion);
        Assert.Equal(entity.Kind, resource.Kind);
        Assert.Equal(entity.Kind + "List", list.Kind);
        Assert.Equal(resource.ApiVersion, list.ApiVersion);
        Assert.Equal((entity.Group, entity.ApiVersion, entity.PluralName), (listEntity.Group, listEntity.ApiVersion, listEntity.PluralName));
        Assert.True(typeof(IItems<>).MakeGenericType(resourceType).IsAssignableFrom(listType));
        Assert.Same(resourceType, VeleroCrds.TypeFor(entity.ApiVersion, entity.Kind));
    }

    [Fact]
    public void Generated_yaml_loads_back_as_crds()
    {
        using var writer = new StringWriter();
        VeleroCrds.WriteYaml(writer);

        var loaded = KubernetesYaml.LoadAllFromString(writer.ToString()).OfType<V1CustomResourceDefinition>().ToList();

        Assert.Equal(VeleroCrds.ResourceTypes.Count, loaded.Count);
        Assert.Contains(loaded, crd => crd.Metadata.Name == "backupstoragelocations.velero.io" && crd.Spec.Names.ShortNames.Contains("bsl"));
    }

    [Fact]
    public void Backup_serializes_with_upstream_names_and_no_nulls()
    {
        var backup = new V1.Backup
        {
            Metadata = new V1ObjectMeta { Name = "nightly", NamespaceProperty = WellKnown.DefaultNamespace },
            Spec = new V1.BackupSpec { Ttl = GoDuration.Format(TimeSpan.FromHours(720)), DataMover = "velero", SnapshotMoveData = true },
            Status = new V1.BackupStatus { Phase = V1.BackupPhase.Queued, QueuePosition = 2 },
        };

        var json = JsonNode.Parse(KubernetesJson.Serialize(backup));

        var expected = JsonNode.Parse("""
            {
              "apiVersion": "velero.io/v1",
              "kind": "Backup",
              "metadata": { "name": "nightly", "namespace": "velero" },
              "spec": { "ttl": "720h0m0s", "snapshotMoveData": true, "datamover": "velero" },
              "status": { "phase": "Queued", "queuePosition": 2 }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json!.ToJsonString());
    }
}
