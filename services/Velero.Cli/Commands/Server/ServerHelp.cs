using System.Text;
using Velero.ServiceDefaults.Hosting;

namespace Velero.Cli.Commands.Server;

/// <summary>
/// <c>velero server --help</c>: our flags, then upstream's server flags, those that apply with the setting each sets and
/// those accepted and ignored with the reason, laid out as pflag lays out flag usages.
/// </summary>
internal static class ServerHelp
{
    public static string Text(string defaultUrls)
    {
        var ours = new List<(string, string)>
        {
            ("  -h, --help", "help for server"),
            ("      --roles strings", $"The roles this process runs (default {string.Join(",", RoleNames.All)})"),
            ("      --urls string", $"Where the health endpoints listen (default {defaultUrls})"),
            ("      --Section:Key=value", "Any setting of the services, e.g. --Scheduler:Backups:Concurrency=8 (wins over a flag below)"),
        };
        var sorted = UpstreamServerFlags.All.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var applied = sorted.Where(f => f.Key is not null).Select(f => (Left(f), $"{f.Usage}{DefaultOf(f)} [{f.Key}]"));
        var ignored = sorted.Where(f => f.Key is null).Select(f => (Left(f), f.Usage));

        var text = new StringBuilder();
        text.Append("""
            Run the velero server: the scheduler, snapshotter, uploader and restorer roles in one process, all of them
            unless --roles chooses.

            Usage:
              velero server [flags]

            Flags:

            """);
        Columns(text, ours);
        text.Append("\nUpstream server flags (Velero v1.18) that apply here, with the setting each sets:\n");
        Columns(text, applied);
        text.Append("\nUpstream server flags accepted and ignored (one line at start names those given), and why:\n");
        Columns(text, ignored);
        return text.ToString();
    }

    private static string Left(ServerFlag flag)
    {
        var name = flag.Shorthand is { } s ? $"  -{s}, --{flag.Name}" : $"      --{flag.Name}";
        return flag.Type is "" or "bool" ? name : $"{name} {flag.Type}";
    }

    /// <summary>pflag quotes string defaults and leaves the rest bare.</summary>
    private static string DefaultOf(ServerFlag flag) => flag.Default switch
    {
        null => "",
        var d when flag.Type == "string" => $" (default \"{d}\")",
        var d => $" (default {d})",
    };

    private static void Columns(StringBuilder text, IEnumerable<(string Left, string Usage)> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Left.Length);
        foreach (var (left, usage) in list)
        {
            text.Append(left.PadRight(width)).Append("   ").Append(usage).Append('\n');
        }
    }
}
