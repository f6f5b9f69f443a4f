using System.Text;
using System.Text.RegularExpressions;

namespace Velero.Cli.Tests.Install;

/// <summary>
/// Makes <c>install --dry-run -o yaml</c> output comparable with a golden file: the CRDs (judged by the CRD tests)
/// are left out, and the generated passwords in the broker and database Secrets are masked.
/// </summary>
internal static partial class DryRunText
{
    public static string ForGolden(string yaml)
    {
        var (head, items, tail) = Split(yaml);
        var kept = items.Where(i => !i.Contains("\n  kind: CustomResourceDefinition\n", StringComparison.Ordinal)).Select(Mask);
        return head + string.Concat(kept) + tail;
    }

    /// <summary>The item blocks of a YAML <c>v1 List</c> (each starting with <c>- </c> at column 0).</summary>
    public static (string Head, List<string> Items, string Tail) Split(string yaml)
    {
        var lines = yaml.Split('\n');
        var head = new StringBuilder();
        var tail = new StringBuilder();
        var items = new List<string>();
        var i = 0;
        for (; i < lines.Length && !lines[i].StartsWith("- ", StringComparison.Ordinal); i++)
        {
            head.Append(lines[i]).Append('\n');
        }

        StringBuilder? current = null;
        for (; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("- ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    items.Add(current.ToString());
                }

                current = new StringBuilder();
            }
            else if (!lines[i].StartsWith("  ", StringComparison.Ordinal))
            {
                break;
            }

            current!.Append(lines[i]).Append('\n');
        }

        if (current is not null)
        {
            items.Add(current.ToString());
        }

        for (; i < lines.Length; i++)
        {
            tail.Append(lines[i]).Append(i < lines.Length - 1 ? "\n" : "");
        }

        return (head.ToString(), items, tail.ToString());
    }

    private static string Mask(string item) =>
        item.Contains("\n  kind: Secret\n", StringComparison.Ordinal) && GeneratedSecret().IsMatch(item)
            ? GeneratedValue().Replace(item, "$1<generated>")
            : item;

    [GeneratedRegex(@"\n    name: velero-(broker|database)\n")]
    private static partial Regex GeneratedSecret();

    [GeneratedRegex(@"(\n    (?:connection-string|password|rabbitmq\.conf): ).*")]
    private static partial Regex GeneratedValue();
}
