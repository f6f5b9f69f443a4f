namespace Velero.Restorer.Engine;

/// <summary>
/// The warnings and errors of one item, written to the restore's results under the item's target namespace (or
/// <c>cluster</c>), and what they make of its line in the resource list: an item that was not created or updated is
/// <c>skipped</c> when nothing went wrong, else <c>failed</c> (upstream's deferred bookkeeping in <c>restoreItem</c>).
/// </summary>
internal sealed class ItemIssues(RestoreLog log, string? @namespace)
{
    private bool _any;

    public void Warn(string message)
    {
        _any = true;
        log.Warn(@namespace, message);
    }

    public void Error(string message)
    {
        _any = true;
        log.Error(@namespace, message);
    }

    public string Outcome(string action) =>
        action is RestoredItems.Created or RestoredItems.Updated ? action : _any ? RestoredItems.Failed : RestoredItems.Skipped;
}
