using Velero.Cli.Commands.Server;

namespace Velero.Services.Tests.Cli;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("720h0m0s", "30.00:00:00")]
    [InlineData("720h", "30.00:00:00")]
    [InlineData("1h30m", "01:30:00")]
    [InlineData("1.5s", "00:00:01.5000000")]
    [InlineData("250ms", "00:00:00.2500000")]
    [InlineData("10us", "00:00:00.0000100")]
    [InlineData("10µs", "00:00:00.0000100")]
    [InlineData("150ns", "00:00:00.0000001")]
    [InlineData("-10m", "-00:10:00")]
    [InlineData("+5s", "00:00:05")]
    [InlineData("0", "00:00:00")]
    [InlineData("0s", "00:00:00")]
    public void Go_durations_parse_to_the_binders_time_span_form(string text, string expected)
    {
        Assert.True(GoDuration.TryParse(text, out var value, out var error), error);
        Assert.Equal(expected, GoDuration.ToConfiguration(value));
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("1", "time: missing unit in duration \"1\"")]
    [InlineData("3d", "time: unknown unit \"d\" in duration \"3d\"")]
    [InlineData("h", "time: invalid duration \"h\"")]
    [InlineData("1..5s", "time: invalid duration \"1..5s\"")]
    [InlineData("-", "time: invalid duration \"-\"")]
    public void Malformed_durations_fail_with_gos_wording(string text, string expected)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }
}
