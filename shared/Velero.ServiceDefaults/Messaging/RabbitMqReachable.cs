using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Velero.ServiceDefaults.Startup;

namespace Velero.ServiceDefaults.Messaging;

/// <summary>
/// Opens and closes one AMQP connection before the bus starts. MassTransit alone would retry forever in the
/// background; a service that cannot reach its broker should say so and exit, so its supervisor sees it.
/// </summary>
internal sealed class RabbitMqReachable(IOptions<BusOptions> options) : IStartupTask
{
    public string Description => $"reach RabbitMQ at {options.Value.Display}";

    public bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationFailureException or PossibleAuthenticationFailureException)
            {
                return false;
            }
        }

        return true;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = options.Value.Uri,
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            ClientProvidedName = "velero-startup-check",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await connection.CloseAsync(cancellationToken);
    }
}
