using System.Net.Sockets;
using Npgsql;
using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Catalog;

/// <summary>
/// The catalog database a command reads or writes: <c>--database-url</c>, else <c>$VELERO_DATABASE_URL</c>; a
/// <c>postgres://user:password@host:port/database</c> URL or an Npgsql connection string. Errors name the server and
/// database, never the password.
/// </summary>
internal static class CatalogDatabase
{
    public const string Variable = "VELERO_DATABASE_URL";

    public const string FlagUsage = "The catalog's PostgreSQL database, as postgres://user:password@host:port/database or a connection string. Defaults to $VELERO_DATABASE_URL.";

    public static Flag<string> Bind(Command command) => command.Flags.String("database-url", null, "", FlagUsage);

    /// <summary>The connection string asked for, or a one-line error saying how to give one.</summary>
    public static NpgsqlConnectionStringBuilder Resolve(Flag<string> flag, CliEnvironment env)
    {
        var text = flag.Value.Length > 0 ? flag.Value : env.Variable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliException($"no catalog database: pass --database-url or set {Variable}");
        }

        return Parse(text);
    }

    internal static NpgsqlConnectionStringBuilder Parse(string text)
    {
        try
        {
            var builder = text.StartsWith("postgres://", StringComparison.Ordinal) || text.StartsWith("postgresql://", StringComparison.Ordinal)
                ? FromUrl(new Uri(text))
                : new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new CliException("invalid catalog database URL: it names no host");
            }

            // A CLI should say quickly that the database is away, not after the driver's 15 s.
            if (!text.Contains("timeout", StringComparison.OrdinalIgnoreCase))
            {
                builder.Timeout = 5;
            }

            return builder;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            // The text may hold a password: only its shape is named.
            throw new CliException("invalid catalog database URL: expected postgres://user:password@host:port/database or a connection string");
        }
    }

    /// <summary>The server and database, for messages: never the user's password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) => $"{builder.Host}:{builder.Port}/{builder.Database}";

    /// <summary>Opens and closes one connection, so an unreachable database is one clear line before any work.</summary>
    public static async Task<NpgsqlDataSource> OpenAsync(NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return dataSource;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await dataSource.DisposeAsync();
            throw Unreachable(builder, e);
        }
    }

    public static CliException Unreachable(NpgsqlConnectionStringBuilder builder, Exception e)
    {
        var reason = e switch
        {
            PostgresException p => p.MessageText,
            { InnerException: { } inner } => inner.Message,
            _ => e.Message,
        };
        return new CliException($"cannot reach the catalog database {Describe(builder)}: {reason}", e);
    }

    private static NpgsqlConnectionStringBuilder FromUrl(Uri url)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host.Trim('[', ']'),
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
        };
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, "");
            builder[key switch { "sslmode" => "SSL Mode", "connect_timeout" => "Timeout", "application_name" => "Application Name", _ => key }] = value;
        }

        return builder;
    }
}
