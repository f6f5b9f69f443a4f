using System.Text;
using Velero.ObjectStorage.Gcp;

namespace Velero.ObjectStorage.Tests.Gcp;

internal static class GcsTestStores
{
    /// <summary>A gcp store through the factory (config keys validated) with the recording HTTP stack and no environment.</summary>
    public static IObjectStore Create(RecordingHandler http, string? credentialsJson, Dictionary<string, string>? config = null,
        Func<string, string?>? variables = null)
    {
        var provider = new GcsObjectStoreProvider(new GcsEnvironment(TimeProvider.System, variables ?? (_ => null), new RecordingHttpClientFactory(http)));
        return new ObjectStoreFactory([provider]).CreateStore(new BackupStorageLocationConfig
        {
            Provider = "gcp",
            Bucket = "velero-bkt",
            Config = config ?? [],
            Credentials = credentialsJson is null ? null : (ReadOnlyMemory<byte>?)Encoding.UTF8.GetBytes(credentialsJson),
        });
    }
}
