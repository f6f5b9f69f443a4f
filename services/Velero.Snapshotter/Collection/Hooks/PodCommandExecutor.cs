using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Velero.Snapshotter.Collection.Hooks;

/// <summary>
/// Runs a command in a container through the <c>pods/exec</c> subresource over WebSocket (<c>v4.channel.k8s.io</c>,
/// which every supported API server speaks): stdout and stderr are collected from channels 1 and 2, and the outcome
/// is read from the status on channel 3 as client-go does (<c>Success</c>, or <c>NonZeroExitCode</c> with the code
/// in its causes). Cancelling the token abandons the stream; as upstream notes, the command itself may keep running
/// in the container.
/// </summary>
internal sealed class PodCommandExecutor(IKubernetes client)
{
    private const byte StdoutChannel = 1;
    private const byte StderrChannel = 2;
    private const byte StatusChannel = 3;

    /// <summary>Hook output is only logged; a chatty hook must not grow memory without bound.</summary>
    private const int MaxKeptOutput = 64 * 1024;

    public async Task<PodExecResult> ExecuteAsync(string @namespace, string pod, string container, IReadOnlyList<string> command,
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
}
