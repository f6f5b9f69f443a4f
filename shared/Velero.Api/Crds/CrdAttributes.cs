namespace Velero.Api.Crds;

// Markers the CRD generator reads from the API types. They mirror the kubebuilder markers upstream Velero puts on its
// Go types (+kubebuilder:resource, +kubebuilder:printcolumn, +nullable, +kubebuilder:validation:Enum, ...), so a field's
// schema is declared next to the field.

/// <summary>Resource-level settings: scope, short names and categories (<c>+kubebuilder:resource</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CrdResourceAttribute : Attribute
{
    public CrdScope Scope { get; set; } = CrdScope.Namespaced;

    public string[] ShortNames { get; set; } = [];

    public string[] Categories { get; set; } = [];
}

public enum CrdScope
{
    Namespaced,
    Cluster,
}

/// <summary>
/// Emits <c>subresources</c> on the version; <see cref="Status"/> adds the status subresource. Upstream's CRDs carry an
/// empty <c>subresources: {}</c> on some kinds and none on others, and Velero's controllers write status through the
/// main resource, which a status subresource would silently ignore; so the default is an empty block.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CrdSubresourcesAttribute : Attribute
{
    public bool Status { get; set; }
}

/// <summary>One <c>additionalPrinterColumns</c> entry; <paramref name="order"/> fixes the column position.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CrdPrinterColumnAttribute(int order, string name, string type, string jsonPath) : Attribute
{
    public int Order { get; } = order;

    public string Name { get; } = name;

    public string Type { get; } = type;

    public string JsonPath { get; } = jsonPath;

    public string? Description { get; set; }

    public string? Format { get; set; }

    /// <summary>0 shows the column by default; higher values only with <c>-o wide</c>. Negative means unset.</summary>
    public int Priority { get; set; } = -1;
}

/// <summary>The field is required (a Go field without <c>omitempty</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdRequiredAttribute : Attribute;

/// <summary><c>nullable: true</c> (the <c>+nullable</c> marker).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdNullableAttribute : Attribute;

/// <summary>
/// The allowed string values, read from a constants class exposing <c>public static IReadOnlyList&lt;string&gt; All</c>
/// in the order upstream lists them.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdEnumAttribute(Type valuesType) : Attribute
{
    public Type ValuesType { get; } = valuesType;
}

/// <summary>An explicit <c>format</c> (e.g. <c>date-time</c> on a string, <c>int64</c> on an integer).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdFormatAttribute(string format) : Attribute
{
    public string Format { get; } = format;
}

/// <summary><c>minItems</c> on an array.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdMinItemsAttribute(long minItems) : Attribute
{
    public long MinItems { get; } = minItems;
}

/// <summary>A string <c>default</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdDefaultAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

/// <summary><c>x-kubernetes-map-type</c> on an object field (e.g. <c>atomic</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, Inherited = false)]
public sealed class CrdMapTypeAttribute(string mapType) : Attribute
{
    public string MapType { get; } = mapType;
}

/// <summary><c>x-kubernetes-list-type</c> on an array field (e.g. <c>atomic</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdListTypeAttribute(string listType) : Attribute
{
    public string ListType { get; } = listType;
}

/// <summary>
/// <c>x-kubernetes-preserve-unknown-fields: true</c>: the field (and, for arrays, each item) is an opaque object whose
/// contents the API server keeps as they are (Go <c>runtime.RawExtension</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdPreserveUnknownFieldsAttribute : Attribute;

/// <summary><c>x-kubernetes-int-or-string: true</c> (Go <c>intstr.IntOrString</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdIntOrStringAttribute : Attribute;

/// <summary>Leaves the property out of the schema (client-side helpers).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CrdIgnoreAttribute : Attribute;
