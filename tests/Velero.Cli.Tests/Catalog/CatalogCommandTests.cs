using System.Net;
using System.Net.Sockets;
using Npgsql;
using Velero.Cli.Commands.Catalog;
using Velero.Cli.Output;
using Velero.Cli.Printers;
using Velero.Cli.Tests.Support;
using Velero.Scheduler.Catalog;

namespace Velero.Cli.Tests.Catalog;

public sealed class CatalogCommandTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("backups")]
    [InlineData("rebuild")]
    public async Task Without_a_database_url_the_command_says_how_to_give_one(string verb)
    {
        var run = await CliRunner.RunAsync(["catalog", verb]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("An error occurred: no catalog database: pass --database-url or set VELERO_DATABASE_URL\n", run.Stderr);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_naming_the_server_never_the_password()
    {
        var url = $"postgres://velero:s3cret-pw@127.0.0.1:{ClosedPort()}/catalog";

        var run = await CliRunner.RunAsync(["catalog", "backups", "--database-url", url]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"An error occurred: cannot reach the catalog database 127.0.0.1:{new Uri(url).Port}/catalog: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("s3cret-pw", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_environment_variable_names_the_database_when_the_flag_does_not()
    {
        var port = ClosedPort();
        var run = await CliRunner.RunAsync(["catalog", "backups"],
            environment: new Dictionary<string, string> { ["VELERO_DATABASE_URL"] = $"Host=127.0.0.1;Port={port};Database=cat;Username=u;Password=hidden-pw" });

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"An error occurred: cannot reach the catalog database 127.0.0.1:{port}/cat: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-pw", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_url_is_refused_without_echoing_it()
    {
        var run = await CliRunner.RunAsync(["catalog", "backups", "--database-url", "Host=db;Password=pw-123;Bogus Key=1"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("An error occurred: invalid catalog database URL: expected postgres://user:password@host:port/database or a connection string\n", run.Stderr);
    }

    [Fact]
    public void A_postgres_url_becomes_a_connection_string_with_its_user_password_and_options()
    {
        var builder = CatalogDatabase.Parse("postgresql://ops%40corp:p%3Ass@db.internal:6543/velero?sslmode=require");

        Assert.Equal(("db.internal", 6543, "velero"), (builder.Host, builder.Port, builder.Database));
        Assert.Equal(("ops@corp", "p:ss"), (builder.Username, builder.Password));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(5, builder.Timeout);
        Assert.Equal(5432, CatalogDatabase.Parse("postgres://u@db/velero").Port);
    }

    [Fact]
    public async Task Output_unknown_is_refused_with_upstreams_message()
    {
        var run = await CliRunner.RunAsync(["catalog", "backups", "-o", "wide", "--database-url", "postgres://u@127.0.0.1:1/x"]);

        Assert.Equal("An error occurred: invalid output format \"wide\" - valid values are 'table', 'json', and 'yaml'\n", run.Stderr);
    }

    [Fact]
    public void The_table_lists_backups_of_every_cluster_with_phase_size_items_and_location()
    {
        var text = CatalogBackupTable.Render(Rows(), CliRunner.Now, TimeZoneInfo.Utc);

        Golden.Assert("catalog-backups-table", text);
    }

    [Fact]
    public void Json_output_is_the_rows_themselves()
    {
        Golden.Assert("catalog-backups-json", CatalogBackupTable.Encode(Rows(), OutputFormat.Json));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(512L, "512 B")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(24_117_248L, "23.0 MiB")]
    [InlineData(5_368_709_120L, "5.0 GiB")]
    public void Sizes_read_in_binary_units(long? bytes, string text) => Assert.Equal(text, CatalogBackupTable.Size(bytes));

    private static List<CatalogBackup> Rows() =>
    [
        new()
        {
            Cluster = "dev-a", Namespace = "velero", Name = "shop-1", Uid = "u1", Phase = "Completed", SizeBytes = 48_213,
            ItemsTotal = 41, ItemsBackedUp = 41, StorageLocation = "default", CreatedAt = Created,
            CompletedAt = Created.AddSeconds(12), Expiration = Created.AddDays(30), Origin = CatalogOrigin.Scheduler,
        },
        new()
        {
            Cluster = "dev-a", Namespace = "velero", Name = "shop-0", Uid = "u0", Phase = "Completed", SizeBytes = 40_100,
            ItemsTotal = 40, ItemsBackedUp = 40, StorageLocation = "default", CreatedAt = Created.AddDays(-1),
            Expiration = Created.AddDays(29), Origin = CatalogOrigin.Scheduler, DeletedAt = Created.AddHours(-1),
        },
        new()
        {
            Cluster = "dev-b", Namespace = "velero", Name = "shop-1", Uid = "u2", Phase = "Completed", ItemsTotal = 41,
            ItemsBackedUp = 41, StorageLocation = "default", CreatedAt = Created.AddMinutes(5), Expiration = Created.AddDays(30),
            Origin = CatalogOrigin.Sync,
        },
        new()
        {
            Cluster = "dev-b", Namespace = "velero", Name = "old-9", Uid = "u3", Phase = "PartiallyFailed",
            StorageLocation = "archive", CreatedAt = Created.AddDays(-40), Origin = CatalogOrigin.Storage,
        },
    ];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
