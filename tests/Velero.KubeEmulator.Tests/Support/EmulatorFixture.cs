namespace Velero.KubeEmulator.Tests.Support;

/// <summary>One in-process emulator per test class, with a kubectl bound to it (its own discovery cache).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly string _cacheDir = Directory.CreateTempSubdirectory("kubectl-cache-").FullName;

    public KubeEmulator Emulator { get; private set; } = null!;

    public Kubectl Kubectl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await KubeEmulator.StartAsync(new EmulatorOptions { ContextName = "judge" });
        Kubectl = new Kubectl(Emulator.KubeconfigPath, _cacheDir);
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Directory.Delete(_cacheDir, recursive: true);
    }
}
