using Velero.ServiceDefaults.Hosting;

namespace Velero.Cli.Commands.Server;

/// <summary>
/// Parses <c>velero server</c>'s arguments with pflag's syntax (<c>--flag=value</c>, <c>--flag value</c>, <c>-n value</c>,
/// a boolean alone meaning true): our <c>--roles</c>, host settings (<c>--urls</c>, <c>--Section:Key=value</c>), and
/// upstream's server flags. Anything else is an error, as an unknown flag is upstream.
/// </summary>
internal static class ServerArguments
{
    private static readonly Dictionary<string, ServerFlag> ByName =
        UpstreamServerFlags.All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, ServerFlag> ByShorthand =
        UpstreamServerFlags.All.Where(f => f.Shorthand is not null).ToDictionary(f => f.Shorthand!, StringComparer.Ordinal);

    public static ServerInvocation Parse(IReadOnlyList<string> args)
    {
        var translated = new List<string>();
        var explicitSettings = new List<string>();
        var ignored = new List<string>();
        string? roles = null;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                help = true;
                continue;
            }

            if (arg == "--" || !arg.StartsWith('-') || arg == "-")
            {
                var extra = arg == "--" ? args.Skip(i + 1).FirstOrDefault() : arg;
                if (extra is null)
                {
                    break;
                }

                return ServerInvocation.Fail($"unexpected argument \"{extra}\": velero server takes flags only");
            }

            var (name, inline, display) = Split(arg);
            ServerFlag? flag = null;
            var isRoles = name == "roles";
            var isHostSetting = name.Equals("urls", StringComparison.OrdinalIgnoreCase) || name.Contains(':');
            if (!isRoles && !isHostSetting && !(arg.StartsWith("--", StringComparison.Ordinal)
                    ? ByName.TryGetValue(name, out flag)
                    : ByShorthand.TryGetValue(name, out flag)))
            {
                return ServerInvocation.Fail(arg.StartsWith("--", StringComparison.Ordinal)
                    ? $"unknown flag: --{name}"
                    : $"unknown shorthand flag: '{name}' in {arg}");
            }

            var value = inline;
            if (value is null && flag is { IsBool: true })
            {
                value = "true";
            }
            else if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    return ServerInvocation.Fail($"flag needs an argument: {display}");
                }

                value = args[++i];
            }

            if (isRoles)
            {
                roles = value;
            }
            else if (isHostSetting)
            {
                explicitSettings.Add($"--{name}={value}");
            }
            else
            {
                var outcome = flag!.Apply(value);
                if (outcome.Error is not null)
                {
                    return ServerInvocation.Fail(outcome.Error);
                }

                translated.AddRange(outcome.Settings.Select(s => $"--{s.Key}={s.Value}"));
                if (outcome.Ignored is { } shown && !ignored.Contains(shown))
                {
                    ignored.Add(shown);
                }
            }
        }

        var (chosen, error) = ChooseRoles(roles);
        return error is not null
            ? ServerInvocation.Fail(error)
            : new ServerInvocation { Roles = chosen, HostArgs = [.. translated, .. explicitSettings], Ignored = ignored, Help = help };
    }

    /// <summary>The flag's name, its <c>=value</c> if any, and how pflag names it in errors.</summary>
    private static (string Name, string? Inline, string Display) Split(string arg)
    {
        var isLong = arg.StartsWith("--", StringComparison.Ordinal);
        var body = arg[(isLong ? 2 : 1)..];
        if (isLong)
        {
            var eq = body.IndexOf('=');
            return eq < 0 ? (body, null, "--" + body) : (body[..eq], body[(eq + 1)..], "--" + body[..eq]);
        }

        // -nvelero, -n=velero and -n velero are the same to pflag.
        var name = body[..1];
        var rest = body[1..];
        var inline = rest.Length == 0 ? null : rest.StartsWith('=') ? rest[1..] : rest;
        return (name, inline, $"'{name}' in {arg}");
    }

    private static (IReadOnlyList<string> Roles, string? Error) ChooseRoles(string? value)
    {
        if (value is null)
        {
            return (RoleNames.All, null);
        }

        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        var unknown = names.Where(n => !RoleNames.All.Contains(n, StringComparer.Ordinal)).ToList();
        if (names.Count == 0 || unknown.Count > 0)
        {
            var what = names.Count == 0 ? "no role given" : $"unknown role {string.Join(", ", unknown.Select(u => $"'{u}'"))}";
            return ([], $"{what}; valid roles: {string.Join(",", RoleNames.All)}");
        }

        return (names, null);
    }
}
