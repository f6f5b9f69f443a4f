using k8s.Models;

namespace Velero.Api.Crds;

/// <summary>
/// Schemas of the Kubernetes core types the Velero API embeds. They are the upstream Kubernetes OpenAPI definitions
/// of those types (as controller-gen inlines them), written here because KubernetesClient's model classes carry no
/// schema markers (list/map types, required fields, defaults).
/// </summary>
internal static class KubernetesSchemas
{
    public static V1JSONSchemaProps? For(Type type)
    {
        if (type == typeof(V1ObjectMeta))
        {
            return new V1JSONSchemaProps { Type = "object" };
        }

        if (type == typeof(V1LabelSelector))
        {
            return LabelSelector();
        }

        if (type == typeof(V1ObjectReference))
        {
            return Atomic(Object(
                ("apiVersion", String()), ("fieldPath", String()), ("kind", String()), ("name", String()),
                ("namespace", String()), ("resourceVersion", String()), ("uid", String())));
        }

        if (type == typeof(V1SecretKeySelector))
        {
            var schema = Atomic(Object(
                ("key", String()),
                ("name", new V1JSONSchemaProps { Type = "string", DefaultProperty = string.Empty }),
                ("optional", new V1JSONSchemaProps { Type = "boolean" })));
            schema.Required = ["key"];
            return schema;
        }

        if (type == typeof(V1TypedLocalObjectReference))
        {
            var schema = Atomic(Object(("apiGroup", String()), ("kind", String()), ("name", String())));
            schema.Required = ["kind", "name"];
            return schema;
        }

        if (type == typeof(V1Container))
        {
            // Only ever embedded opaquely (restore init-container hooks are runtime.RawExtension upstream).
            return new V1JSONSchemaProps { Type = "object" };
        }

        return null;
    }

    private static V1JSONSchemaProps LabelSelector()
    {
        var stringList = new V1JSONSchemaProps { Type = "array", Items = String(), XKubernetesListType = "atomic" };
        var requirement = Object(("key", String()), ("operator", String()), ("values", stringList));
        requirement.Required = ["key", "operator"];
        return Atomic(Object(
            ("matchExpressions", new V1JSONSchemaProps { Type = "array", Items = requirement, XKubernetesListType = "atomic" }),
            ("matchLabels", new V1JSONSchemaProps { Type = "object", AdditionalProperties = String() })));
    }

    private static V1JSONSchemaProps String() => new() { Type = "string" };

    private static V1JSONSchemaProps Object(params (string Name, V1JSONSchemaProps Schema)[] properties) => new()
    {
        Type = "object",
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };

    private static V1JSONSchemaProps Atomic(V1JSONSchemaProps schema)
    {
        schema.XKubernetesMapType = "atomic";
        return schema;
    }
}
