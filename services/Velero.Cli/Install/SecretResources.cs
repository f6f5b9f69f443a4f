using System.Text;
using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// The Secrets: upstream's <c>cloud-credentials</c> (key <c>cloud</c>, from <c>--secret-file</c>) and this product's
/// broker and database connections, which the services read as <c>ConnectionStrings__RabbitMq</c> and
/// <c>ConnectionStrings__Postgres</c>.
/// </summary>
public static class SecretResources
{
    public const string BrokerUser = "velero";

    public const string DatabaseUser = "velero";

    public const string DatabaseName = "velero";

    public static V1Secret CloudCredentials(InstallOptions options, byte[] data) =>
        Secret(options.Namespace, InstallNames.CloudCredentials, new Dictionary<string, byte[]> { ["cloud"] = data });

    public static V1Secret Broker(InstallOptions options)
    {
        if (!options.InNamespaceBroker)
        {
            return Secret(options.Namespace, InstallNames.BrokerSecret,
                new Dictionary<string, byte[]> { [InstallNames.ConnectionStringKey] = Utf8(options.BrokerUrl!) });
        }

        var url = $"amqp://{BrokerUser}:{Uri.EscapeDataString(options.BrokerPassword)}@{InstallNames.Broker}.{options.Namespace}.svc:5672/";
        return Secret(options.Namespace, InstallNames.BrokerSecret, new Dictionary<string, byte[]>
        {
            [InstallNames.ConnectionStringKey] = Utf8(url),
            [InstallNames.UsernameKey] = Utf8(BrokerUser),
            [InstallNames.PasswordKey] = Utf8(options.BrokerPassword),
            ["rabbitmq.conf"] = Utf8(BrokerResources.ConfigFile(options)),
        });
    }

    public static V1Secret Database(InstallOptions options)
    {
        if (!options.InNamespaceDatabase)
        {
            return Secret(options.Namespace, InstallNames.DatabaseSecret,
                new Dictionary<string, byte[]> { [InstallNames.ConnectionStringKey] = Utf8(options.DatabaseConnectionString!) });
        }

        var connection = $"Host={InstallNames.Database}.{options.Namespace}.svc;Port=5432;Username={DatabaseUser};" +
                         $"Password={options.DatabasePassword};Database={DatabaseName}";
        return Secret(options.Namespace, InstallNames.DatabaseSecret, new Dictionary<string, byte[]>
        {
            [InstallNames.ConnectionStringKey] = Utf8(connection),
            [InstallNames.UsernameKey] = Utf8(DatabaseUser),
            [InstallNames.PasswordKey] = Utf8(options.DatabasePassword),
        });
    }

    private static V1Secret Secret(string @namespace, string name, Dictionary<string, byte[]> data) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = InstallMeta.For(@namespace, name),
        Type = "Opaque",
        Data = data,
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
