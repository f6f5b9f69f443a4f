using Velero.Cli.Printers;

namespace Velero.Cli.Tests.Support;

/// <summary>A backup's or restore's files as describe reads them, given by kind; a kind not given is missing (404).</summary>
internal sealed class FileSet(Dictionary<string, string> files) : IDescribeFiles
{
    public List<string> Read { get; } = [];

    public Task<DescribeFile> ReadAsync(string name, string kind, CancellationToken cancellationToken)
    {
        Read.Add(kind);
        return Task.FromResult(files.TryGetValue(kind, out var text) ? new DescribeFile(text) : DescribeFile.Missing);
    }
}
