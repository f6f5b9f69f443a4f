using Velero.Contracts.Restores;
using Velero.ServiceDefaults.Messaging;

namespace Velero.Scheduler.Restores;

/// <summary>Checks what every restore event must carry; a message without it can never succeed and skips the retries.</summary>
internal static class RestoreMessages
{
    public static void Validate(string messageType, RestoreRef? restore, int attempt)
    {
        var problems = new List<string>();
        if (restore is null)
        {
            problems.Add("restore is missing");
        }
        else
        {
            if (restore.Cluster is null || string.IsNullOrWhiteSpace(restore.Cluster.Id))
            {
                problems.Add("restore.cluster.id is empty");
            }

            if (string.IsNullOrWhiteSpace(restore.Uid))
            {
                problems.Add("restore.uid is empty");
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
