namespace Velero.Selection.Ordering;

/// <summary>An item after ordering; <paramref name="Ordered"/> when <c>orderedResources</c> placed it.</summary>
public sealed record OrderedItem<T>(T Item, bool Ordered);
