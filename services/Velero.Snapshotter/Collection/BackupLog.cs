using System.Text;
using Velero.BackupFormat.Files;
using Velero.BackupFormat.Logs;

namespace Velero.Snapshotter.Collection;

/// <summary>
/// The backup's own log, uploaded as <c>&lt;name&gt;-logs.gz</c> in logrus' text format, and the warnings and errors
/// filed from it into <c>&lt;name&gt;-results.gz</c> as upstream's log hook does (spec 1.4): every warning or error line
/// becomes one result entry under its namespace, else under <c>velero</c>. Thread-safe.
/// </summary>
internal sealed class BackupLog(TimeProvider time, string backup)
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private readonly BackupResults _results = new();

    public int Warnings { get; private set; }

    public int Errors { get; private set; }

    public void Info(string message, string? resource = null, string? @namespace = null, string? name = null) =>
        Add("info", message, resource, @namespace, name, null);

    public void Warn(string message, string? resource = null, string? @namespace = null, string? name = null, string? error = null) =>
        Add("warning", message, resource, @namespace, name, error);

    public void Error(string message, string? resource = null, string? @namespace = null, string? name = null, string? error = null) =>
        Add("error", message, resource, @namespace, name, error);

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

    private void Add(string level, string message, string? resource, string? @namespace, string? name, string? error)
    {
        lock (_lock)
        {
            LogrusLine.Append(_text, time.GetUtcNow(), level, message,
                ("backup", backup), ("error", error), ("name", name), ("namespace", @namespace), ("resource", resource));
            if (level == "info")
            {
                return;
            }

            var entry = ResultEntry(message, resource, name, error);
            var result = level == "error" ? _results.Errors : _results.Warnings;
            if (!string.IsNullOrEmpty(@namespace))
            {
                result.AddNamespace(@namespace, entry);
            }
            else
            {
                result.AddVelero(entry);
            }

            if (level == "error")
            {
                Errors++;
            }
            else
            {
                Warnings++;
            }
        }
    }

    // Upstream's LogHook: " resource: /<r> name: /<n> message: /<m> error: /<e>", each part only when the entry had it.
    private static string ResultEntry(string message, string? resource, string? name, string? error)
    {
        var entry = new StringBuilder();
        if (!string.IsNullOrEmpty(resource))
        {
            entry.Append(" resource: /").Append(resource);
        }

        if (!string.IsNullOrEmpty(name))
        {
            entry.Append(" name: /").Append(name);
        }

        entry.Append(" message: /").Append(message);
        if (!string.IsNullOrEmpty(error))
        {
            entry.Append(" error: /").Append(error);
        }

        return entry.ToString();
    }
}
