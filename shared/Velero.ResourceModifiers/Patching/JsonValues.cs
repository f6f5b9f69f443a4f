using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Velero.ResourceModifiers.Patching;

/// <summary>JSON equality as the patch libraries upstream uses decide it: numbers by value (<c>1</c> equals <c>1.0</c>), objects regardless of key order.</summary>
internal static class JsonValues
{
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (null, JsonValue v):
                return v.GetValueKind() == JsonValueKind.Null;
            case (JsonValue v, null):
                return v.GetValueKind() == JsonValueKind.Null;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(entry => y.TryGetPropertyValue(entry.Key, out var other) && AreEqual(entry.Value, other));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(pair => AreEqual(pair.First, pair.Second));
            case (JsonValue x, JsonValue y):
                var kind = x.GetValueKind();
                if (kind != y.GetValueKind())
                {
                    return false;
                }

                return kind == JsonValueKind.Number
                    ? Number(x) == Number(y)
                    : x.ToJsonString() == y.ToJsonString();
            default:
                return false;
        }
    }

    public static bool IsNull(JsonNode? node) => node is null || node is JsonValue value && value.GetValueKind() == JsonValueKind.Null;

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
}
