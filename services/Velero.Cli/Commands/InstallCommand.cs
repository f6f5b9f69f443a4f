using Velero.Api.Crds;

namespace Velero.Cli.Commands;

/// <summary>
/// <c>velero install --crds-only --dry-run -o yaml</c>: prints the project's CRDs, as upstream does, for
/// <c>kubectl apply</c> or GitOps. The full install (Deployments, RBAC, locations) comes with the CLI work.
/// </summary>
internal static class InstallCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var flags = args.ToHashSet(StringComparer.Ordinal);
        var yaml = flags.Contains("-o=yaml") || flags.Contains("--output=yaml") || Adjacent(args, "-o", "yaml") || Adjacent(args, "--output", "yaml");
        if (!flags.Contains("--crds-only") || !flags.Contains("--dry-run") || !yaml)
        {
            await error.WriteLineAsync("velero install: only `velero install --crds-only --dry-run -o yaml` is available in this build");
            return 1;
        }

        VeleroCrds.WriteYaml(output);
        return 0;
    }

    private static bool Adjacent(IReadOnlyList<string> args, string flag, string value) =>
        Enumerable.Range(0, args.Count - 1).Any(i => args[i] == flag && args[i + 1] == value);
}
