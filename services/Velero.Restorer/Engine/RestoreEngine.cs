using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Velero.Restorer.Actions;

namespace Velero.Restorer.Engine;

/// <summary>
/// Placeholder of the restore engine with its agreed signature, so the restorer's consumer builds: the engine itself is
/// written on its own branch and replaces this file when merged.
/// </summary>
public sealed class RestoreEngine(
    IOptions<RestoreEngineOptions> options,
    IEnumerable<IRestoreItemAction> actions,
    IPostRestoreHooks? hooks,
    TimeProvider time,
    ILogger<RestoreEngine> logger)
{
    private readonly RestoreEngineOptions _options = options.Value;
    private readonly IReadOnlyList<IRestoreItemAction> _actions = [.. actions];

    public Task<RestoreOutcome> RestoreAsync(RestoreRequest request, IProgress<RestoreEngineProgress> progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        cancellationToken.ThrowIfCancellationRequested();
        logger.LogError("Restore engine not merged yet ({Workers} workers, {Actions} actions, hooks {Hooks}, {Now})",
            _options.Workers, _actions.Count, hooks is not null, time.GetUtcNow());
        throw new NotImplementedException("the restore engine is not merged into this branch yet");
    }
}

/// <summary>Registers the restore engine (placeholder: replaced with the engine).</summary>
public static class RestoreEngineServiceCollectionExtensions
{
    public static IServiceCollection AddRestoreEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new RestoreEngine(
            sp.GetRequiredService<IOptions<RestoreEngineOptions>>(),
            sp.GetServices<IRestoreItemAction>(),
            sp.GetService<IPostRestoreHooks>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RestoreEngine>>()));
        return services;
    }
}
