using System.Text.Json.Nodes;

namespace Velero.KubeEmulator.Api;

/// <summary>/version. The machine's kubectl dispatcher picks kubectl 1.&lt;minor&gt; from it.</summary>
internal static class VersionInfo
{
    public static JsonObject For(int minor) => new()
    {
        ["major"] = "1",
        ["minor"] = minor.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["gitVersion"] = $"v1.{minor}.0",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };
}
