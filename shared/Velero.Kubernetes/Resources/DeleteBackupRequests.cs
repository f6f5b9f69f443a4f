using k8s.Models;
using Velero.Api;
using Velero.Api.V1;
using Velero.BackupFormat.Layout;

namespace Velero.Kubernetes.Resources;

/// <summary>
/// DeleteBackupRequests as upstream makes them (spec 3.9): generateName <c>&lt;backup&gt;-</c>, labelled with the backup's
/// name and uid, so the deletion controller, the garbage collector and <c>velero backup describe</c> find them.
/// </summary>
public static class DeleteBackupRequests
{
    public static DeleteBackupRequest For(string @namespace, string backupName, string? backupUid) => new()
    {
        Metadata = new V1ObjectMeta
        {
            GenerateName = backupName + "-",
            NamespaceProperty = @namespace,
            Labels = new Dictionary<string, string>
            {
                [WellKnown.BackupNameLabel] = LabelValues.GetValidName(backupName),
                [WellKnown.BackupUidLabel] = backupUid ?? "",
            },
        },
        Spec = new DeleteBackupRequestSpec { BackupName = backupName },
    };

    /// <summary>The label selector of every request for this backup: its name and uid.</summary>
    public static string SelectorFor(string backupName, string? backupUid) =>
        $"{WellKnown.BackupNameLabel}={LabelValues.GetValidName(backupName)},{WellKnown.BackupUidLabel}={backupUid}";
}
