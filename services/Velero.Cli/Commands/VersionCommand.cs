using System.Reflection;

namespace Velero.Cli.Commands;

/// <summary><c>velero version --client-only</c>, in upstream's format.</summary>
internal static class VersionCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        if (!args.Contains("--client-only"))
        {
            // Asking the server goes through a ServerStatusRequest in the cluster: see the CLI issue.
            Console.Error.WriteLine("velero version: only --client-only is available in this build");
            return 2;
        }

        var informational = typeof(VersionCommand).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var parts = informational.Split('+', 2);
        output.WriteLine("Client:");
        output.WriteLine($"\tVersion: v{parts[0]}");
        output.WriteLine($"\tGit commit: {(parts.Length > 1 ? parts[1] : "unknown")}");
        return 0;
    }
}
