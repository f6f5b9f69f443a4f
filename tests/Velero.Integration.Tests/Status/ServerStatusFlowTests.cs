using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using Velero.Contracts.Clusters;
using Velero.Contracts.Status;
using Velero.Integration.Tests.Support;
using Velero.Testing;
using Velero.Testing.Tracing;

namespace Velero.Integration.Tests.Status;

[Collection(ServiceProcessesCollection.Name)]
public sealed class ServerStatusFlowTests(PerRoleServicesFixture services) : IClassFixture<PerRoleServicesFixture>
{
    private static readonly ClusterRef Cluster = new() { Id = "3f1c2a5e-0000-4000-8000-000000000001", Name = "dev-a" };
    private static readonly string[] ServiceNames = ["velero-restorer", "velero-scheduler", "velero-snapshotter", "velero-uploader"];

    [Fact]
    public async Task Every_service_answers_a_status_request_and_the_exchange_is_one_trace()
    {
        using var capture = new TraceCapture();
        await using var bus = await TestBus.StartAsync();
        var requestId = Guid.NewGuid();
        string traceId;
        using (var root = TraceCapture.Source.StartActivity("velero version", ActivityKind.Client))
        {
            traceId = root!.TraceId.ToHexString();
            await bus.Publisher.Publish(new ServerStatusRequested
            {
                RequestId = requestId,
                Cluster = Cluster,
                RequestedAt = DateTimeOffset.UtcNow,
                RequestedBy = "integration test",
            });
        }

        var collected = await bus.WaitCollectedAsync(requestId, TimeSpan.FromSeconds(30));

        Assert.Equal(["restorer", "scheduler", "snapshotter", "uploader"], collected.Services.Select(s => s.Service).Order());
        Assert.Empty(collected.Missing);
        Assert.Equal(Cluster, collected.Cluster);
        Assert.All(collected.Services, s => Assert.StartsWith("v0.", s.Version, StringComparison.Ordinal));
        Assert.All(collected.Services, s => Assert.Equal(Cluster, s.Cluster));

        // The scheduler keeps each service's last-seen status and the request's outcome in PostgreSQL.
        Assert.Equal(4, await services.Database.ScalarAsync<long>(
            $"select count(*) from service_status where last_request_id = '{requestId}'"));
        Assert.Equal("Processed", await services.Database.ScalarAsync<string>(
            $"select phase from server_status_requests where request_id = '{requestId}'"));

        // One trace: the request, every service's answer, the scheduler's database work and its collected event.
        var local = capture.Stopped.Where(a => a.TraceId.ToHexString() == traceId).Select(a => a.SpanId.ToHexString()).ToHashSet();
        var spans = await services.Traces.WaitForAsync(received => IsComplete(InTrace(received, traceId), local),
            TimeSpan.FromSeconds(20));
        var trace = InTrace(spans, traceId);
        Assert.Equal(ServiceNames, trace.Select(s => s.ServiceName).Distinct().Order());
        Assert.Contains(trace, s => s.ServiceName == "velero-scheduler" && s.Scope == "Npgsql");
        Assert.Contains(trace, s => s.ServiceName == "velero-scheduler" && s.Name.Contains("ServerStatusCollected", StringComparison.Ordinal));
        var known = trace.Select(s => s.SpanId).Concat(local).ToHashSet();
        Assert.All(trace, s => Assert.Contains(s.ParentSpanId ?? "(none)", known));
    }

    [Fact]
    public async Task A_malformed_status_report_lands_in_the_error_queue_with_its_reason()
    {
        await using var bus = await TestBus.StartAsync();
        var requestId = Guid.NewGuid();
        await bus.Publisher.Publish(new ServerStatusReported
        {
            RequestId = requestId,
            Cluster = Cluster,
            Service = "",
            Instance = "",
            Version = "v0.0.0",
            Plugins = [],
            ReportedAt = DateTimeOffset.UtcNow,
        });

        var reason = await FindFaultReasonAsync("server-status-reported_error", requestId, TimeSpan.FromSeconds(20));

        Assert.Contains("service and instance are required", reason, StringComparison.Ordinal);
        Assert.Equal(0, await services.Database.ScalarAsync<long>(
            $"select count(*) from server_status_replies where request_id = '{requestId}'"));
    }

    [Fact]
    public async Task A_service_stops_gracefully_on_sigterm()
    {
        var environment = Services.Environment(services.Database);
        await using var extra = ServiceProcess.Start("Velero.Restorer.dll", environment);
        await extra.WaitReadyAsync(Services.ReadyTimeout);

        Assert.Equal(0, await extra.StopAsync(TimeSpan.FromSeconds(30)));
    }

    private static List<ReceivedSpan> InTrace(IEnumerable<ReceivedSpan> spans, string traceId) =>
        [.. spans.Where(s => s.TraceId == traceId)];

    private static bool IsComplete(List<ReceivedSpan> trace, HashSet<string> local)
    {
        var known = trace.Select(s => s.SpanId).Concat(local).ToHashSet();
        return ServiceNames.All(name => trace.Any(s => s.ServiceName == name))
               && trace.Any(s => s.Name.Contains("ServerStatusCollected", StringComparison.Ordinal))
               && trace.All(s => s.ParentSpanId is null || known.Contains(s.ParentSpanId));
    }

    /// <summary>Reads the error queue as an operator would, looking for the fault of one request.</summary>
    private static async Task<string> FindFaultReasonAsync(string queue, Guid requestId, TimeSpan timeout)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.RabbitMqUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            BasicGetResult? message;
            try
            {
                message = await channel.BasicGetAsync(queue, autoAck: false);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
            {
                // MassTransit declares the error queue with the first fault; until then there is none.
                await channel.DisposeAsync();
                channel = await connection.CreateChannelAsync();
                message = null;
            }

            if (message is null)
            {
                await Task.Delay(200);
                continue;
            }

            if (Encoding.UTF8.GetString(message.Body.Span).Contains(requestId.ToString(), StringComparison.Ordinal))
            {
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
                var header = message.BasicProperties.Headers?["MT-Fault-Message"];
                return header is byte[] bytes ? Encoding.UTF8.GetString(bytes) : header?.ToString() ?? "";
            }

            // A fault left by an earlier run: this queue belongs to the test broker, so it is drained.
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
        }

        throw new TimeoutException($"no fault for request {requestId} in {queue}");
    }
}
