namespace Velero.Scheduler.GarbageCollection;

/// <summary>The garbage collector's decision for one backup, with the failure label's value when it sets one.</summary>
internal sealed record CollectionDecision(CollectionAction Action, string? FailureLabel = null);
