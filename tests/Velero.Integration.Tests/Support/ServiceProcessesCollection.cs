namespace Velero.Integration.Tests.Support;

/// <summary>
/// Tests that run service processes share the test broker's queues (a role's queue has one name on a broker), so
/// they run one class at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceProcessesCollection
{
    public const string Name = "service processes";
}
