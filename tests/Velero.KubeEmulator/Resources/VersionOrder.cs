using System.Text.RegularExpressions;

namespace Velero.KubeEmulator.Resources;

/// <summary>Kubernetes version priority: GA before beta before alpha, higher numbers first (v2 > v1 > v1beta2).</summary>
internal static partial class VersionOrder
{
    [GeneratedRegex("^v(\\d+)(?:(alpha|beta)(\\d+))?$")]
    private static partial Regex Pattern();

    public static IEnumerable<string> Sort(IEnumerable<string> versions) =>
        versions.Distinct().OrderByDescending(Rank).ThenBy(v => v, StringComparer.Ordinal);

    private static (int, int, int) Rank(string version)
    {
        var m = Pattern().Match(version);
        if (!m.Success)
        {
            return (0, 0, 0);
        }

        var stability = m.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        return (stability, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            m.Groups[3].Success ? int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }
}
