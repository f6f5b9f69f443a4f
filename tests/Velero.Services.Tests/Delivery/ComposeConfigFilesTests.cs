using System.Globalization;

namespace Velero.Services.Tests.Delivery;

/// <summary>
/// The config files under deploy/compose that docker-compose.yml mounts: they exist and parse, the collector's
/// pipelines use only components it defines, and every address in them is a compose service listening there.
/// </summary>
public sealed class ComposeConfigFilesTests
{
    private const string CollectorConfig = "deploy/compose/otel-collector.yaml";
    private const string PrometheusConfig = "deploy/compose/prometheus.yml";
    private const string GrafanaDataSources = "deploy/compose/grafana/provisioning/datasources/datasources.yaml";

    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Every_mounted_config_file_exists_and_parses()
    {
        var mounted = _compose.Services.Keys
            .SelectMany(name => _compose.ServiceVolumes(name))
            .Where(v => v.Type == "bind" && v.Source!.StartsWith("./deploy/compose/", StringComparison.Ordinal))
            .Select(v => DeliveryFiles.PathOf(v.Source!))
            .SelectMany(path => Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories) : [path])
            .ToList();

        Assert.Contains(DeliveryFiles.PathOf(CollectorConfig), mounted);
        Assert.Contains(DeliveryFiles.PathOf(PrometheusConfig), mounted);
        Assert.Contains(DeliveryFiles.PathOf(GrafanaDataSources), mounted);
        foreach (var file in mounted)
        {
            Assert.IsAssignableFrom<IDictionary<object, object?>>(DeliveryFiles.ParseYaml(File.ReadAllText(file)));
        }
    }

    [Fact]
    public void The_collector_reads_the_mounted_config()
    {
        var config = _compose.ServiceVolumes("otel-collector").Single(v => v.Source == "./" + CollectorConfig);
        Assert.Contains($"--config={config.Target}", _compose.Command("otel-collector"));
    }

    [Fact]
    public void Collector_pipelines_and_extensions_use_only_components_the_config_defines()
    {
        var config = Yaml.Map(DeliveryFiles.ReadYaml(CollectorConfig), CollectorConfig);
        var service = Yaml.Map(config["service"], "service");
        var pipelines = Yaml.Map(service["pipelines"], "service.pipelines");

        Assert.Equal(["logs", "metrics", "traces"], pipelines.Keys.Order(StringComparer.Ordinal));
        foreach (var kind in new[] { "receivers", "processors", "exporters" })
        {
            var defined = Yaml.MapOrEmpty(config.GetValueOrDefault(kind), kind).Keys.ToHashSet(StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, pipeline) in pipelines)
            {
                var components = Yaml.Texts(Yaml.Map(pipeline, name).GetValueOrDefault(kind), $"{name}.{kind}");
                Assert.True(kind == "processors" || components.Count > 0, $"pipeline {name} has no {kind}");
                foreach (var component in components)
                {
                    Assert.True(defined.Contains(component), $"pipeline {name} uses {kind} {component}, which is not defined");
                    used.Add(component);
                }
            }

            Assert.Equal(defined.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
        }

        var extensions = Yaml.MapOrEmpty(config.GetValueOrDefault("extensions"), "extensions");
        Assert.All(Yaml.Texts(service.GetValueOrDefault("extensions"), "service.extensions"), e => Assert.True(extensions.ContainsKey(e), $"extension {e} is not defined"));
    }

    [Fact]
    public void The_collector_listens_where_senders_and_prometheus_reach_it_and_sends_to_jaeger()
    {
        var config = Yaml.Map(DeliveryFiles.ReadYaml(CollectorConfig), CollectorConfig);
        var otlp = Yaml.Map(Yaml.Map(config["receivers"], "receivers")["otlp"], "receivers.otlp");
        var listening = _compose.ListeningPorts("otel-collector");
        foreach (var (protocol, settings) in Yaml.Map(otlp["protocols"], "otlp.protocols"))
        {
            var (host, port) = HostPort(Yaml.Text(Yaml.Map(settings, protocol)["endpoint"], $"otlp.{protocol}.endpoint"));
            Assert.Equal("0.0.0.0", host);
            Assert.Contains(port, listening);
        }

        var exporters = Yaml.Map(config["exporters"], "exporters");
        var scrape = HostPort(Yaml.Text(Yaml.Map(exporters["prometheus"], "prometheus")["endpoint"], "prometheus.endpoint"));
        Assert.Contains(scrape.Port, listening);
        Assert.Contains(("otel-collector", scrape.Port), PrometheusTargets());

        var jaeger = HostPort(Yaml.Text(Yaml.Map(exporters["otlp/jaeger"], "otlp/jaeger")["endpoint"], "otlp/jaeger.endpoint"));
        Assert.Equal("jaeger", jaeger.Host);
        Assert.Contains(jaeger.Port, _compose.ListeningPorts("jaeger"));
        Assert.Equal("service_healthy", _compose.DependsOn("otel-collector")["jaeger"]);
    }

    [Fact]
    public void Prometheus_scrapes_compose_services_on_ports_they_listen_on()
    {
        var targets = PrometheusTargets();

        Assert.NotEmpty(targets);
        foreach (var (host, port) in targets)
        {
            Assert.True(_compose.Services.ContainsKey(host), $"Prometheus scrapes {host}, which is not a compose service");
            Assert.True(_compose.ListeningPorts(host).Contains(port), $"Prometheus scrapes {host}:{port}, where {host} does not listen");
        }
    }

    [Fact]
    public void Grafana_has_prometheus_and_jaeger_data_sources_pointing_at_their_services()
    {
        var sources = Yaml.List(Yaml.Map(DeliveryFiles.ReadYaml(GrafanaDataSources), GrafanaDataSources)["datasources"], "datasources")
            .Select(s => Yaml.Map(s, "datasource")).ToList();

        Assert.Equal(["jaeger", "prometheus"], sources.Select(s => Yaml.Text(s["type"], "type")).Order(StringComparer.Ordinal));
        foreach (var source in sources)
        {
            var url = new Uri(Yaml.Text(source["url"], "url"));
            Assert.Equal(Yaml.Text(source["type"], "type"), url.Host);
            Assert.Contains(url.Port, _compose.ListeningPorts(url.Host));
            Assert.Equal("service_healthy", _compose.DependsOn("grafana")[url.Host]);
        }
    }

    private static List<(string Host, int Port)> PrometheusTargets()
    {
        var config = Yaml.Map(DeliveryFiles.ReadYaml(PrometheusConfig), PrometheusConfig);
        return [.. Yaml.List(config["scrape_configs"], "scrape_configs")
            .SelectMany(job => Yaml.List(Yaml.Map(job, "job")["static_configs"], "static_configs"))
            .SelectMany(group => Yaml.Texts(Yaml.Map(group, "static_config")["targets"], "targets"))
            .Select(HostPort)];
    }

    private static (string Host, int Port) HostPort(string address)
    {
        var colon = address.LastIndexOf(':');
        return (address[..colon], int.Parse(address[(colon + 1)..], CultureInfo.InvariantCulture));
    }
}
