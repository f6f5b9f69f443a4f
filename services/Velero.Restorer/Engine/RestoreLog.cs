using System.Text;
using Velero.BackupFormat.Files;
using Velero.BackupFormat.Logs;

namespace Velero.Restorer.Engine;

/// <summary>
/// The restore's own log, uploaded as <c>restore-&lt;name&gt;-logs.gz</c> in logrus' text format, and its results
/// (spec 1.4) as upstream's restore files them: an item's warning or error under its namespace, a cluster-scoped item's
/// under <c>cluster</c>, the restore's own under <c>velero</c>. Thread-safe.
/// </summary>
public sealed class RestoreLog(TimeProvider time, string restore)
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private readonly BackupResults _results = new();

    /// <summary>Entries under <c>warnings</c>, as <c>status.warnings</c> counts them.</summary>
    public int Warnings { get; private set; }

    /// <summary>Entries under <c>errors</c>, as <c>status.errors</c> counts them.</summary>
    public int Errors { get; private set; }

    public void Info(string message, string? resource = null, string? @namespace = null, string? name = null)
    {
        lock (_lock)
        {
            Line("info", message, resource, @namespace, name);
        }
    }

    /// <summary>A warning about an item: filed under <paramref name="namespace"/>, or under <c>cluster</c> when it is null.</summary>
    public void Warn(string? @namespace, string message) => Add(false, @namespace, message, cluster: true);

    /// <summary>An error about an item: filed under <paramref name="namespace"/>, or under <c>cluster</c> when it is null.</summary>
    public void Error(string? @namespace, string message) => Add(true, @namespace, message, cluster: true);

    /// <summary>A warning of the restore itself, filed under <c>velero</c>.</summary>
    public void VeleroWarn(string message) => Add(false, null, message, cluster: false);

    /// <summary>An error of the restore itself, filed under <c>velero</c>.</summary>
    public void VeleroError(string message) => Add(true, null, message, cluster: false);

    public BackupResults Results()
    {
        lock (_lock)
        {
            return _results;
        }
    }

    public byte[] Text()
    {
        lock (_lock)
        {
            return Encoding.UTF8.GetBytes(_text.ToString());
        }
    }

    private void Add(bool error, string? @namespace, string message, bool cluster)
    {
        lock (_lock)
        {
            Line(error ? "error" : "warning", message, null, @namespace, null);
            var result = error ? _results.Errors : _results.Warnings;
            if (!string.IsNullOrEmpty(@namespace))
            {
                result.AddNamespace(@namespace, message);
            }
            else if (cluster)
            {
                result.AddCluster(message);
            }
            else
            {
                result.AddVelero(message);
            }

            if (error)
            {
                Errors++;
            }
            else
            {
                Warnings++;
            }
        }
    }

    private void Line(string level, string message, string? resource, string? @namespace, string? name) =>
        LogrusLine.Append(_text, time.GetUtcNow(), level, message,
            ("name", name), ("namespace", @namespace), ("resource", resource), ("restore", restore));
}
