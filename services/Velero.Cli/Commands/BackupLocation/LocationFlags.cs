using k8s.Models;
using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.BackupLocation;

/// <summary>Checks and conversions the location commands share.</summary>
internal static class LocationFlags
{
    /// <summary>Upstream's <c>--credential SECRET=KEY</c>: one pair at most.</summary>
    public static V1SecretKeySelector? Credential(IReadOnlyDictionary<string, string> pairs) => pairs.Count switch
    {
        0 => null,
        1 => new V1SecretKeySelector { Name = pairs.First().Key, Key = pairs.First().Value },
        _ => throw new CliException("--credential can only contain 1 key/value pair"),
    };

    /// <summary>Reads a <c>--cacert</c> file (relative to the working directory), as upstream embeds it in the spec.</summary>
    public static async Task<byte[]?> CaCertAsync(CommandContext ctx, string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        var full = ctx.ResolvePath(path);
        try
        {
            return await File.ReadAllBytesAsync(full, ctx.CancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"open {full}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : e.Message)}");
        }
    }

    public static Dictionary<string, string>? MapOrNull(IReadOnlyDictionary<string, string> map) =>
        map.Count == 0 ? null : new Dictionary<string, string>(map, StringComparer.Ordinal);
}
