using System.Text.RegularExpressions;
using Velero.Cli.Commands.Server;
using Velero.Cli.Install;
using Velero.ServiceDefaults.Hosting;

namespace Velero.Services.Tests.Delivery;

/// <summary>
/// The four roles in docker-compose.yml: the image <c>velero install</c> deploys, commands <c>velero server</c>
/// accepts, the hardening of the installed pods, and addresses that lead to services listening there.
/// </summary>
public sealed partial class ComposeVeleroServicesTests
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Each_role_runs_once_from_the_image_the_installer_deploys()
    {
        var roles = new List<string>();
        foreach (var name in _compose.VeleroServices)
        {
            var image = ComposeFile.Interpolate(Yaml.Text(_compose.Service(name)["image"], $"{name}: image"));
            Assert.Equal(InstallImages.DefaultServerImage, image);

            var command = _compose.Command(name);
            Assert.Equal("server", command[0]);
            var invocation = ServerArguments.Parse([.. command.Skip(1)]);
            Assert.True(invocation.Error is null, $"{name}: velero {string.Join(' ', command)}: {invocation.Error}");
            Assert.Null(_compose.Service(name).GetValueOrDefault("entrypoint"));
            roles.AddRange(invocation.Roles);
        }

        Assert.Equal(RoleNames.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Velero_services_run_as_nonroot_on_a_read_only_root_without_capabilities()
    {
        foreach (var name in _compose.VeleroServices)
        {
            var service = _compose.Service(name);
            Assert.Equal("65532:65532", service.GetValueOrDefault("user"));
            Assert.Equal("true", service.GetValueOrDefault("read_only"));
            Assert.Equal(["ALL"], Yaml.Texts(service.GetValueOrDefault("cap_drop"), $"{name}: cap_drop"));
            Assert.Contains("no-new-privileges:true", Yaml.Texts(service.GetValueOrDefault("security_opt"), $"{name}: security_opt"));
        }
    }

    [Fact]
    public void Only_the_restorer_gets_a_writable_tmp_for_its_spool()
    {
        foreach (var name in _compose.VeleroServices)
        {
            var tmpfs = Yaml.Texts(_compose.Service(name).GetValueOrDefault("tmpfs"), $"{name}: tmpfs");
            var roles = ServerArguments.Parse([.. _compose.Command(name).Skip(1)]).Roles;
            if (roles.Contains(RoleNames.Restorer))
            {
                var spool = _compose.Environment(name).GetValueOrDefault("Restorer__Engine__SpoolDirectory") ?? "/tmp";
                Assert.Contains(tmpfs, t => t.Split(':')[0] == spool);
            }
            else
            {
                Assert.Empty(tmpfs);
            }
        }
    }

    [Fact]
    public void Velero_services_publish_their_health_port_and_wait_for_their_dependencies()
    {
        foreach (var name in _compose.VeleroServices)
        {
            var environment = _compose.Environment(name);
            Assert.Equal("http://0.0.0.0:8085", environment["ASPNETCORE_URLS"]);
            Assert.Contains(_compose.Ports(name), p => p.Target == 8085);
            Assert.Equal("/etc/velero/kubeconfig", environment["Clusters__Kubeconfig"]);
            Assert.Contains(_compose.ServiceVolumes(name), v => v.Target == environment["Clusters__Kubeconfig"]);
            Assert.StartsWith("amqp://", environment["ConnectionStrings__RabbitMq"], StringComparison.Ordinal);
            Assert.Equal("service_healthy", _compose.DependsOn(name)["rabbitmq"]);
            Assert.False(string.IsNullOrEmpty(environment.GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT")));

            var roles = ServerArguments.Parse([.. _compose.Command(name).Skip(1)]).Roles;
            if (roles.Contains(RoleNames.Scheduler))
            {
                // The scheduler alone keeps the catalog and does not start without its database.
                Assert.Contains("Database=velero", environment["ConnectionStrings__Postgres"], StringComparison.Ordinal);
                Assert.Equal("service_healthy", _compose.DependsOn(name)["postgres"]);
            }
        }
    }

    [Fact]
    public void Every_address_a_service_is_given_names_a_service_listening_there()
    {
        var checkedAddresses = 0;
        foreach (var name in _compose.Services.Keys)
        {
            foreach (var (key, value) in _compose.Environment(name))
            {
                foreach (var (host, port) in Addresses(value))
                {
                    if (!_compose.Services.ContainsKey(host))
                    {
                        continue;
                    }

                    Assert.True(_compose.ListeningPorts(host).Contains(port), $"{name}: {key} points at {host}:{port}, where {host} does not listen");
                    checkedAddresses++;
                }
            }
        }

        // RabbitMQ and OTLP for four roles, PostgreSQL for the scheduler, MinIO for the bucket job.
        Assert.True(checkedAddresses >= 10, $"only {checkedAddresses} addresses found");
    }

    /// <summary>host:port pairs of URLs (<c>scheme://[user@]host:port</c>) and Npgsql connection strings.</summary>
    internal static IEnumerable<(string Host, int Port)> Addresses(string value)
    {
        foreach (Match url in UrlAddress().Matches(value))
        {
            yield return (url.Groups["host"].Value, int.Parse(url.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var host = NpgsqlPart().Match(value) is { Success: true } h ? h.Groups[1].Value : null;
        var port = PortPart().Match(value) is { Success: true } p ? p.Groups[1].Value : null;
        if (host is not null && port is not null)
        {
            yield return (host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"\w+://(?:[^@/\s]+@)?(?<host>[\w.-]+):(?<port>\d+)")]
    private static partial Regex UrlAddress();

    [GeneratedRegex(@"(?:^|;)Host=([\w.-]+)")]
    private static partial Regex NpgsqlPart();

    [GeneratedRegex(@"(?:^|;)Port=(\d+)")]
    private static partial Regex PortPart();
}
