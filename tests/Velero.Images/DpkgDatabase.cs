using System.Diagnostics;

namespace Velero.Images;

/// <summary>The host's dpkg database through <c>dpkg-query -S</c> and <c>dpkg-query -W</c>.</summary>
public sealed class DpkgDatabase : IPackageDatabase
{
    public async Task<IReadOnlyDictionary<string, string>> OwnersAsync(IReadOnlyCollection<string> paths,
        CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        // Batches keep the command line short; unknown paths only add "no path found" lines on stderr.
        foreach (var batch in paths.Chunk(500))
        {
            var (output, _) = await RunAsync(["-S", .. batch], cancellationToken);
            foreach (var line in output.Split('\n'))
            {
                // "libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6"; "a, b: /dir" for shared directories.
                var separator = line.IndexOf(": /", StringComparison.Ordinal);
                if (separator < 0 || line.StartsWith("diversion", StringComparison.Ordinal))
                {
                    continue;
                }

                var package = line[..separator].Split(", ")[0].Split(':')[0];
                owners[line[(separator + 2)..]] = package;
            }
        }

        return owners;
    }

    public async Task<(string Version, string Architecture)> VersionAsync(string package, CancellationToken cancellationToken)
    {
        var (output, code) = await RunAsync(["-W", "-f=${Version} ${Architecture}", package], cancellationToken);
        return code == 0 && output.Trim().Split(' ') is [var version, var arch]
            ? (version, arch)
            : throw new InvalidDataException($"dpkg-query knows no installed package {package}");
    }

    private static async Task<(string Output, int ExitCode)> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dpkg-query") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new IOException("cannot start dpkg-query");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await errors;
        return (await output, process.ExitCode);
    }
}
