using System.Collections.Concurrent;
using MassTransit;
using Velero.Contracts.Clusters;
using Velero.Contracts.Status;
using Velero.Testing;

namespace Velero.Integration.Tests.Support;

/// <summary>
/// A bus on the real test broker, standing where another system would: it publishes requests and waits for the
/// platform's events.
/// </summary>
internal sealed class TestBus : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ServerStatusCollected>> _collected = new();

    private TestBus(IBusControl bus) => _bus = bus;

    public IPublishEndpoint Publisher => _bus;

    public static async Task<TestBus> StartAsync()
    {
        TestBus? testBus = null;
        var bus = Create("integration-tests", endpoint => endpoint.Handler<ServerStatusCollected>(context =>
        {
            testBus!.Completion(context.Message.RequestId).TrySetResult(context.Message);
            return Task.CompletedTask;
        }));
        testBus = new TestBus(bus);
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return testBus;
    }

    /// <summary>
    /// A bus on the test broker with one temporary queue of its own (deleted when the bus stops), named from
    /// <paramref name="name"/>, whose handlers <paramref name="configure"/> adds.
    /// </summary>
    public static IBusControl Create(string name, Action<IRabbitMqReceiveEndpointConfigurator> configure)
    {
        var uri = new Uri(TestInfrastructure.RabbitMqUrl);
        return Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(uri, host =>
            {
                var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                host.Username(credentials[0]);
                host.Password(credentials.Length > 1 ? credentials[1] : "");
            });
            rabbit.ReceiveEndpoint($"{name}-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                configure(endpoint);
            });
        });
    }

    /// <summary>Asks every running service for its status, as <c>velero version</c> does, and waits for the scheduler's answer.</summary>
    public async Task<ServerStatusCollected> RequestStatusAsync(ClusterRef cluster, TimeSpan timeout)
    {
        var requestId = Guid.NewGuid();
        await _bus.Publish(new ServerStatusRequested { RequestId = requestId, Cluster = cluster, RequestedAt = DateTimeOffset.UtcNow });
        return await WaitCollectedAsync(requestId, timeout);
    }

    public async Task<ServerStatusCollected> WaitCollectedAsync(Guid requestId, TimeSpan timeout) =>
        await Completion(requestId).Task.WaitAsync(timeout);

    private TaskCompletionSource<ServerStatusCollected> Completion(Guid requestId) =>
        _collected.GetOrAdd(requestId, _ => new TaskCompletionSource<ServerStatusCollected>(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
