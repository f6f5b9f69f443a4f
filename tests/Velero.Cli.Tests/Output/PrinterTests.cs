using System.Text.Json.Nodes;
using k8s.Models;
using Velero.Cli.Output;

namespace Velero.Cli.Tests.Output;

public sealed class PrinterTests
{
    [Fact]
    public void Tables_pad_every_column_but_the_last_to_its_widest_cell_plus_three()
    {
        var table = new TableWriter(["NAME", "STATUS", "ERRORS"]);
        table.AddRow("nightly-20261127120000", "Completed", "0");
        table.AddRow("a", "New", "12");

        Assert.Equal(
            "NAME                     STATUS      ERRORS\n" +
            "nightly-20261127120000   Completed   0\n" +
            "a                        New         12\n",
            table.Render());
    }

    [Fact]
    public void Narrow_columns_are_at_least_six_wide()
    {
        var table = new TableWriter(["A", "B"]);
        table.AddRow("x", "y");

        Assert.Equal("A     B\nx     y\n", table.Render());
    }

    [Theory]
    [InlineData(30, "30s")]
    [InlineData(90, "1m")]
    [InlineData(3 * 3600 + 59, "3h")]
    [InlineData(29 * 86400 + 7200, "29d")]
    [InlineData(800 * 86400, "2y")]
    [InlineData(-1, "0s")]
    [InlineData(-5, "<invalid>")]
    public void Durations_read_as_kubectls_short_form(int seconds, string expected) =>
        Assert.Equal(expected, Humanize.ShortDuration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Expiry_reads_ahead_or_ago_or_not_applicable()
    {
        var now = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal("29d", Humanize.FromNow(now.AddDays(29).AddHours(1), now));
        Assert.Equal("3h ago", Humanize.FromNow(now.AddHours(-3), now));
        Assert.Equal("n/a", Humanize.FromNow(null, now));
    }

    [Fact]
    public void Timestamps_print_as_gos_time_string()
    {
        var time = new DateTimeOffset(2026, 11, 27, 9, 5, 3, TimeSpan.Zero);

        Assert.Equal("2026-11-27 09:05:03 +0000 UTC", Humanize.GoTime(time, TimeZoneInfo.Utc));
        Assert.Equal("2026-11-27 10:05:03 +0100 +0100",
            Humanize.GoTime(time, TimeZoneInfo.CreateCustomTimeZone("x", TimeSpan.FromHours(1), "x", "x")));
    }

    [Fact]
    public async Task A_list_of_one_prints_just_the_item_and_several_print_as_a_typed_list()
    {
        var one = Backup("a");
        var output = new StringWriter();

        await ObjectPrinter.PrintListAsync(output, OutputFormat.Json, [one], "BackupList");
        Assert.Equal("Backup", JsonNode.Parse(output.ToString())!["kind"]!.GetValue<string>());
        Assert.EndsWith("}\n\n", output.ToString(), StringComparison.Ordinal);

        output = new StringWriter();
        await ObjectPrinter.PrintListAsync(output, OutputFormat.Json, [one, Backup("b")], "BackupList");
        var list = JsonNode.Parse(output.ToString())!;
        Assert.Equal("BackupList", list["kind"]!.GetValue<string>());
        Assert.Equal("velero.io/v1", list["apiVersion"]!.GetValue<string>());
        Assert.Equal(2, list["items"]!.AsArray().Count);
    }

    [Fact]
    public void Yaml_sorts_keys_and_quotes_only_what_yaml_would_misread()
    {
        var node = JsonNode.Parse("""
            {"kind":"Backup","apiVersion":"velero.io/v1",
             "metadata":{"name":"a","labels":{"on":"true","n":"1"},"creationTimestamp":"2026-11-27T12:00:00Z"},
             "spec":{"includedNamespaces":["shop","*"],"hooks":{"resources":[{"name":"h","pre":[{"exec":{"command":["/bin/sh","-c","echo: hi"]}}]}]},
                     "note":"line one\nline two\n","empty":"","ttl":"720h0m0s"}}
            """);

        Assert.Equal("""
            apiVersion: velero.io/v1
            kind: Backup
            metadata:
              creationTimestamp: "2026-11-27T12:00:00Z"
              labels:
                "n": "1"
                "on": "true"
              name: a
            spec:
              empty: ""
              hooks:
                resources:
                - name: h
                  pre:
                  - exec:
                      command:
                      - /bin/sh
                      - -c
                      - 'echo: hi'
              includedNamespaces:
              - shop
              - '*'
              note: |
                line one
                line two
              ttl: 720h0m0s

            """,
            YamlEmitter.Emit(node));
    }

    private static Api.V1.Backup Backup(string name) => new()
    {
        ApiVersion = "velero.io/v1",
        Kind = "Backup",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "velero" },
    };
}
