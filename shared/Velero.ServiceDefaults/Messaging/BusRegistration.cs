using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Velero.ServiceDefaults.Hosting;
using Velero.ServiceDefaults.Startup;

namespace Velero.ServiceDefaults.Messaging;

public static class BusRegistration
{
    /// <summary>
    /// One bus per process over RabbitMQ, with every role's consumers. Each consumer gets its own queue
    /// (kebab-case names), bounded exponential retry, and then MassTransit's <c>&lt;queue&gt;_error</c> queue,
    /// where the fault reason travels in the <c>MT-Fault-*</c> headers.
    /// </summary>
    public static IServiceCollection AddVeleroBus(this IServiceCollection services, IConfiguration configuration,
        IReadOnlyList<IServiceRole> roles)
    {
        services.AddOptions<BusOptions>()
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(BusOptions.ConnectionStringName))
            .Bind(configuration.GetSection("Bus"));
        services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidator>();
        services.AddSingleton<IStartupTask, RabbitMqReachable>();

        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var role in roles)
            {
                role.AddConsumers(bus);
            }

            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var limit = context.GetRequiredService<IOptions<BusOptions>>().Value.RetryLimit;
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Ignore<InvalidMessageException>();
                    retry.Exponential(limit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10),
                        TimeSpan.FromMilliseconds(300));
                });
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<BusOptions>>().Value;
                var uri = options.Uri;
                rabbit.Host(uri, host =>
                {
                    var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                    if (credentials[0].Length > 0)
                    {
                        host.Username(credentials[0]);
                        host.Password(credentials.Length > 1 ? credentials[1] : "");
                    }

                    host.ConnectionName(ServiceIdentityName(context));
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        services.AddOptions<MassTransitHostOptions>().Configure<IOptions<StartupOptions>>((host, startup) =>
        {
            // The broker was reached by the start-up check: a bus that still does not start in this time fails the
            // host instead of retrying silently in the background.
            host.WaitUntilStarted = true;
            host.StartTimeout = startup.Value.DependencyTimeout;
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }

    private static string ServiceIdentityName(IBusRegistrationContext context) =>
        context.GetService<ServiceIdentity>() is { } identity ? $"{identity.ServiceName} {identity.Instance}" : "velero";
}
