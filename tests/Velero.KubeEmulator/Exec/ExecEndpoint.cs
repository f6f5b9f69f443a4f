using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Velero.KubeEmulator.Api;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Json;

namespace Velero.KubeEmulator.Exec;

/// <summary>
/// pods/exec over WebSocket with the v5.channel.k8s.io and v4.channel.k8s.io protocols: frames start with a
/// channel byte (0 stdin, 1 stdout, 2 stderr, 3 error/status, 255 close in v5); the status on channel 3
/// carries the exit code as the kubelet reports it. SPDY is not offered (kubectl 1.30+ uses WebSocket).
/// </summary>
internal sealed class ExecEndpoint(Cluster cluster, IExecRegistry registry)
{
    private static readonly string[] Protocols = ["v5.channel.k8s.io", "v4.channel.k8s.io"];
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    public async Task ExecAsync(HttpContext context, RequestInfo info)
    {
        var pod = cluster.Objects.Get(info.Type, info.Namespace, info.Name) ?? throw ApiException.NotFound(info.Type, info.Name);
        var phase = Meta.Str(pod["status"], "phase");
        if (phase is "Succeeded" or "Failed")
        {
            throw ApiException.BadRequest($"cannot exec into a container in a completed pod; current phase is {phase}");
        }

        var containers = (pod["spec"]?["containers"] as JsonArray ?? []).Select(c => Meta.Str(c, "name") ?? "").ToList();
        var container = context.Request.Query["container"].ToString();
        if (container.Length == 0)
        {
            container = containers.FirstOrDefault() ?? "";
        }
        else if (!containers.Contains(container))
        {
            throw ApiException.BadRequest($"container {container} is not valid for pod {info.Name}");
        }

        var command = context.Request.Query["command"].Select(c => c ?? "").ToList();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw ApiException.BadRequest("Upgrade request required");
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var protocol = Protocols.FirstOrDefault(offered.Contains)
            ?? throw ApiException.BadRequest($"unable to upgrade: no supported protocol in [{string.Join(",", offered)}]");
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = protocol });
        var ct = context.RequestAborted;
        var text = new StringBuilder();
        // One receive loop for the whole exchange (a WebSocket allows one receive at a time): stdin, then the
        // client's close after the answer.
        var reading = ReadUntilClosedAsync(socket, text, ct);
        var stdin = context.Request.Query["stdin"] == "true" || context.Request.Query["stdin"] == "1"
            ? await ReadStdinAsync(reading, text, protocol, ct)
            : "";
        var result = registry.Run(new ExecInvocation(info.Namespace, info.Name, container, command, stdin));
        if (result.Duration > TimeSpan.Zero)
        {
            await Task.Delay(result.Duration, cluster.Clock, ct);
        }

        await SendAsync(socket, 1, Encoding.UTF8.GetBytes(result.Stdout), ct);
        await SendAsync(socket, 2, Encoding.UTF8.GetBytes(result.Stderr), ct);
        await SendAsync(socket, 3, Encoding.UTF8.GetBytes(Status(command, result.ExitCode).ToJsonString()), ct);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", ct);
        // Returning at once would abort the connection while the client may still be reading the last frames:
        // wait (briefly) for its close, as a real API server's close handshake does.
        var closing = reading.IsCompleted && socket.State == WebSocketState.CloseSent
            ? ReadUntilClosedAsync(socket, new StringBuilder(), ct) // stopped at v5's end-of-stdin signal
            : reading;
        await Task.WhenAny(closing, Task.Delay(CloseWait, ct));
    }

    private static async Task SendAsync(WebSocket socket, byte channel, byte[] data, CancellationToken ct)
    {
        if (data.Length == 0 && channel != 3)
        {
            return;
        }

        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame, 1);
        await socket.SendAsync(frame, WebSocketMessageType.Binary, true, ct);
    }

    /// <summary>
    /// Reads stdin until v5's close signal (255, 0) or the client closes; v4 has no signal, so only briefly. The
    /// wait is a race, not a cancelled receive: cancelling a WebSocket receive aborts the socket.
    /// </summary>
    private static async Task<string> ReadStdinAsync(Task reading, StringBuilder text, string protocol, CancellationToken ct)
    {
        var window = protocol.StartsWith("v5", StringComparison.Ordinal) ? TimeSpan.FromSeconds(10) : TimeSpan.FromMilliseconds(300);
        await Task.WhenAny(reading, Task.Delay(window, ct));
        lock (text)
        {
            return text.ToString();
        }
    }

    private static async Task ReadUntilClosedAsync(WebSocket socket, StringBuilder text, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, ct);
                if (received.MessageType == WebSocketMessageType.Close || received.Count == 0 || buffer[0] == 255)
                {
                    return;
                }

                if (buffer[0] == 0)
                {
                    lock (text)
                    {
                        text.Append(Encoding.UTF8.GetString(buffer, 1, received.Count - 1));
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away; whatever stdin arrived is used.
        }
    }

    private static JsonObject Status(IReadOnlyList<string> command, int exitCode) => exitCode == 0
        ? new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" }
        : new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = $"command terminated with non-zero exit code: error executing command [{string.Join(" ", command)}], exit code {exitCode}",
            ["reason"] = "NonZeroExitCode",
            ["details"] = new JsonObject
            {
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            },
        };
}
