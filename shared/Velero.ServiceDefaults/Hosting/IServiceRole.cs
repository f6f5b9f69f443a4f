using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Velero.Contracts.Status;

namespace Velero.ServiceDefaults.Hosting;

/// <summary>
/// One of the platform's services (scheduler, snapshotter, uploader, restorer) as a library: what it registers
/// in a host and on the bus. A process runs one role (the per-service hosts) or several (<c>velero server</c>).
/// </summary>
public interface IServiceRole
{
    /// <summary>The role's name as users and messages see it: <c>scheduler</c>, <c>snapshotter</c>, ...</summary>
    string Name { get; }

    /// <summary>The plugins and providers this role serves, reported by the server-status flow.</summary>
    IReadOnlyList<PluginInfo> Plugins { get; }

    /// <summary>Options, data sources, start-up checks and background services of the role.</summary>
    void AddServices(IHostApplicationBuilder builder);

    /// <summary>The role's consumers, each on its own queue.</summary>
    void AddConsumers(IBusRegistrationConfigurator bus);

    /// <summary>HTTP endpoints of the role beside the health endpoints, on the same listen address; none by default.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
