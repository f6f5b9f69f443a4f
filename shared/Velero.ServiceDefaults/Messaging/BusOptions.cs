namespace Velero.ServiceDefaults.Messaging;

/// <summary>
/// The RabbitMQ connection, from <c>ConnectionStrings:RabbitMq</c> (environment:
/// <c>ConnectionStrings__RabbitMq</c>) as an AMQP URI: <c>amqp://user:password@host:5672/vhost</c>.
/// </summary>
public sealed class BusOptions
{
    public const string ConnectionStringName = "RabbitMq";

    public string? ConnectionString { get; set; }

    /// <summary>Delivery attempts of one message before it goes to the error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    public Uri Uri => new(ConnectionString!);

    /// <summary>The address without credentials, for logs and error messages.</summary>
    public string Display => Redact(ConnectionString);

    internal static string Redact(string? connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri))
        {
            return "(not a URI)";
        }

        return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString();
    }
}
