using System.Text;
using RabbitMQ.Client;
using Velero.Testing;

namespace Velero.Integration.Tests.Requests;

/// <summary>What a system without MassTransit does: plain AMQP publishes of JSON, and a queue of its own bound to an exchange.</summary>
internal sealed class RawAmqp : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private RawAmqp(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<RawAmqp> ConnectAsync()
    {
        var connection = await new ConnectionFactory { Uri = new Uri(TestInfrastructure.RabbitMqUrl) }.CreateConnectionAsync();
        return new RawAmqp(connection, await connection.CreateChannelAsync());
    }

    /// <summary>Publishes <paramref name="json"/> to <paramref name="exchange"/> as MassTransit's JSON envelope content type.</summary>
    public async Task PublishAsync(string exchange, string json) =>
        await _channel.BasicPublishAsync(exchange, "", mandatory: false,
            new BasicProperties { ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent },
            Encoding.UTF8.GetBytes(json));

    /// <summary>A temporary queue of its own, bound to <paramref name="exchange"/>.</summary>
    public async Task<string> BindAsync(string exchange)
    {
        var queue = await _channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await _channel.QueueBindAsync(queue.QueueName, exchange, "");
        return queue.QueueName;
    }

    /// <summary>The bodies of the messages waiting in <paramref name="queue"/>.</summary>
    public async Task<List<string>> DrainAsync(string queue)
    {
        var bodies = new List<string>();
        while (await _channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            bodies.Add(Encoding.UTF8.GetString(message.Body.Span));
        }

        return bodies;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
