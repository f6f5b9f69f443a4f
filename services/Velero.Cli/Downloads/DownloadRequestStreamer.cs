using System.Net;
using System.Security.Authentication;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Velero.Api.V1;
using Velero.Kubernetes.Resources;
using Velero.ObjectStorage;

namespace Velero.Cli.Downloads;

/// <summary>
/// Reads a file of a backup or restore from its location the way upstream's CLI does (pkg/cmd/util/downloadrequest):
/// creates a DownloadRequest <c>&lt;name&gt;-&lt;uuid&gt;</c> for the target, waits for the server's URL, GETs it and
/// gunzips everything but <c>BackupContents</c>. The body is streamed, never held whole. The request is left to the
/// server, which deletes it when it expires. Failures are <see cref="DownloadFailedException"/>s in upstream's words.
/// </summary>
public sealed class DownloadRequestStreamer(IKubernetes client, TimeProvider? time = null, TextWriter? warnings = null)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Copies the target (<see cref="DownloadTargetKind"/>) of <paramref name="name"/> into <paramref name="destination"/>.</summary>
    public async Task StreamAsync(string @namespace, string name, string kind, Stream destination, DownloadSettings settings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var body = await OpenAsync(@namespace, name, kind, settings, cancellationToken);
        await body.CopyToAsync(destination, 81920, cancellationToken);
    }

    /// <summary>Copies the target as UTF-8 text into <paramref name="destination"/> (<c>logs</c> writes to stdout).</summary>
    public async Task StreamTextAsync(string @namespace, string name, string kind, TextWriter destination, DownloadSettings settings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var body = await OpenAsync(@namespace, name, kind, settings, cancellationToken);
        using var reader = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await destination.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The target's content, decompressed unless it is <c>BackupContents</c>, for reading as it arrives (describe parses
    /// resource lists and results from it). The timeout runs until the stream is disposed.
    /// </summary>
    public async Task<Stream> OpenAsync(string @namespace, string name, string kind, DownloadSettings settings,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(settings);
        var deadline = new CancellationTokenSource(settings.Timeout, _time);
        var owners = new List<IDisposable>();
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var url = await WaitForUrlAsync(@namespace, name, kind, deadline, linked.Token);
            var trust = DownloadTrust.For(settings, warnings ?? Console.Error);
            var http = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors) },
                AutomaticDecompression = DecompressionMethods.None,
            })
            { Timeout = Timeout.InfiniteTimeSpan };
            owners.Add(http);
            var response = await GetAsync(http, url, trust, deadline, linked.Token);
            owners.Insert(0, response);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var text = await ReadErrorAsync(response, linked.Token);
                throw response.StatusCode == HttpStatusCode.NotFound
                    ? new DownloadFailedException(DownloadFailedException.NotFoundMessage, notFound: true)
                    : new DownloadFailedException($"request failed: {text}");
            }

            var content = await response.Content.ReadAsStreamAsync(linked.Token);
            return new DownloadBody(content, kind != DownloadTargetKind.BackupContents, owners, deadline);
        }
        catch
        {
            owners.ForEach(o => o.Dispose());
            deadline.Dispose();
            throw;
        }
    }

    private async Task<Uri> WaitForUrlAsync(string @namespace, string name, string kind, CancellationTokenSource deadline,
        CancellationToken cancellationToken)
    {
        var requests = new CustomResourceClient<DownloadRequest>(client);
        var request = new DownloadRequest
        {
            Metadata = new V1ObjectMeta { Name = $"{name}-{Guid.NewGuid():D}", NamespaceProperty = @namespace },
            Spec = new DownloadRequestSpec { Target = new DownloadTarget { Kind = kind, Name = name } },
        };
        try
        {
            await requests.CreateAsync(request, cancellationToken);
            var pause = FirstPoll;
            while (true)
            {
                await Task.Delay(pause, _time, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPoll.Ticks));
                var updated = await requests.GetAsync(@namespace, request.Metadata.Name, cancellationToken)
                    ?? throw new DownloadFailedException($"downloadrequests.velero.io \"{request.Metadata.Name}\" not found");
                if (!string.IsNullOrEmpty(updated.Status?.DownloadURL))
                {
                    return new Uri(updated.Status.DownloadURL);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new DownloadFailedException(DownloadFailedException.UrlTimeoutMessage);
        }
        catch (HttpOperationException e)
        {
            throw new DownloadFailedException(ApiMessage(e), inner: e);
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri url, CertificateTrust trust,
        CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new DownloadFailedException($"Get \"{Redacted(url)}\": context deadline exceeded");
        }
        catch (HttpRequestException e) when (e.InnerException is AuthenticationException && trust.ChainRefused)
        {
            throw new DownloadFailedException(
                $"Get \"{Redacted(url)}\": tls: failed to verify certificate: x509: certificate signed by unknown authority\n\n"
                + "The --insecure-skip-tls-verify flag can also be used to accept any TLS certificate for the download, "
                + "but it is susceptible to man-in-the-middle attacks", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new DownloadFailedException($"Get \"{Redacted(url)}\": {e.InnerException?.Message ?? e.Message}", inner: e);
        }
    }

    /// <summary>The URL without its query: a pre-signed URL's signature stays out of messages and terminals' scrollback.</summary>
    private static string Redacted(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        const int Limit = 64 * 1024;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Limit];
        var length = 0;
        int read;
        while (length < Limit && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>The API server's own message (<c>Status.message</c>), as client-go's errors print it.</summary>
    private static string ApiMessage(HttpOperationException e)
    {
        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(e.Response.Content);
            if (!string.IsNullOrEmpty(status?.Message))
            {
                return status.Message;
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return e.Message;
    }
}
