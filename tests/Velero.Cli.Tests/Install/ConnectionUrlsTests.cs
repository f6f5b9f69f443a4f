using Npgsql;
using Velero.Cli.Install;

namespace Velero.Cli.Tests.Install;

public sealed class ConnectionUrlsTests
{
    [Fact]
    public void A_postgres_url_becomes_the_npgsql_connection_string_the_scheduler_reads()
    {
        var connection = new NpgsqlConnectionStringBuilder(
            ConnectionUrls.Database("postgres://velero:p%40ss%3Bword@db.example:6543/backups?sslmode=verify-full&application_name=velero"));

        Assert.Equal(("db.example", 6543, "backups"), (connection.Host, connection.Port, connection.Database));
        Assert.Equal(("velero", "p@ss;word"), (connection.Username, connection.Password));
        Assert.Equal(SslMode.VerifyFull, connection.SslMode);
        Assert.Equal("velero", connection.ApplicationName);
    }

    [Fact]
    public void A_url_without_port_or_database_gets_postgres_defaults_and_a_connection_string_is_taken_as_it_is()
    {
        var connection = new NpgsqlConnectionStringBuilder(ConnectionUrls.Database("postgresql://db.example"));
        Assert.Equal((5432, "velero"), (connection.Port, connection.Database));

        var given = new NpgsqlConnectionStringBuilder(ConnectionUrls.Database("Host=db;Username=u;Password=p;Database=d"));
        Assert.Equal(("db", "u", "d"), (given.Host, given.Username, given.Database));
    }

    [Fact]
    public void Sslrootcert_names_the_ca_file_npgsql_verifies_the_server_with()
    {
        var connection = new NpgsqlConnectionStringBuilder(ConnectionUrls.Database(
            "postgres://velero:p@db.example/velero?sslmode=verify-full&sslrootcert=/etc/velero/datastore-ca/ca.crt"));

        Assert.Equal(SslMode.VerifyFull, connection.SslMode);
        Assert.Equal("/etc/velero/datastore-ca/ca.crt", connection.RootCertificate);
    }

    [Fact]
    public void The_in_namespace_broker_url_escapes_the_generated_password()
    {
        var secret = SecretResources.Broker(new InstallOptions { Namespace = "backup", BrokerPassword = "a/b" });

        Assert.Equal("amqp://velero:a%2Fb@velero-rabbitmq.backup.svc:5672/", System.Text.Encoding.UTF8.GetString(secret.Data["connection-string"]));
        Assert.Contains("default_pass = a/b\n", System.Text.Encoding.UTF8.GetString(secret.Data["rabbitmq.conf"]));
    }
}
