using Npgsql;

namespace Velero.Cli.Install;

/// <summary>
/// <c>--broker-url</c> and <c>--database-url</c>: checked, and the database URL turned into the Npgsql connection
/// string the scheduler reads (<c>ConnectionStrings__Postgres</c>).
/// </summary>
public static class ConnectionUrls
{
    public static string Broker(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
        {
            throw new InstallException("--broker-url must be an amqp:// or amqps:// URL, for example amqp://user:password@rabbitmq.example:5672/");
        }

        return url;
    }

    /// <summary>
    /// <c>postgres://user:password@host:5432/db?sslmode=require</c> (libpq's URL form) or an Npgsql connection string
    /// (<c>Host=...;Username=...</c>), as an Npgsql connection string.
    /// </summary>
    public static string Database(string url)
    {
        const string Usage = "--database-url must be a postgres:// URL, for example postgres://user:password@db.example:5432/velero?sslmode=require";
        if (!url.StartsWith("postgres://", StringComparison.Ordinal) && !url.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            try
            {
                var given = new NpgsqlConnectionStringBuilder(url);
                return string.IsNullOrEmpty(given.Host) ? throw new InstallException(Usage) : given.ConnectionString;
            }
            catch (ArgumentException)
            {
                throw new InstallException(Usage);
            }
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new InstallException(Usage);
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "velero",
        };
        if (uri.UserInfo.Length > 0)
        {
            var (user, password) = uri.UserInfo.Split(':', 2) is [var u, var p] ? (u, p) : (uri.UserInfo, null);
            builder.Username = Uri.UnescapeDataString(user);
            builder.Password = password is null ? null : Uri.UnescapeDataString(password);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, "");
            switch (key)
            {
                case "sslmode":
                    builder.SslMode = value switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw new InstallException($"--database-url: sslmode \"{value}\" is not one of disable, allow, prefer, require, verify-ca, verify-full"),
                    };
                    break;
                case "sslrootcert":
                    // libpq's name for the CA file, e.g. /etc/velero/datastore-ca/ca.crt (see DataStoreTrust).
                    builder.RootCertificate = value;
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.TryParse(value, out var seconds) ? seconds
                        : throw new InstallException($"--database-url: connect_timeout \"{value}\" is not a number of seconds");
                    break;
                default:
                    throw new InstallException($"--database-url: parameter \"{key}\" is not supported (supported: sslmode, sslrootcert, application_name, connect_timeout)");
            }
        }

        return builder.ConnectionString;
    }
}
