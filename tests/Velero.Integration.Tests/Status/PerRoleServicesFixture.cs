using Velero.Integration.Tests.Support;
using Velero.Testing;
using Velero.Testing.Tracing;

namespace Velero.Integration.Tests.Status;

/// <summary>The four service hosts, each its own process, exporting traces to a local OTLP receiver.</summary>
public sealed class PerRoleServicesFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public OtlpTraceReceiver Traces { get; private set; } = null!;

    public Dictionary<string, ServiceProcess> Processes { get; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Traces = await OtlpTraceReceiver.StartAsync();
        var environment = Services.Environment(Database, Traces.ExporterEnvironment);
        foreach (var (role, assembly) in Services.HostAssemblies)
        {
            Processes[role] = ServiceProcess.Start(assembly, environment);
        }

        await Task.WhenAll(Processes.Values.Select(p => p.WaitReadyAsync(Services.ReadyTimeout)));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in Processes.Values)
        {
            await process.DisposeAsync();
        }

        await Traces.DisposeAsync();
        await Database.DisposeAsync();
    }
}
