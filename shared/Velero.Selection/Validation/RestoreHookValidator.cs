using k8s.Models;
using Velero.Api.V1;

namespace Velero.Selection.Validation;

/// <summary>
/// The part of the restore controller's <c>validateAndComplete</c> (<c>pkg/controller/restore_controller.go</c>) that
/// <see cref="RestoreValidator"/> leaves out: every init container of every init restore hook must be a Container with
/// a name, an image and a command (upstream's <c>hook.ValidateContainer</c>). Upstream checks this after the
/// backup/schedule source check and before <c>existingResourcePolicy</c>; one error per bad container, in spec order.
/// </summary>
public static class RestoreHookValidator
{
    public const string InvalidInitContainerError =
        "invalid InitContainer in restore hook, it doesn't have Command, Name or Image field";

    public static IReadOnlyList<string> Validate(Restore restore)
    {
        ArgumentNullException.ThrowIfNull(restore);
        return [.. (restore.Spec?.Hooks?.Resources ?? [])
            .SelectMany(r => r.PostHooks ?? [])
            .SelectMany(h => h.Init?.InitContainers ?? [])
            .Where(InvalidInitContainer)
            .Select(_ => InvalidInitContainerError)];
    }

    /// <summary>Whether upstream refuses <paramref name="container"/> as a restore hook init container.</summary>
    public static bool InvalidInitContainer(V1Container? container) =>
        container is null || container.Command is not { Count: > 0 } || string.IsNullOrEmpty(container.Name)
        || string.IsNullOrEmpty(container.Image);
}
