namespace Velero.Restorer.Actions.BuiltIn;

/// <summary>
/// The restore item actions upstream Velero registers in its server, in its registration order, which is the order it
/// runs them in on an item. Only those that need no volume data are here: <c>velero.io/pod-volume-restore</c>,
/// <c>velero.io/init-restore-hook</c>, <c>velero.io/pvc</c>, <c>velero.io/dataupload</c> and the CSI actions belong to
/// the restore of volumes and hooks.
/// </summary>
public static class BuiltInRestoreItemActions
{
    public static IReadOnlyList<IRestoreItemAction> Create() =>
    [
        new JobAction(),
        new PodAction(),
        new ServiceAction(),
        new ServiceAccountAction(),
        new AddPvcFromPodAction(),
        new ChangeStorageClassAction(),
        new ChangeImageNameAction(),
        new RoleBindingAction(),
        new ClusterRoleBindingAction(),
        new CrdPreserveFieldsAction(),
        new ApiServiceAction(),
        new AdmissionWebhookConfigurationAction(),
        new SecretAction(),
    ];

    /// <summary>Registers each built-in action as an <see cref="IRestoreItemAction"/> singleton, in upstream's order.</summary>
    public static IServiceCollection AddBuiltInRestoreItemActions(this IServiceCollection services)
    {
        foreach (var action in Create())
        {
            services.AddSingleton(action);
        }

        return services;
    }
}
