using Velero.Contracts.Backups;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Scheduler.Backups;

/// <summary>Checks what every backup event must carry; a message without it can never succeed and skips the retries.</summary>
internal static class BackupMessages
{
    public static void Validate(string messageType, BackupRef? backup, int attempt)
    {
        var problems = new List<string>();
        if (backup is null)
        {
            problems.Add("backup is missing");
        }
        else
        {
            if (backup.Cluster is null || string.IsNullOrWhiteSpace(backup.Cluster.Id))
            {
                problems.Add("backup.cluster.id is empty");
            }

            if (string.IsNullOrWhiteSpace(backup.Uid))
            {
                problems.Add("backup.uid is empty");
            }
        }

        if (attempt < 1)
        {
            problems.Add("attempt must be 1 or more");
        }

        if (problems.Count > 0)
        {
            throw new InvalidMessageException($"Invalid {messageType}: " + string.Join(", ", problems));
        }
    }
}
