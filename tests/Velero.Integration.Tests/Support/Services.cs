using Velero.Testing;

namespace Velero.Integration.Tests.Support;

/// <summary>Starts service hosts against the test infrastructure.</summary>
internal static class Services
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    public static readonly IReadOnlyDictionary<string, string> HostAssemblies = new Dictionary<string, string>
    {
        ["scheduler"] = "Velero.Scheduler.dll",
        ["snapshotter"] = "Velero.Snapshotter.dll",
        ["uploader"] = "Velero.Uploader.dll",
        ["restorer"] = "Velero.Restorer.dll",
    };

    public static Dictionary<string, string?> Environment(TestDatabase database, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__RabbitMq"] = TestInfrastructure.RabbitMqUrl,
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Startup__DependencyTimeout"] = "00:00:30",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }
}
