using Velero.Restorer;
using Velero.Scheduler;
using Velero.ServiceDefaults.Hosting;
using Velero.Snapshotter;
using Velero.Uploader;

namespace Velero.Cli.Commands;

/// <summary>
/// <c>velero server [--roles scheduler,snapshotter,uploader,restorer]</c>: runs the chosen roles in one process,
/// all of them by default. Other arguments go to the host (<c>--urls</c>, <c>--Section:Key=value</c>).
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
        var (roleNames, hostArgs, error) = ParseRoles(args);
        if (error is not null)
        {
            await Console.Error.WriteLineAsync($"velero server: {error}");
            return 2;
        }

        var roles = roleNames.Select(name => Roles[name]()).ToList();
        var serviceName = roles.Count == 1 ? $"velero-{roles[0].Name}" : "velero";
        return await ServiceHost.RunAsync(hostArgs, serviceName, roles, DefaultUrls);
    }

    internal static (IReadOnlyList<string> Roles, string[] HostArgs, string? Error) ParseRoles(string[] args)
    {
        var hostArgs = new List<string>();
        string? value = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--roles")
            {
                if (i + 1 >= args.Length)
                {
                    return ([], [], "--roles needs a value, for example --roles scheduler,restorer");
                }

                value = args[++i];
            }
            else if (args[i].StartsWith("--roles=", StringComparison.Ordinal))
            {
                value = args[i]["--roles=".Length..];
            }
            else
            {
                hostArgs.Add(args[i]);
            }
        }

        if (value is null)
        {
            return (RoleNames.All, [.. hostArgs], null);
        }

        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        var unknown = names.Where(n => !Roles.ContainsKey(n)).ToList();
        if (names.Count == 0 || unknown.Count > 0)
        {
            var what = names.Count == 0 ? "no role given" : $"unknown role {string.Join(", ", unknown.Select(u => $"'{u}'"))}";
            return ([], [], $"{what}; valid roles: {string.Join(",", RoleNames.All)}");
        }

        return (names, [.. hostArgs], null);
    }
}
