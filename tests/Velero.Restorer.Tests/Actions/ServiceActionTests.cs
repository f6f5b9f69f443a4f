using System.Text.Json.Nodes;
using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Actions;

public sealed class ServiceActionTests
{
    private static readonly ServiceAction s_action = new();

    private static async Task<JsonObject> RunAsync(JsonObject service, bool preserveNodePorts = false)
    {
        var context = ActionContexts.For("services", service, spec => spec.PreserveNodePorts = preserveNodePorts);
        return (await s_action.ExecuteAsync(context, service, CancellationToken.None)).Item;
    }

    private static JsonObject Service(string spec, string? lastApplied = null, string? managedFields = null)
    {
        var service = ActionContexts.Json("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"namespace\":\"ns\",\"name\":\"svc\"},\"spec\":" + spec + "}");
        if (lastApplied is not null)
        {
            service["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = lastApplied };
        }

        if (managedFields is not null)
        {
            service["metadata"]!["managedFields"] = JsonNode.Parse(managedFields);
        }

        return service;
    }

    private static IEnumerable<long?> NodePorts(JsonObject service) =>
        service["spec"]!["ports"]!.AsArray().Select(p => (long?)p!["nodePort"]);

    [Fact]
    public async Task Cluster_ip_is_allocated_anew_but_a_headless_service_stays_headless()
    {
        var normal = await RunAsync(Service("""{"clusterIP":"10.0.0.1","clusterIPs":["10.0.0.1"]}"""));
        var headless = await RunAsync(Service("""{"clusterIP":"None","clusterIPs":["None"]}"""));

        Assert.False(normal["spec"]!.AsObject().ContainsKey("clusterIP"));
        Assert.False(normal["spec"]!.AsObject().ContainsKey("clusterIPs"));
        Assert.Equal("None", (string?)headless["spec"]!["clusterIP"]);
        Assert.Equal("None", (string?)headless["spec"]!["clusterIPs"]![0]);
    }

    [Fact]
    public async Task Auto_assigned_node_ports_are_dropped_and_nothing_else()
    {
        var service = await RunAsync(Service("""{"type":"NodePort","ports":[{"port":80,"nodePort":30000},{"port":81,"nodePort":30001,"targetPort":8081}]}"""));

        Assert.Equal([null, null], NodePorts(service));
        Assert.Equal(8081, (long?)service["spec"]!["ports"]![1]!["targetPort"]);
    }

    [Theory]
    [InlineData("""{"spec":{"ports":[{"port":80}]}}""", null)]
    [InlineData("""{"spec":{"ports":[{"port":80,"nodePort":30000}]}}""", 30000L)]
    [InlineData("""{"spec":{"ports":[{"name":"http","port":80,"nodePort":30000}]}}""", null)]
    [InlineData("""{"spec":{"ports":[{"name":"http","port":80,"nodePort":"30000"}]}}""", null)]
    public async Task Unnamed_node_port_is_kept_only_when_the_last_applied_configuration_sets_its_value(string lastApplied, long? expected)
    {
        var service = await RunAsync(Service("""{"type":"NodePort","ports":[{"port":80,"nodePort":30000}]}""", lastApplied));

        Assert.Equal([expected], NodePorts(service));
    }

    [Fact]
    public async Task Named_node_port_is_kept_when_the_last_applied_configuration_names_it()
    {
        var service = await RunAsync(Service(
            """{"type":"NodePort","ports":[{"name":"http","port":80,"nodePort":30000},{"name":"admin","port":81,"nodePort":30001}]}""",
            """{"spec":{"ports":[{"name":"http","port":80,"nodePort":30000},{"name":"admin","port":81}]}}"""));

        Assert.Equal([30000L, null], NodePorts(service));
    }

    [Fact]
    public async Task Node_port_owned_by_server_side_apply_is_kept()
    {
        var managed = """
            [{"manager":"kubectl","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:ports":{
              "k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:nodePort":{},"f:port":{}},
              "k:{\"port\":81,\"protocol\":\"TCP\"}":{".":{},"f:port":{}}}}}}]
            """;
        var service = await RunAsync(Service(
            """{"type":"NodePort","ports":[{"port":80,"protocol":"TCP","nodePort":30000},{"port":81,"protocol":"TCP","nodePort":30001}]}""",
            managedFields: managed));

        Assert.Equal([30000L, null], NodePorts(service));
    }

    [Fact]
    public async Task Preserve_node_ports_keeps_node_ports_and_health_check_port()
    {
        var service = await RunAsync(
            Service("""{"type":"LoadBalancer","externalTrafficPolicy":"Local","healthCheckNodePort":32000,"ports":[{"port":80,"nodePort":30000}]}"""),
            preserveNodePorts: true);

        Assert.Equal([30000L], NodePorts(service));
        Assert.Equal(32000, (long?)service["spec"]!["healthCheckNodePort"]);
    }

    [Theory]
    [InlineData("""{"type":"LoadBalancer","externalTrafficPolicy":"Local","healthCheckNodePort":32000}""", null, null)]
    [InlineData("""{"type":"LoadBalancer","externalTrafficPolicy":"Cluster","healthCheckNodePort":32000}""", null, 32000L)]
    [InlineData("""{"type":"LoadBalancer","externalTrafficPolicy":"Local","healthCheckNodePort":32000}""", """{"spec":{"healthCheckNodePort":32000}}""", 32000L)]
    public async Task Health_check_node_port_is_dropped_only_when_it_was_auto_assigned(string spec, string? lastApplied, long? expected)
    {
        var service = await RunAsync(Service(spec, lastApplied));

        Assert.Equal(expected, (long?)service["spec"]!["healthCheckNodePort"]);
    }

    [Fact]
    public async Task Health_check_node_port_owned_by_server_side_apply_is_kept()
    {
        var service = await RunAsync(Service(
            """{"type":"LoadBalancer","externalTrafficPolicy":"Local","healthCheckNodePort":32000}""",
            managedFields: """[{"manager":"kubectl","fieldsV1":{"f:spec":{"f:healthCheckNodePort":{}}}}]"""));

        Assert.Equal(32000, (long?)service["spec"]!["healthCheckNodePort"]);
    }

    [Fact]
    public async Task Every_service_of_the_fixture_manifests_restores_without_cluster_ip_or_node_ports()
    {
        var services = FixtureManifests.OfKind("Service").ToList();
        Assert.NotEmpty(services);
        foreach (var (file, original) in services)
        {
            var headless = (string?)original["spec"]?["clusterIP"] == "None";
            var service = await RunAsync(original);
            Assert.True(headless == service["spec"]!.AsObject().ContainsKey("clusterIP"), file);
            Assert.All(service["spec"]!["ports"]?.AsArray() ?? [], port => Assert.Null(port!["nodePort"]));
        }
    }
}
