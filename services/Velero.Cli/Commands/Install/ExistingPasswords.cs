using System.Text;
using Velero.Cli.Install;
using Velero.Kubernetes.Raw;

namespace Velero.Cli.Commands.Install;

/// <summary>
/// The broker and database passwords of an earlier install in the namespace. A re-install keeps them: RabbitMQ and
/// PostgreSQL initialised their data with them, and <c>--apply</c> would otherwise overwrite the Secrets.
/// </summary>
internal sealed class ExistingPasswords(ClusterApi api, string @namespace)
{
    public Task<string?> BrokerAsync(CancellationToken cancellationToken) => ReadAsync(InstallNames.BrokerSecret, cancellationToken);

    public Task<string?> DatabaseAsync(CancellationToken cancellationToken) => ReadAsync(InstallNames.DatabaseSecret, cancellationToken);

    private async Task<string?> ReadAsync(string secret, CancellationToken cancellationToken)
    {
        var path = $"{ObjectPaths.Collection("v1", "secrets", @namespace)}/{secret}";
        var found = await api.GetAsync(path, cancellationToken);
        return (string?)found?["data"]?[InstallNames.PasswordKey] is { Length: > 0 } encoded
            ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded))
            : null;
    }
}
