using Velero.ServiceDefaults.Messaging;

namespace Velero.Services.Tests.Messaging;

public sealed class BusOptionsTests
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", true)]
    [InlineData("amqps://velero:pw@rabbitmq.velero.svc:5671/prod", true)]
    [InlineData("", false)]
    [InlineData("127.0.0.1:5672", false)]
    [InlineData("http://127.0.0.1:15672/", false)]
    public void Only_amqp_uris_are_accepted(string connectionString, bool valid)
    {
        var result = new BusOptionsValidator().Validate(null, new BusOptions { ConnectionString = connectionString });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void The_displayed_address_never_carries_the_password()
    {
        var options = new BusOptions { ConnectionString = "amqp://velero:t0p-s3cret@rabbitmq:5672/prod" };

        Assert.Equal("amqp://rabbitmq:5672/prod", options.Display);
    }

    [Fact]
    public void An_invalid_uri_is_reported_without_echoing_it()
    {
        var result = new BusOptionsValidator().Validate(null, new BusOptions { ConnectionString = "amqp//velero:t0p-s3cret@host" });

        Assert.DoesNotContain("t0p-s3cret", result.FailureMessage, StringComparison.Ordinal);
    }
}
