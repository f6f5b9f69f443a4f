namespace Velero.Api.Tests;

public sealed class GoDurationTests
{
    public static TheoryData<string, TimeSpan> Valid() => new()
    {
        { "0", TimeSpan.Zero },
        { "0s", TimeSpan.Zero },
        { "-0", TimeSpan.Zero },
        { "720h0m0s", TimeSpan.FromHours(720) },
        { "24h0m0s", TimeSpan.FromHours(24) },
        { "10m", TimeSpan.FromMinutes(10) },
        { "4h", TimeSpan.FromHours(4) },
        { "2m0s", TimeSpan.FromMinutes(2) },
        { "1h30m", TimeSpan.FromMinutes(90) },
        { "1.5h", TimeSpan.FromMinutes(90) },
        { "+5s", TimeSpan.FromSeconds(5) },
        { "-1m", TimeSpan.FromMinutes(-1) },
        { "300ms", TimeSpan.FromMilliseconds(300) },
        { "1.5s", TimeSpan.FromMilliseconds(1500) },
        { ".5s", TimeSpan.FromMilliseconds(500) },
        { "5.s", TimeSpan.FromSeconds(5) },
        { "1us", TimeSpan.FromMicroseconds(1) },
        { "1\u00b5s", TimeSpan.FromMicroseconds(1) },
        { "1\u03bcs", TimeSpan.FromMicroseconds(1) },
        { "100ns", TimeSpan.FromTicks(1) },
        { "150ns", TimeSpan.FromTicks(1) },
        { "2h45m30.5s", new TimeSpan(0, 2, 45, 30, 500) },
        { "1h1h", TimeSpan.FromHours(2) },
        { "2562047h47m16.854775807s", TimeSpan.FromTicks(long.MaxValue / 100) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_reads_what_Go_ParseDuration_reads(string text, TimeSpan expected)
    {
        Assert.Equal(expected, GoDuration.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("h")]
    [InlineData("-")]
    [InlineData(".s")]
    [InlineData("1x")]
    [InlineData("1d")]
    [InlineData("1.2.3s")]
    [InlineData("1m-1s")]
    [InlineData(" 1s")]
    [InlineData("1s ")]
    [InlineData("1H")]
    [InlineData("9999999999h")]
    public void Parse_rejects_what_Go_rejects(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => GoDuration.Parse(text));
    }

    public static TheoryData<TimeSpan, string> Formatted() => new()
    {
        { TimeSpan.Zero, "0s" },
        { TimeSpan.FromHours(720), "720h0m0s" },
        { TimeSpan.FromMinutes(10), "10m0s" },
        { TimeSpan.FromHours(4), "4h0m0s" },
        { TimeSpan.FromSeconds(90), "1m30s" },
        { TimeSpan.FromSeconds(30), "30s" },
        { TimeSpan.FromMilliseconds(1500), "1.5s" },
        { TimeSpan.FromMilliseconds(500), "500ms" },
        { TimeSpan.FromMicroseconds(1500), "1.5ms" },
        { TimeSpan.FromMicroseconds(1), "1\u00b5s" },
        { TimeSpan.FromTicks(1), "100ns" },
        { TimeSpan.FromMinutes(-1), "-1m0s" },
        { new TimeSpan(1, 2, 3, 4, 5), "26h3m4.005s" },
        { TimeSpan.FromHours(1) + TimeSpan.FromTicks(1), "1h0m0.0000001s" },
    };

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Format_writes_what_Go_Duration_String_writes(TimeSpan duration, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(duration));
        Assert.Equal(duration, GoDuration.Parse(expected));
    }

    [Fact]
    public void Format_refuses_durations_beyond_Go_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GoDuration.Format(TimeSpan.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => GoDuration.Format(TimeSpan.MinValue));
    }
}
