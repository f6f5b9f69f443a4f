using MassTransit;
using Microsoft.Extensions.Options;

namespace Velero.Restorer.Messaging;

/// <summary>How many restores one restorer runs at once (<see cref="RestorerRestoreOptions.Concurrency"/>).</summary>
internal sealed class RunRestoreConsumerDefinition : ConsumerDefinition<RunRestoreConsumer>
{
    private readonly int _concurrency;

    public RunRestoreConsumerDefinition(IOptions<RestorerRestoreOptions> options)
    {
        _concurrency = options.Value.Concurrency;
        ConcurrentMessageLimit = _concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RunRestoreConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.PrefetchCount = _concurrency;
}
