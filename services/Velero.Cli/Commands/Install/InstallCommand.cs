using System.Security.Cryptography;
using Velero.Cli.CommandLine;
using Velero.Cli.Install;
using Velero.Cli.Output;
using Velero.Kubernetes.Raw;

namespace Velero.Cli.Commands.Install;

/// <summary>
/// <c>velero install</c>: validates as upstream does, builds every object (<see cref="InstallManifest"/>), prints them
/// with <c>-o</c>, and unless <c>--dry-run</c> creates them and, with <c>--wait</c>, waits for the server.
/// </summary>
internal static class InstallCommand
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static Command Create()
    {
        var command = new Command("install", "Install Velero")
        {
            Args = ArgsRule.None,
            Long = InstallHelp.Long,
            Example = InstallHelp.Example,
        };
        var flags = new InstallFlags(command.Flags);
        var output = OutputFlags.Bind(command);
        command.Run = ctx => RunAsync(ctx, flags, output);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext ctx, InstallFlags flags, OutputFlags output)
    {
        var format = output.Requested ? output.Format : OutputFormat.Table;
        if (output.Requested && format == OutputFormat.Table)
        {
            throw new CliException("'table' is not valid for the install command; use -o json or -o yaml");
        }

        IReadOnlyList<object> objects;
        InstallOptions? options = null;
        if (flags.CrdsOnly.Value)
        {
            objects = InstallManifest.CrdObjects();
        }
        else
        {
            options = await OptionsAsync(ctx, flags);
            objects = InstallManifest.Objects(options);
        }

        var resources = Describe(() => InstallManifest.ToJson(objects));
        if (format != OutputFormat.Table)
        {
            await ObjectPrinter.PrintAsync(ctx.Out, format, InstallManifest.AsList(resources));
        }

        if (flags.DryRun.Value)
        {
            return 0;
        }

        var api = new ClusterApi(ctx.Kube());
        var failure = $"\n\nError installing Velero. Use `kubectl logs deploy/velero -n {ctx.Namespace}` to check the deploy logs";
        try
        {
            await new ResourceApplier(api, ctx.Out, ctx.Time).ApplyAsync(resources, flags.Apply.Value, ctx.CancellationToken);
            if (flags.Wait.Value && options is not null)
            {
                await WaitAsync(ctx, api, options);
            }
        }
        catch (InstallException e)
        {
            throw new CliException($"{failure}: {e.Message}");
        }

        if (flags.SecretFile.Value.Length == 0)
        {
            await ctx.Out.WriteAsync("\nNo secret file was specified, no Secret created.\n\n");
        }

        if (flags.NoDefaultBackupLocation.Value)
        {
            await ctx.Out.WriteAsync("\nNo bucket and provider were specified, no default backup storage location created.\n\n");
        }

        var logs = options is { SplitServices: true } ? InstallNames.RoleDeployment(InstallNames.ServerRoles[0]) : InstallNames.Server;
        await ctx.Out.WriteAsync($"Velero is installed! ⛵ Use 'kubectl logs deployment/{logs} -n {ctx.Namespace}' to view the status.\n");
        return 0;
    }

    private static async Task WaitAsync(CommandContext ctx, ClusterApi api, InstallOptions options)
    {
        var waiter = new ReadinessWaiter(api, ctx.Time);
        await ctx.Out.WriteAsync("Waiting for Velero deployment to be ready.\n");
        foreach (var name in ServerDeployments.Names(options))
        {
            await waiter.DeploymentAsync(options.Namespace, name, ctx.CancellationToken);
        }

        if (options.UseNodeAgent)
        {
            await ctx.Out.WriteAsync("Waiting for node-agent daemonset to be ready.\n");
            await waiter.DaemonSetAsync(options.Namespace, InstallNames.NodeAgent, ctx.CancellationToken);
        }
    }

    /// <summary>Validation, then the files and passwords the builders need.</summary>
    private static async Task<InstallOptions> OptionsAsync(CommandContext ctx, InstallFlags flags)
    {
        var options = Describe(() => flags.ToOptions(ctx.Namespace));
        Describe(() => InstallValidator.Validate(options, flags.SecretFile.Value, flags.NoSecret.Value));
        foreach (var note in flags.Inapplicable)
        {
            await ctx.Err.WriteAsync($"Note: {note} does not apply to Velero.Services (its images are Linux only) and is ignored.\n");
        }

        await ConfigMapCheck.VerifyAsync(ctx, options);
        var secretData = flags.SecretFile.Value.Length > 0 && !flags.NoSecret.Value
            ? await File.ReadAllBytesAsync(ctx.ResolvePath(flags.SecretFile.Value), ctx.CancellationToken)
            : null;
        var caCert = flags.CaCert.Value.Length > 0
            ? await File.ReadAllBytesAsync(ctx.ResolvePath(flags.CaCert.Value), ctx.CancellationToken)
            : null;
        // Passwords already in the cluster are kept: the data stores were initialised with them.
        var existing = flags.DryRun.Value ? null : new ExistingPasswords(new ClusterApi(ctx.Kube()), options.Namespace);
        options = options with
        {
            SecretData = secretData,
            CaCertData = caCert,
            BrokerPassword = options.InNamespaceBroker
                ? await (existing?.BrokerAsync(ctx.CancellationToken) ?? Task.FromResult<string?>(null)) ?? NewPassword()
                : "",
            DatabasePassword = options.InNamespaceDatabase
                ? await (existing?.DatabaseAsync(ctx.CancellationToken) ?? Task.FromResult<string?>(null)) ?? NewPassword()
                : "",
        };
        Describe(() => options.ServerResources.ToRequirements());
        Describe(() => options.NodeAgentResources.ToRequirements());
        return options;
    }

    private static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 32);

    private static T Describe<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (InstallException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static void Describe(Action action) => Describe(() =>
    {
        action();
        return 0;
    });
}
