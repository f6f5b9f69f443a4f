using Velero.Api.V1;
using Velero.Cli.Output;

namespace Velero.Cli.Printers;

/// <summary>Upstream's plugin table from a processed ServerStatusRequest: NAME, KIND, sorted by kind then name.</summary>
internal static class PluginTable
{
    public static Task WriteAsync(TextWriter output, IEnumerable<PluginInfo> plugins)
    {
        var sorted = plugins.OrderBy(p => p.Kind, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return Task.CompletedTask;
        }

        var table = new TableWriter(["NAME", "KIND"]);
        foreach (var plugin in sorted)
        {
            table.AddRow(plugin.Name ?? "", plugin.Kind ?? "");
        }

        return table.WriteAsync(output);
    }
}
