namespace Velero.ServiceDefaults.Hosting;

/// <summary>The platform's roles, by the names <c>velero server --roles</c> and messages use.</summary>
public static class RoleNames
{
    public const string Scheduler = "scheduler";
    public const string Snapshotter = "snapshotter";
    public const string Uploader = "uploader";
    public const string Restorer = "restorer";

    public static IReadOnlyList<string> All { get; } = [Scheduler, Snapshotter, Uploader, Restorer];
}
