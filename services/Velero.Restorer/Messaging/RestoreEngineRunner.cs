using Velero.Restorer.Engine;

namespace Velero.Restorer.Messaging;

/// <summary>The <see cref="RestoreEngine"/> behind <see cref="IRestoreRunner"/>.</summary>
internal sealed class RestoreEngineRunner(RestoreEngine engine) : IRestoreRunner
{
    public Task<RestoreOutcome> RestoreAsync(RestoreRequest request, IProgress<RestoreEngineProgress> progress,
        CancellationToken cancellationToken) => engine.RestoreAsync(request, progress, cancellationToken);
}
