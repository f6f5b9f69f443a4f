using MassTransit;

namespace Velero.Snapshotter.Messaging;

/// <summary>
/// How many backups one snapshotter collects at once. Each one already runs its items on a worker pool, so a few
/// are enough; more replicas scale further, competing on the same queue.
/// </summary>
internal sealed class CollectBackupConsumerDefinition : ConsumerDefinition<CollectBackupConsumer>
{
    public const int ConcurrentBackups = 4;

    public CollectBackupConsumerDefinition() => ConcurrentMessageLimit = ConcurrentBackups;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CollectBackupConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.PrefetchCount = ConcurrentBackups;
}
