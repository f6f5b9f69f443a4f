using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Velero.Api;

namespace Velero.Kubernetes.Exec;

/// <summary>
/// Runs a command in a container through the <c>pods/exec</c> subresource over WebSocket (<c>v4.channel.k8s.io</c>,
/// which every supported API server speaks), bounded by a timeout, as upstream's <c>ExecutePodCommand</c>
/// (<c>pkg/podexec</c>) does for both backup and restore hooks: stdout and stderr are collected from channels 1 and 2,
/// and the outcome is read from the status on channel 3 as client-go does (<c>Success</c>, or <c>NonZeroExitCode</c>
/// with the code in its causes). A timeout, a refusal by the API server or a broken stream is a failed result, never an
/// exception; only cancelling the token throws. As upstream notes, an abandoned command may keep running in the
/// container.
/// </summary>
public sealed class PodCommandExecutor(IKubernetes client, TimeProvider time)
{
    private const byte StdoutChannel = 1;
    private const byte StderrChannel = 2;
    private const byte StatusChannel = 3;

    /// <summary>Output is only logged; a chatty command must not grow memory without bound.</summary>
    private const int MaxKeptOutput = 64 * 1024;

    /// <summary>A CancellationTokenSource cannot wait longer; a longer timeout is treated as none.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>
    /// Runs <paramref name="command"/> in <paramref name="container"/> of pod <paramref name="namespace"/>/<paramref name="pod"/>.
    /// A <paramref name="timeout"/> of zero or less waits for the command however long it takes (upstream starts no timer then).
    /// </summary>
    public async Task<PodExecResult> ExecuteAsync(string @namespace, string pod, string container, IReadOnlyList<string> command,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = timeout > TimeSpan.Zero && timeout <= LongestTimer
            ? new CancellationTokenSource(timeout, time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await StreamAsync(@namespace, pod, container, command, linked.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // A socket aborted because the caller gave up reports the cancellation, not a failed command.
            throw new OperationCanceledException("cancelled while a command ran in a pod", e, cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException
                                  && timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return PodExecResult.Failed($"timed out after {GoDuration.Format(timeout)}");
        }
        catch (Exception e) when (e is HttpOperationException or KubernetesException or WebSocketException or HttpRequestException
                                  && !cancellationToken.IsCancellationRequested)
        {
            return PodExecResult.Failed(ApiError(e));
        }
    }

    private async Task<PodExecResult> StreamAsync(string @namespace, string pod, string container, IReadOnlyList<string> command,
        CancellationToken cancellationToken)
    {
        using var socket = await client.WebSocketNamespacedPodExecAsync(pod, @namespace, command, container,
            stderr: true, stdin: false, stdout: true, tty: false, webSocketSubProtocol: WebSocketProtocol.V4BinaryWebsocketProtocol,
            cancellationToken: cancellationToken);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        using var status = new MemoryStream();
        var buffer = new byte[16 * 1024];
        var channel = -1;
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            var data = buffer.AsSpan(0, received.Count);
            if (channel < 0 && data.Length > 0)
            {
                // The first byte of each message names its channel.
                channel = data[0];
                data = data[1..];
            }

            switch (channel)
            {
                case StdoutChannel:
                    Keep(stdout, data);
                    break;
                case StderrChannel:
                    Keep(stderr, data);
                    break;
                case StatusChannel:
                    status.Write(data);
                    break;
            }

            if (received.EndOfMessage)
            {
                channel = -1;
            }
        }

        await CloseAsync(socket, cancellationToken);
        var (exitCode, failure) = Outcome(status.ToArray());
        return new PodExecResult(exitCode, failure, Text(stdout), Text(stderr));
    }

    private static void Keep(MemoryStream output, ReadOnlySpan<byte> data) =>
        output.Write(data[..(int)Math.Min(data.Length, Math.Max(0, MaxKeptOutput - output.Length))]);

    private static string Text(MemoryStream output) => Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);

    private static (int ExitCode, string? Failure) Outcome(byte[] status)
    {
        if (status.Length == 0)
        {
            return (-1, "the exec stream ended without a status from the API server");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(status);
        }
        catch (JsonException)
        {
            return (-1, "the API server sent an unreadable exec status");
        }

        var state = node?["status"]?.GetValue<string>();
        if (state == "Success")
        {
            return (0, null);
        }

        if (state == "Failure" && node?["reason"]?.GetValue<string>() == "NonZeroExitCode"
            && (node["details"]?["causes"] as JsonArray)?.FirstOrDefault(c => c?["reason"]?.GetValue<string>() == "ExitCode") is { } cause
            && int.TryParse(cause["message"]?.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
        {
            return (code, null);
        }

        return (-1, node?["message"]?.GetValue<string>() is { Length: > 0 } message ? message : "the API server reported the exec failed");
    }

    private static async Task CloseAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        if (socket.State is WebSocketState.CloseReceived or WebSocketState.Open)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
            }
            catch (WebSocketException)
            {
                // The server has gone already; the outcome was read.
            }
        }
    }

    /// <summary>The API server's own message (its Status) where it sent one.</summary>
    private static string ApiError(Exception e) => e switch
    {
        // The API server answered the upgrade with an error status (404 for a pod gone since it was read, 403, ...).
        WebSocketException { WebSocketErrorCode: WebSocketError.NotAWebSocket } => $"the API server refused pods/exec: {e.Message}",
        HttpOperationException { Response.Content: { Length: > 0 } body } when StatusMessage(body) is { } message => message,
        KubernetesException { Status.Message: { Length: > 0 } message } => message,
        _ => e.Message,
    };

    private static string? StatusMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["message"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
