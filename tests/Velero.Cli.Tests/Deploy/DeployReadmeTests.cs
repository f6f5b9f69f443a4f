using System.Text;
using System.Text.RegularExpressions;
using Velero.Cli.Install;
using Velero.Testing;

namespace Velero.Cli.Tests.Deploy;

/// <summary>
/// The Secrets deploy/README.md tells users to create hold what <c>velero install</c> would have written: the same
/// RabbitMQ configuration file and connection strings for the same passwords.
/// </summary>
public sealed partial class DeployReadmeTests
{
    private const string BrokerPassword = "Brok3rPassw0rd";
    private const string DatabasePassword = "Datab4sePassw0rd";

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "README.md"));

    private static readonly InstallOptions Options = new() { BrokerPassword = BrokerPassword, DatabasePassword = DatabasePassword };

    [Fact]
    public void The_documented_rabbitmq_conf_is_the_one_install_writes()
    {
        var format = Printf().Match(Readme);
        Assert.True(format.Success, "deploy/README.md has no printf of rabbitmq.conf");

        var written = format.Groups[1].Value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("%s", BrokerPassword, StringComparison.Ordinal);

        Assert.Equal(Data(SecretResources.Broker(Options), "rabbitmq.conf"), written);
    }

    [Fact]
    public void The_documented_connection_strings_are_the_ones_install_writes()
    {
        var strings = ConnectionString().Matches(Readme).Select(m => m.Groups[1].Value
            .Replace("$BROKER_PASSWORD", BrokerPassword, StringComparison.Ordinal)
            .Replace("$DATABASE_PASSWORD", DatabasePassword, StringComparison.Ordinal)).ToList();

        Assert.Contains(Data(SecretResources.Broker(Options), InstallNames.ConnectionStringKey), strings);
        Assert.Contains(Data(SecretResources.Database(Options), InstallNames.ConnectionStringKey), strings);
        Assert.Contains("--from-literal=username=velero", Readme, StringComparison.Ordinal);
        Assert.Contains("--from-literal=password=\"$BROKER_PASSWORD\"", Readme, StringComparison.Ordinal);
        Assert.Contains("--from-literal=password=\"$DATABASE_PASSWORD\"", Readme, StringComparison.Ordinal);
    }

    private static string Data(k8s.Models.V1Secret secret, string key) => Encoding.UTF8.GetString(secret.Data[key]);

    [GeneratedRegex(@"printf '([^']*)' \\\n\s+""\$BROKER_PASSWORD"" > rabbitmq\.conf")]
    private static partial Regex Printf();

    [GeneratedRegex(@"--from-literal=connection-string=""([^""]*)""")]
    private static partial Regex ConnectionString();
}
