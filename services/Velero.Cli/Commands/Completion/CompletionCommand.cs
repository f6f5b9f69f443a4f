using Velero.Cli.CommandLine;

namespace Velero.Cli.Commands.Completion;

/// <summary><c>velero completion bash|zsh|fish|powershell</c>: a completion script for this velero's command tree.</summary>
internal static class CompletionCommand
{
    public static Command Create()
    {
        var command = new Command("completion [bash|zsh|fish|powershell]", "Generate completion script")
        {
            Long = """
                To load completions:

                Bash:

                $ source <(velero completion bash)

                # To load completions for each session, execute once:
                Linux:
                	$ velero completion bash > /etc/bash_completion.d/velero
                MacOS:
                	$ velero completion bash > /usr/local/etc/bash_completion.d/velero

                Zsh:

                # If shell completion is not already enabled in your environment you will need
                # to enable it.  You can execute the following once:

                $ echo "autoload -U compinit; compinit" >> ~/.zshrc

                # To load completions for each session, execute once:
                $ velero completion zsh > "${fpath[1]}/_velero"

                # You will need to start a new shell for this setup to take effect.

                Fish:

                $ velero completion fish | source

                # To load completions for each session, execute once:
                $ velero completion fish > ~/.config/fish/completions/velero.fish

                PowerShell:

                PS> velero completion powershell | Out-String | Invoke-Expression
                """,
            Args = ArgsRule.Exactly(1),
        };
        command.Run = async ctx =>
        {
            var root = ctx.Command;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var tree = CompletionTree.Of(root);
            var script = ctx.Args[0] switch
            {
                "bash" => CompletionScripts.Bash(tree),
                "zsh" => CompletionScripts.Zsh(tree),
                "fish" => CompletionScripts.Fish(tree),
                "powershell" => CompletionScripts.PowerShell(tree),
                _ => null,
            };
            if (script is null)
            {
                await ctx.Out.WriteLineAsync("Invalid shell specified, specify bash, zsh, fish, or powershell");
                return 1;
            }

            await ctx.Out.WriteAsync(script);
            return 0;
        };
        return command;
    }
}
