using Microsoft.Extensions.Options;
using Npgsql;

namespace Velero.Scheduler.Persistence;

/// <summary>The scheduler's database, from <c>ConnectionStrings:Postgres</c> (environment: <c>ConnectionStrings__Postgres</c>).</summary>
internal sealed class PostgresOptions
{
    public const string ConnectionStringName = "Postgres";

    public string? ConnectionString { get; set; }

    internal sealed class Validator : IValidateOptions<PostgresOptions>
    {
        public ValidateOptionsResult Validate(string? name, PostgresOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return ValidateOptionsResult.Fail(
                    "ConnectionStrings:Postgres is not set (environment: ConnectionStrings__Postgres='Host=...;Port=5432;Username=...;Database=velero')");
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException e)
            {
                // The message names the offending keyword, never the value (it may be the password).
                return ValidateOptionsResult.Fail("ConnectionStrings:Postgres is not a valid connection string: " + e.Message);
            }
        }
    }
}
