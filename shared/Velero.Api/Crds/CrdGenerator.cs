using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Velero.Api.Crds;

/// <summary>
/// Builds a <see cref="V1CustomResourceDefinition"/> from a C# API type by reflection: the
/// <see cref="KubernetesEntityAttribute"/> gives group, version, kind and plural; the <c>Crd*</c> attributes give what
/// controller-gen reads from kubebuilder markers upstream; property types give the OpenAPI types. JSON names follow
/// KubernetesJson (<see cref="JsonPropertyNameAttribute"/>, else camelCase), so the schema and the serializer agree.
/// </summary>
public static class CrdGenerator
{
    public static V1CustomResourceDefinition Generate(Type resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        var entity = resourceType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{resourceType} has no [KubernetesEntity].", nameof(resourceType));
        if (!typeof(IKubernetesObject<V1ObjectMeta>).IsAssignableFrom(resourceType))
        {
            throw new ArgumentException($"{resourceType} is not an IKubernetesObject<V1ObjectMeta>.", nameof(resourceType));
        }

        var resource = resourceType.GetCustomAttribute<CrdResourceAttribute>() ?? new CrdResourceAttribute();
        var subresources = resourceType.GetCustomAttribute<CrdSubresourcesAttribute>();
        var columns = resourceType.GetCustomAttributes<CrdPrinterColumnAttribute>()
            .OrderBy(c => c.Order)
            .Select(c => new V1CustomResourceColumnDefinition
            {
                Name = c.Name,
                Type = c.Type,
                JsonPath = c.JsonPath,
                Description = c.Description,
                Format = c.Format,
                Priority = c.Priority >= 0 ? c.Priority : null,
            })
            .ToList();

        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = $"{entity.PluralName}.{entity.Group}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = entity.Group,
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = entity.Kind,
                    ListKind = entity.Kind + "List",
                    Plural = entity.PluralName,
                    Singular = entity.Kind.ToLowerInvariant(),
                    ShortNames = resource.ShortNames.Length > 0 ? [.. resource.ShortNames] : null,
                    Categories = resource.Categories.Length > 0 ? [.. resource.Categories] : null,
                },
                Scope = resource.Scope.ToString(),
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = entity.ApiVersion,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = ObjectSchema(resourceType, []) },
                        Subresources = subresources is null
                            ? null
                            : new V1CustomResourceSubresources { Status = subresources.Status ? new Dictionary<string, object>() : null },
                        AdditionalPrinterColumns = columns.Count > 0 ? columns : null,
                    },
                ],
            },
        };
    }

    /// <summary>The JSON name KubernetesJson uses for a property.</summary>
    public static string JsonName(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
            ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }

    private static V1JSONSchemaProps ObjectSchema(Type type, HashSet<Type> visiting)
    {
        if (!visiting.Add(type))
        {
            throw new NotSupportedException($"Recursive type {type} cannot be expressed without $ref.");
        }

        var properties = new SortedDictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal);
        var required = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0
                || property.IsDefined(typeof(CrdIgnoreAttribute))
                || property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
            {
                continue;
            }

            var name = JsonName(property);
            properties[name] = PropertySchema(property, visiting);
            if (property.IsDefined(typeof(CrdRequiredAttribute)))
            {
                required.Add(name);
            }
        }

        visiting.Remove(type);
        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description,
            Properties = properties.Count > 0 ? new Dictionary<string, V1JSONSchemaProps>(properties) : null,
            Required = required.Count > 0 ? [.. required] : null,
            XKubernetesMapType = type.GetCustomAttribute<CrdMapTypeAttribute>()?.MapType,
        };
    }

    private static V1JSONSchemaProps PropertySchema(PropertyInfo property, HashSet<Type> visiting)
    {
        var preserveUnknown = property.IsDefined(typeof(CrdPreserveUnknownFieldsAttribute));
        var schema = preserveUnknown ? OpaqueSchema(property.PropertyType) : TypeSchema(property.PropertyType, visiting);

        if (property.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            schema.Description = description.Description;
        }

        if (property.IsDefined(typeof(CrdNullableAttribute)))
        {
            schema.Nullable = true;
        }

        if (property.GetCustomAttribute<CrdEnumAttribute>() is { } enumeration)
        {
            schema.EnumProperty = [.. EnumValues(enumeration.ValuesType)];
        }

        if (property.GetCustomAttribute<CrdFormatAttribute>() is { } format)
        {
            schema.Format = format.Format;
        }

        if (property.GetCustomAttribute<CrdMinItemsAttribute>() is { } minItems)
        {
            schema.MinItems = minItems.MinItems;
        }

        if (property.GetCustomAttribute<CrdDefaultAttribute>() is { } defaultValue)
        {
            schema.DefaultProperty = defaultValue.Value;
        }

        if (property.GetCustomAttribute<CrdMapTypeAttribute>() is { } mapType)
        {
            schema.XKubernetesMapType = mapType.MapType;
        }

        if (property.GetCustomAttribute<CrdListTypeAttribute>() is { } listType)
        {
            schema.XKubernetesListType = listType.ListType;
        }

        if (property.IsDefined(typeof(CrdIntOrStringAttribute)))
        {
            schema.Type = null;
            schema.XKubernetesIntOrString = true;
        }

        return schema;
    }

    private static V1JSONSchemaProps TypeSchema(Type type, HashSet<Type> visiting)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;

        if (type == typeof(string))
        {
            return new V1JSONSchemaProps { Type = "string" };
        }

        if (type == typeof(bool))
        {
            return new V1JSONSchemaProps { Type = "boolean" };
        }

        // Go int becomes a plain integer, int64 carries format int64: C# int and long map the same way.
        if (type == typeof(int))
        {
            return new V1JSONSchemaProps { Type = "integer" };
        }

        if (type == typeof(long))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int64" };
        }

        if (type == typeof(double))
        {
            return new V1JSONSchemaProps { Type = "number" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new V1JSONSchemaProps { Type = "string", Format = "date-time" };
        }

        if (type == typeof(byte[]))
        {
            return new V1JSONSchemaProps { Type = "string", Format = "byte" };
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return new V1JSONSchemaProps { Type = "object", AdditionalProperties = TypeSchema(valueType, visiting) };
        }

        if (ListItemType(type) is { } itemType)
        {
            return new V1JSONSchemaProps { Type = "array", Items = TypeSchema(itemType, visiting) };
        }

        if (KubernetesSchemas.For(type) is { } known)
        {
            return known;
        }

        if (type.Namespace is { } ns && ns.StartsWith("k8s", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"No schema for Kubernetes type {type}: add it to {nameof(KubernetesSchemas)}.");
        }

        if (type.IsClass && type != typeof(object))
        {
            return ObjectSchema(type, visiting);
        }

        throw new NotSupportedException($"No schema mapping for {type}.");
    }

    private static V1JSONSchemaProps OpaqueSchema(Type type)
    {
        var opaque = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true };
        return ListItemType(Nullable.GetUnderlyingType(type) ?? type) is null
            ? opaque
            : new V1JSONSchemaProps { Type = "array", Items = opaque, XKubernetesPreserveUnknownFields = true };
    }

    private static IEnumerable<object> EnumValues(Type valuesType)
    {
        var all = valuesType.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IEnumerable<string>
            ?? throw new NotSupportedException($"{valuesType} has no public static IReadOnlyList<string> All.");
        return all;
    }

    private static Type? DictionaryValueType(Type type) =>
        GenericInterface(type, typeof(IDictionary<,>)) is { } dictionary && dictionary.GetGenericArguments()[0] == typeof(string)
            ? dictionary.GetGenericArguments()[1]
            : null;

    private static Type? ListItemType(Type type)
    {
        if (type == typeof(string) || type == typeof(byte[]) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return GenericInterface(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static Type? GenericInterface(Type type, Type openGeneric) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == openGeneric
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);
}
