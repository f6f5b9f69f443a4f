using Microsoft.Extensions.Configuration;
using Velero.Cli.Commands.Server;
using Velero.Scheduler.GarbageCollection;

namespace Velero.Services.Tests.Scheduler.Deletion;

public sealed class GarbageCollectionFlagTests
{
    [Fact]
    public void The_upstream_garbage_collection_frequency_flag_sets_the_collectors_frequency()
    {
        var invocation = ServerArguments.Parse(["--garbage-collection-frequency=90m"]);
        var configuration = new ConfigurationBuilder().AddCommandLine([.. invocation.HostArgs]).Build();

        Assert.Null(invocation.Error);
        Assert.Empty(invocation.Ignored);
        Assert.Equal(TimeSpan.FromMinutes(90),
            configuration.GetSection(GarbageCollectionOptions.Section).Get<GarbageCollectionOptions>()!.Frequency);
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("-1h")]
    public void A_frequency_of_zero_or_less_keeps_the_default_as_upstream(string value)
    {
        var invocation = ServerArguments.Parse([$"--garbage-collection-frequency={value}"]);

        Assert.Null(invocation.Error);
        Assert.Empty(invocation.HostArgs);
        Assert.Equal([$"--garbage-collection-frequency={value}"], invocation.Ignored);
        Assert.Equal(TimeSpan.FromHours(1), new GarbageCollectionOptions().Frequency);
    }
}
