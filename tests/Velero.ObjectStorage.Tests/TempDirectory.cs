namespace Velero.ObjectStorage.Tests;

/// <summary>A fresh directory under the system temp dir, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "velero-objstore-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
