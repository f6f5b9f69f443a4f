using Velero.Cli.Commands.Server;
using Velero.Restorer;
using Velero.Scheduler;
using Velero.ServiceDefaults.Hosting;
using Velero.Snapshotter;
using Velero.Uploader;

namespace Velero.Cli.Commands;

/// <summary>
/// <c>velero server [--roles scheduler,snapshotter,uploader,restorer] [upstream's server flags]</c>: runs the chosen
/// roles in one process, all of them by default. Upstream's flags that apply become settings, the others are named in
/// one line at start; <c>--urls</c> and <c>--Section:Key=value</c> go to the host as they are.
/// </summary>
internal static class ServerCommand
{
    /// <summary>Upstream's server metrics port, on loopback unless told otherwise.</summary>
    internal const string DefaultUrls = "http://127.0.0.1:8085";

    private static readonly Dictionary<string, Func<IServiceRole>> Roles = new(StringComparer.Ordinal)
    {
        [RoleNames.Scheduler] = () => new SchedulerRole(),
        [RoleNames.Snapshotter] = () => new SnapshotterRole(),
        [RoleNames.Uploader] = () => new UploaderRole(),
        [RoleNames.Restorer] = () => new RestorerRole(),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var invocation = ServerArguments.Parse(args);
        if (invocation.Error is not null)
        {
            // cobra's wording for a flag error; exit 1 as upstream's binary.
            await Console.Error.WriteLineAsync($"Error: {invocation.Error}\nRun 'velero server --help' for usage.");
            return 1;
        }

        if (invocation.Help)
        {
            await Console.Out.WriteAsync(ServerHelp.Text(DefaultUrls));
            return 0;
        }

        var roles = invocation.Roles.Select(name => Roles[name]()).ToList();
        var serviceName = roles.Count == 1 ? $"velero-{roles[0].Name}" : "velero";
        return await ServiceHost.RunAsync([.. invocation.HostArgs], serviceName, roles, DefaultUrls,
            services => NoticeIgnored(services, invocation.Ignored));
    }

    private static void NoticeIgnored(IServiceProvider services, IReadOnlyList<string> ignored)
    {
        if (ignored.Count > 0)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Velero.Server").LogWarning(
                "ignoring upstream server flags that do not apply: {Flags}", string.Join(", ", ignored));
        }
    }
}
