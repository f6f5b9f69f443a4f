namespace Velero.Testing;

/// <summary>
/// The real RabbitMQ, PostgreSQL and S3 server the integration tests use, as <c>make test</c> started them
/// (scripts/infra/up.sh --profile test) and described them in environment variables.
/// </summary>
public static class TestInfrastructure
{
    private const string Hint =
        "integration tests need the test infrastructure: run `make test`, or `scripts/infra/up.sh --state .local/test --profile test` and `source .local/test/env` first";

    public static string RabbitMqUrl => Require("ConnectionStrings__RabbitMq");

    /// <summary>The connection string of the infrastructure's <c>velero</c> database (tests make their own databases).</summary>
    public static string PostgresConnectionString => Require("ConnectionStrings__Postgres");

    public static string S3Url => Require("VELERO_S3_URL");

    public static string S3AccessKey => Require("VELERO_S3_ACCESS_KEY");

    public static string S3SecretKey => Require("VELERO_S3_SECRET_KEY");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: {Hint}");
}
