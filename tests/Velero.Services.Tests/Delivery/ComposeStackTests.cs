namespace Velero.Services.Tests.Delivery;

/// <summary>
/// docker-compose.yml as a whole, checked here since no Docker engine runs in CI: every service runs a tagged image,
/// is health-checked or says why not, publishes on loopback only, keeps state in declared volumes, and waits only
/// for conditions its dependencies can meet.
/// </summary>
public sealed class ComposeStackTests
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void The_stack_has_the_dependencies_the_observability_and_the_four_roles()
    {
        Assert.Subset(_compose.Services.Keys.ToHashSet(),
            new HashSet<string> { "rabbitmq", "postgres", "minio", "minio-bucket", "otel-collector", "jaeger", "prometheus", "grafana" });
        Assert.Equal(4, _compose.VeleroServices.Count());
    }

    [Fact]
    public void Every_service_runs_a_tagged_image()
    {
        foreach (var (name, service) in _compose.Services)
        {
            var image = ComposeFile.Interpolate(Yaml.Text(service.GetValueOrDefault("image"), $"{name}: image"));
            var lastSegment = image[(image.LastIndexOf('/') + 1)..];
            Assert.True(lastSegment.Contains(':', StringComparison.Ordinal), $"{name}: image {image} has no tag");
            Assert.Null(service.GetValueOrDefault("build"));
        }
    }

    [Fact]
    public void Every_service_is_health_checked_without_a_shell_or_says_why_not()
    {
        foreach (var name in _compose.Services.Keys)
        {
            var service = _compose.Service(name);
            if (_compose.HasHealthCheck(name))
            {
                var check = Yaml.Map(service["healthcheck"], $"{name}: healthcheck");
                var test = Yaml.Texts(check.GetValueOrDefault("test"), $"{name}: healthcheck.test");
                Assert.True(test is ["CMD", _, ..], $"{name}: the health check should run a program (CMD), not a shell: {string.Join(' ', test)}");
                Assert.NotNull(check.GetValueOrDefault("interval"));
                Assert.NotNull(check.GetValueOrDefault("retries"));
            }
            else
            {
                var note = service.GetValueOrDefault("x-healthcheck-note") as string;
                Assert.False(string.IsNullOrWhiteSpace(note), $"{name}: no health check and no x-healthcheck-note saying why");
            }
        }
    }

    [Fact]
    public void Every_published_port_is_bound_to_loopback_and_published_once()
    {
        var published = new Dictionary<int, string>();
        foreach (var name in _compose.Services.Keys)
        {
            foreach (var port in _compose.Ports(name))
            {
                Assert.True(port.HostIp == "127.0.0.1", $"{name}: port {port.Target} is published on {port.HostIp ?? "every interface"}");
                Assert.True(port.Published is not null, $"{name}: port {port.Target} gets a random host port");
                Assert.True(published.TryAdd(port.Published!.Value, name),
                    $"{name}: host port {port.Published} is already published by {published.GetValueOrDefault(port.Published!.Value)}");
            }
        }
    }

    [Fact]
    public void Named_volumes_are_declared_and_used_and_bind_mounts_name_files_that_exist()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _compose.Services.Keys)
        {
            foreach (var volume in _compose.ServiceVolumes(name))
            {
                switch (volume.Type)
                {
                    case "volume":
                        Assert.True(volume.Source is not null, $"{name}: anonymous volume at {volume.Target}; name it");
                        Assert.True(_compose.Volumes.Contains(volume.Source!), $"{name}: volume {volume.Source} is not declared");
                        used.Add(volume.Source!);
                        break;
                    case "bind" when volume.Source!.Contains("${VELERO_KUBECONFIG", StringComparison.Ordinal):
                        // The user's kubeconfig: read-only, and never created as an empty directory when missing.
                        Assert.True(volume.ReadOnly, $"{name}: the kubeconfig is mounted writable");
                        Assert.False(volume.CreateHostPath, $"{name}: a missing kubeconfig would be created as a directory");
                        break;
                    case "bind":
                        Assert.True(volume.ReadOnly, $"{name}: bind mount {volume.Source} is writable");
                        var path = DeliveryFiles.PathOf(volume.Source!);
                        Assert.True(File.Exists(path) || Directory.Exists(path), $"{name}: {volume.Source} does not exist");
                        break;
                    default:
                        Assert.Fail($"{name}: unexpected volume type {volume.Type}");
                        break;
                }
            }
        }

        Assert.Equal(_compose.Volumes.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dependencies_wait_only_for_conditions_their_services_can_meet()
    {
        foreach (var name in _compose.Services.Keys)
        {
            foreach (var (dependency, condition) in _compose.DependsOn(name))
            {
                Assert.True(_compose.Services.ContainsKey(dependency), $"{name}: depends on unknown service {dependency}");
                switch (condition)
                {
                    case "service_healthy":
                        Assert.True(_compose.HasHealthCheck(dependency), $"{name}: waits for {dependency} to be healthy, which has no health check");
                        break;
                    case "service_completed_successfully":
                        Assert.True(_compose.Service(dependency).GetValueOrDefault("restart") is "no",
                            $"{name}: waits for {dependency} to complete, which is not a one-shot job (restart: \"no\")");
                        break;
                    case "service_started":
                        break;
                    default:
                        Assert.Fail($"{name}: unknown depends_on condition {condition} on {dependency}");
                        break;
                }
            }
        }
    }

    [Fact]
    public void No_service_is_privileged_or_shares_the_hosts_namespaces()
    {
        foreach (var (name, service) in _compose.Services)
        {
            Assert.False(service.GetValueOrDefault("privileged") is "true", $"{name} is privileged");
            Assert.Null(service.GetValueOrDefault("cap_add"));
            Assert.Null(service.GetValueOrDefault("devices"));
            foreach (var key in new[] { "network_mode", "pid", "ipc", "userns_mode" })
            {
                Assert.False(service.GetValueOrDefault(key) is "host", $"{name}: {key} is host");
            }
        }
    }

    [Fact]
    public void The_kind_override_joins_only_the_velero_services_to_the_external_kind_network()
    {
        var kind = ComposeFile.Load("deploy/compose/kind.yml");

        Assert.Equal(_compose.VeleroServices.Order(StringComparer.Ordinal), kind.Services.Keys.Order(StringComparer.Ordinal));
        foreach (var name in kind.Services.Keys)
        {
            Assert.Equal(["default", "kind"], Yaml.Texts(kind.Service(name).GetValueOrDefault("networks"), $"{name}: networks"));
        }

        Assert.Equal("true", Yaml.Map(kind.Networks["kind"], "networks.kind").GetValueOrDefault("external"));
    }
}
