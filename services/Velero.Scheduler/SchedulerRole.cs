using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Velero.Contracts.Status;
using Velero.ObjectStorage;
using Velero.Scheduler.Backups;
using Velero.Scheduler.Catalog;
using Velero.Scheduler.Deletion;
using Velero.Scheduler.Downloads;
using Velero.Scheduler.GarbageCollection;
using Velero.Scheduler.Locations;
using Velero.Scheduler.Outbox;
using Velero.Scheduler.Persistence;
using Velero.Scheduler.Requests;
using Velero.Scheduler.Restores;
using Velero.Scheduler.Schedules;
using Velero.Scheduler.Status;
using Velero.Scheduler.Sync;
using Velero.Selection.Validation;
using Velero.ServiceDefaults.Hosting;
using Velero.ServiceDefaults.Startup;
using Velero.ServiceDefaults.Status;

namespace Velero.Scheduler;

/// <summary>
/// Owns the state of every backup and restore: records it in PostgreSQL (its system of record, read by no
/// other service), dispatches work, and publishes what changed through its transactional outbox.
/// </summary>
public sealed class SchedulerRole : IServiceRole
{
    public string Name => RoleNames.Scheduler;

    /// <summary>The object stores it reads and validates locations with (upstream's plugin kind <c>ObjectStore</c>).</summary>
    public IReadOnlyList<PluginInfo> Plugins { get; } =
        [new(ProviderNames.Aws, "ObjectStore"), new(ProviderNames.FileSystem, "ObjectStore")];

    public void AddServices(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PostgresOptions>()
            .Configure(o => o.ConnectionString = builder.Configuration.GetConnectionString(PostgresOptions.ConnectionStringName));
        services.AddSingleton<IValidateOptions<PostgresOptions>, PostgresOptions.Validator>();
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString!));

        services.AddSingleton<IStartupTask, PostgresReachable>();
        services.AddSingleton<IStartupTask, MigrationRunner>();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [HealthEndpoints.ReadyTag]);

        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddHostedService<OutboxDispatcher>();
        services.AddOptions<StatusOptions>().BindConfiguration(StatusOptions.Section).ValidateDataAnnotations();
        services.AddHostedService<ServerStatusCollector>();
        services.AddHostedService<ServerStatusRequestWatcher>();

        services.AddOptions<StorageLocationOptions>().BindConfiguration(StorageLocationOptions.Section).ValidateDataAnnotations();
        services.TryAddSingleton(sp => new ObjectStoreFactory(sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<StorageLocationValidator>();

        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations();
        services.AddSingleton(sp =>
        {
            var backups = sp.GetRequiredService<IOptions<BackupOptions>>().Value;
            return new BackupValidator(new BackupServerDefaults
            {
                BackupTtl = backups.DefaultTtl,
                BackupStorageLocation = backups.DefaultStorageLocation,
            }, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<BackupQueueSignal>();
        services.AddSingleton<BackupResourceWriter>();
        services.AddSingleton<BackupIntake>();
        services.AddSingleton<CatalogRecorder>();
        services.AddHostedService<BackupWatcher>();
        services.AddHostedService<BackupDispatcher>();
        services.AddHostedService<BackupStallWatchdog>();

        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateDataAnnotations();
        services.AddHostedService<BackupSync>();

        services.AddOptions<RestoreOptions>().BindConfiguration(RestoreOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<RestoreQueueSignal>();
        services.AddSingleton<RestoreResourceWriter>();
        services.AddSingleton<RestoreIntake>();
        services.AddHostedService<RestoreWatcher>();
        services.AddHostedService<RestoreDispatcher>();
        services.AddHostedService<RestoreStallWatchdog>();

        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateDataAnnotations();
        services.AddHostedService<ScheduleController>();
        services.AddOptions<GarbageCollectionOptions>().BindConfiguration(GarbageCollectionOptions.Section).ValidateDataAnnotations();
        services.AddHostedService<GarbageCollector>();
        services.AddOptions<DeletionOptions>().BindConfiguration(DeletionOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<DeleteBackupRequestSignal>();
        services.AddSingleton<DeleteBackupRequestProcessor>();
        services.AddHostedService<DeleteBackupRequestController>();
        services.AddHostedService<RestoreFinalizer>();
        services.AddSingleton<RequestProcessor>();

        DownloadRegistration.AddDownloads(builder);
    }

    /// <summary>The <c>/downloads/</c> endpoint answering DownloadRequests of locations that cannot sign URLs.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapDownloads();

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddServerStatusResponder<SchedulerRole>();
        bus.AddConsumer<ServerStatusRequestedConsumer>();
        bus.AddConsumer<ServerStatusReportedConsumer>();
        bus.AddConsumer<ServerStatusCollectedConsumer>();
        bus.AddConsumer<BackupProgressedConsumer>();
        bus.AddConsumer<BackupCompletedConsumer>();
        bus.AddConsumer<BackupFailedConsumer>();
        bus.AddConsumer<RestoreProgressedConsumer>();
        bus.AddConsumer<RestoreCompletedConsumer>();
        bus.AddConsumer<RestoreFailedConsumer>();
        bus.AddConsumer<RequestBackupConsumer>();
        bus.AddConsumer<RequestRestoreConsumer>();
    }
}
