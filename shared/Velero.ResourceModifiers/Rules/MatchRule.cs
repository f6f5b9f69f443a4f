namespace Velero.ResourceModifiers.Rules;

/// <summary>A <c>matches</c> condition: the item has <see cref="Value"/> (read as a patch value is) at the JSON pointer <see cref="Path"/>.</summary>
public sealed record MatchRule(string Path, string Value);
