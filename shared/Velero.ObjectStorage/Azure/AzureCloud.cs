using Azure.Identity;

namespace Velero.ObjectStorage.Azure;

/// <summary>The Azure clouds upstream knows by <c>AZURE_CLOUD_NAME</c>: blob endpoint suffix and Entra ID authority.</summary>
internal sealed record AzureCloud(string BlobSuffix, Uri AuthorityHost)
{
    public static AzureCloud FromName(string? name) => (name ?? "").ToUpperInvariant() switch
    {
        "" or "AZURECLOUD" or "AZUREPUBLICCLOUD" => new("blob.core.windows.net", AzureAuthorityHosts.AzurePublicCloud),
        "AZURECHINACLOUD" => new("blob.core.chinacloudapi.cn", AzureAuthorityHosts.AzureChina),
        "AZUREUSGOVERNMENT" or "AZUREUSGOVERNMENTCLOUD" => new("blob.core.usgovcloudapi.net", AzureAuthorityHosts.AzureGovernment),
        _ => throw new ObjectStorageException(ObjectStorageErrorKind.InvalidConfiguration, $"unknown cloud: {name}"),
    };
}
