using Velero.Restorer.Engine;

namespace Velero.Restorer.Messaging;

/// <summary>Runs one restore: the engine in service, a stand-in in the consumer's tests.</summary>
internal interface IRestoreRunner
{
    Task<RestoreOutcome> RestoreAsync(RestoreRequest request, IProgress<RestoreEngineProgress> progress,
        CancellationToken cancellationToken);
}
