namespace Velero.Selection.Hooks;

/// <summary>When an exec hook runs relative to backing up its pod.</summary>
public enum HookPhase
{
    Pre,
    Post,
}
