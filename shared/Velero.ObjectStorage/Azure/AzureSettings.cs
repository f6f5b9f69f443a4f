using Azure.Core;

namespace Velero.ObjectStorage.Azure;

/// <summary>An azure BSL resolved: where the account is and how to authenticate. Holds key material: never log it.</summary>
internal sealed record AzureSettings
{
    public required string Container { get; init; }

    public required string StorageAccount { get; init; }

    /// <summary>The blob endpoint of the account, e.g. <c>https://acct.blob.core.windows.net</c>.</summary>
    public required Uri ServiceUri { get; init; }

    public required int BlockSize { get; init; }

    /// <summary>The storage account access key (shared-key auth); signed URLs are then service SAS.</summary>
    public string? AccountKey { get; init; }

    /// <summary>The Entra ID credential (useAAD); signed URLs are then user delegation SAS.</summary>
    public TokenCredential? TokenCredential { get; init; }

    public string? CaCertPem { get; init; }

    /// <summary>Blobs per list page; null = the service's default (5000). Tests lower it to exercise paging.</summary>
    public int? ListPageSize { get; init; }

    public override string ToString() => $"AzureSettings {{ Container = {Container}, StorageAccount = {StorageAccount}, ServiceUri = {ServiceUri} }}";
}
