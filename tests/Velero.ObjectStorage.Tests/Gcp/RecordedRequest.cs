using System.Text;
using System.Web;

namespace Velero.ObjectStorage.Tests.Gcp;

internal sealed record RecordedRequest(HttpMethod Method, Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Path => Url.AbsolutePath;

    public string? Query(string name) => HttpUtility.ParseQueryString(Url.Query)[name];

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
