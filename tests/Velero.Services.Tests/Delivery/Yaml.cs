using System.Globalization;

namespace Velero.Services.Tests.Delivery;

/// <summary>Typed views of a YAML node read by <see cref="DeliveryFiles"/>, failing the test when the shape is wrong.</summary>
internal static class Yaml
{
    private static readonly IReadOnlyDictionary<string, object?> EmptyMap = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Map(object? node, string what) => node switch
    {
        IDictionary<object, object?> map => map.ToDictionary(
            e => Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, e => e.Value, StringComparer.Ordinal),
        _ => throw new Xunit.Sdk.XunitException($"{what}: a map was expected, found {Describe(node)}"),
    };

    public static IReadOnlyDictionary<string, object?> MapOrEmpty(object? node, string what) =>
        node is null ? EmptyMap : Map(node, what);

    public static IReadOnlyList<object?> List(object? node, string what) => node switch
    {
        IList<object?> list => [.. list],
        _ => throw new Xunit.Sdk.XunitException($"{what}: a list was expected, found {Describe(node)}"),
    };

    public static IReadOnlyList<object?> ListOrEmpty(object? node, string what) => node is null ? [] : List(node, what);

    public static string Text(object? node, string what) => node switch
    {
        string text => text,
        _ => throw new Xunit.Sdk.XunitException($"{what}: a scalar was expected, found {Describe(node)}"),
    };

    public static IReadOnlyList<string> Texts(object? node, string what) =>
        [.. ListOrEmpty(node, what).Select((item, i) => Text(item, $"{what}[{i}]"))];

    public static object? Get(IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key);

    private static string Describe(object? node) => node switch
    {
        null => "nothing",
        string text => $"\"{text}\"",
        _ => node.GetType().Name,
    };
}
