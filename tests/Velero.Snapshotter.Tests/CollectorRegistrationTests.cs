using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Velero.Snapshotter.Collection;

namespace Velero.Snapshotter.Tests;

/// <summary><c>AddBackupCollector</c>: options bound from <c>Snapshotter:Collection</c> and validated.</summary>
public sealed class CollectorRegistrationTests
{
    [Fact]
    public void Options_are_read_from_their_section_with_upstream_defaults_for_the_rest()
    {
        using var services = Build(new() { ["Snapshotter:Collection:Workers"] = "4", ["Snapshotter:Collection:ProgressInterval"] = "00:00:02" });
        var options = services.GetRequiredService<IOptions<CollectorOptions>>().Value;
        Assert.Equal((4, 500, TimeSpan.FromSeconds(2)), (options.Workers, options.PageSize, options.ProgressInterval));
        Assert.NotNull(services.GetRequiredService<BackupCollector>());
    }

    [Theory]
    [InlineData("Workers", "0")]
    [InlineData("Workers", "257")]
    [InlineData("PageSize", "0")]
    [InlineData("ProgressInterval", "00:00:00")]
    public void Out_of_range_settings_are_refused(string key, string value)
    {
        using var services = Build(new() { [$"Snapshotter:Collection:{key}"] = value });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CollectorOptions>>().Value);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddBackupCollector();
        return services.BuildServiceProvider();
    }
}
