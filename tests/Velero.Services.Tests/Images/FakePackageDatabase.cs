using Velero.Images;

namespace Velero.Services.Tests.Images;

/// <summary>A dpkg database that knows the given paths (as dpkg lists them) and versions.</summary>
public sealed class FakePackageDatabase(IReadOnlyDictionary<string, string> owners) : IPackageDatabase
{
    public Task<IReadOnlyDictionary<string, string>> OwnersAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(paths.Where(owners.ContainsKey).ToDictionary(p => p, p => owners[p]));

    public Task<(string Version, string Architecture)> VersionAsync(string package, CancellationToken cancellationToken) =>
        Task.FromResult(package == "tzdata" ? ("2025b-0+deb12u2", "all") : ("2.36-9+deb12u14", "amd64"));
}
