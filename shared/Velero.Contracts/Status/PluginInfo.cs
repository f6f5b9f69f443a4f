namespace Velero.Contracts.Status;

/// <summary>A plugin or provider a service serves, as upstream's <c>velero plugin get</c> lists it.</summary>
/// <param name="Name">Upstream-style name, for example <c>velero.io/aws</c>.</param>
/// <param name="Kind">Upstream plugin kind, for example <c>ObjectStore</c> or <c>BackupItemAction</c>.</param>
public sealed record PluginInfo(string Name, string Kind);
