using Velero.Cli.CommandLine;

namespace Velero.Cli.Resources;

/// <summary>
/// Upstream's <c>confirm.GetConfirmation</c>: prints the prompts and asks <c>Are you sure you want to continue
/// (Y/N)? </c> until the answer is one letter, y or n; end of input is a no.
/// </summary>
internal static class Confirmation
{
    public static async Task<bool> AskAsync(CommandContext ctx, params string[] prompts)
    {
        while (true)
        {
            foreach (var prompt in prompts)
            {
                await ctx.Out.WriteLineAsync(prompt);
            }

            await ctx.Out.WriteAsync("Are you sure you want to continue (Y/N)? ");
            var answer = await ctx.Env.In.ReadLineAsync(ctx.CancellationToken);
            if (answer is null)
            {
                await ctx.Err.WriteLineAsync("error reading user input: EOF");
                return false;
            }

            switch (answer.Trim().ToLowerInvariant())
            {
                case "y":
                    return true;
                case "n":
                    return false;
            }
        }
    }
}
