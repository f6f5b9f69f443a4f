namespace Velero.ObjectStorage;

/// <summary>Upstream's <c>ValidateObjectStoreConfigKeys</c> (spec 9.1), message included.</summary>
public static class ConfigKeys
{
    /// <summary>Keys the Velero server injects into every object store's config, so always valid.</summary>
    public static readonly IReadOnlyList<string> Implicit = ["bucket", "prefix", "caCert"];

    /// <summary>
    /// Throws <see cref="ObjectStorageException"/> with <c>config has invalid keys [..]; valid keys are [..]</c>
    /// (Go's <c>%v</c> of a string slice: space separated). Valid keys keep the provider's order followed by the
    /// implicit ones, as upstream appends them; invalid keys are sorted, where Go's map order would be random.
    /// </summary>
    public static void Validate(IReadOnlyDictionary<string, string> config, IReadOnlyList<string> providerKeys)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(providerKeys);
        var valid = providerKeys.Concat(Implicit).ToList();
        var invalid = config.Keys.Where(k => !valid.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (invalid.Count > 0)
        {
            throw new ObjectStorageException(
                ObjectStorageErrorKind.InvalidConfiguration,
                $"config has invalid keys {GoList(invalid)}; valid keys are {GoList(valid)}");
        }
    }

    /// <summary>Go's <c>fmt.Sprintf("%v", []string{...})</c>.</summary>
    internal static string GoList(IEnumerable<string> items) => "[" + string.Join(' ', items) + "]";

    internal static string? Get(IReadOnlyDictionary<string, string> config, string key) =>
        config.TryGetValue(key, out var value) ? value : null;

    /// <summary>An endpoint key: absent or empty is null; anything but an absolute http(s) URL is refused, as the plugins do.</summary>
    internal static Uri? OptionalUrl(IReadOnlyDictionary<string, string> config, string key)
    {
        var value = Get(config, key);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!(value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            || !Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            throw new ObjectStorageException(ObjectStorageErrorKind.InvalidConfiguration, $"{key} must start with http:// or https://");
        }

        return url;
    }

    /// <summary>Go's <c>strconv.ParseBool</c>, which the AWS plugin uses for its boolean keys.</summary>
    internal static bool ParseBool(IReadOnlyDictionary<string, string> config, string key)
    {
        var value = Get(config, key);
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        return value switch
        {
            "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
            "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
            _ => throw new ObjectStorageException(
                ObjectStorageErrorKind.InvalidConfiguration, $"could not parse {key} (expected bool)"),
        };
    }
}
