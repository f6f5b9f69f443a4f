using Microsoft.Extensions.Options;

namespace Velero.ServiceDefaults.Messaging;

internal sealed class BusOptionsValidator : IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:RabbitMq is not set (environment: ConnectionStrings__RabbitMq=amqp://user:password@host:5672/)");
        }

        if (!Uri.TryCreate(options.ConnectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:RabbitMq must be an amqp:// or amqps:// URI, got {BusOptions.Redact(options.ConnectionString)}");
        }

        return options.RetryLimit is < 0 or > 100
            ? ValidateOptionsResult.Fail($"Bus:RetryLimit must be between 0 and 100, got {options.RetryLimit}")
            : ValidateOptionsResult.Success;
    }
}
