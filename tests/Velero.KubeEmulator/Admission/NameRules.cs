using System.Text.RegularExpressions;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Admission;

/// <summary>Object name and metadata rules of apimachinery validation, worded as the real server words them.</summary>
internal static partial class NameRules
{
    private const string SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    private const string LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private const string Dns1035Message = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    /// <summary>The limit on all annotations of one object together (keys plus values).</summary>
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035();

    public static IEnumerable<FieldError> CheckName(ResourceType type, string name)
    {
        if (type is { Group: "", Plural: "namespaces" })
        {
            return Check(name, Label(), 63, LabelMessage);
        }

        if (type is { Group: "", Plural: "services" })
        {
            return Check(name, Dns1035(), 63, Dns1035Message);
        }

        if (type.Group == "rbac.authorization.k8s.io")
        {
            // RBAC names are path segments: "system:controller:x" is valid.
            return name is "." or ".." || name.Contains('/') || name.Contains('%')
                ? [FieldError.Invalid("metadata.name", name, "may not contain '/' or '%'")]
                : [];
        }

        return Check(name, Subdomain(), 253, SubdomainMessage);
    }

    public static IEnumerable<FieldError> CheckNamespaceName(string ns) => Check(ns, Label(), 63, LabelMessage, "metadata.namespace");

    private static List<FieldError> Check(string name, Regex rule, int max, string message, string field = "metadata.name")
    {
        var errors = new List<FieldError>();
        if (name.Length > max)
        {
            errors.Add(FieldError.Invalid(field, name, $"must be no more than {max} characters"));
        }

        if (!rule.IsMatch(name))
        {
            errors.Add(FieldError.Invalid(field, name, message));
        }

        return errors;
    }

    public static IEnumerable<FieldError> CheckAnnotations(IReadOnlyDictionary<string, string>? annotations)
    {
        if (annotations is null)
        {
            yield break;
        }

        var total = annotations.Sum(a => System.Text.Encoding.UTF8.GetByteCount(a.Key) + System.Text.Encoding.UTF8.GetByteCount(a.Value));
        if (total > TotalAnnotationSizeLimit)
        {
            yield return FieldError.TooLong("metadata.annotations", TotalAnnotationSizeLimit);
        }
    }
}
