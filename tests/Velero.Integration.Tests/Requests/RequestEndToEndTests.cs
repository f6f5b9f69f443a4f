using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Velero.Api.V1;
using Velero.Contracts.Backups;
using Velero.Contracts.Requests;
using Velero.Contracts.Restores;
using Velero.Integration.Tests.Support;
using Velero.Kubernetes.Resources;
using Velero.Testing;

namespace Velero.Integration.Tests.Requests;

/// <summary>
/// Backups and restores requested over the real broker by an outside system, served by <c>velero server</c>: the
/// resource is created in the cluster and runs as any other, every event reaches the outside subscriber with the
/// caller's correlation id, a repeated request creates nothing, and an invalid one is answered with the reason.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class RequestEndToEndTests(RequestStackFixture stack) : IClassFixture<RequestStackFixture>
{
    /// <summary>The README's example, byte for byte: what any AMQP client publishes to the RequestBackup exchange.</summary>
    // The request exactly as the README documents it: the first JSON block naming RequestBackup.
    private static readonly string ReadmeRequest = ReadmeJson("urn:message:Velero.Contracts.Requests:RequestBackup");

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_backup_requested_with_the_documented_json_runs_once_and_every_event_carries_the_correlation_id()
    {
        var requestId = Guid.Parse("0b8a6f2e-3c1d-4e5f-9a7b-1c2d3e4f5a6b");
        await CreateNamespaceAsync("shop");
        await using var amqp = await RawAmqp.ConnectAsync();
        var rawSubscription = await amqp.BindAsync("Velero.Contracts.Backups:BackupCompleted");

        await amqp.PublishAsync("Velero.Contracts.Requests:RequestBackup", ReadmeRequest);

        var accepted = await stack.Events.WaitAsync<BackupRequestAccepted>(a => a.RequestId == requestId, Timeout);
        Assert.False(accepted.Repeated);
        Assert.Equal("change-4711", accepted.CorrelationId);
        Assert.Equal(new BackupRef
        {
            Cluster = accepted.Backup.Cluster, Namespace = "velero", Name = "req-0b8a6f2e3c1d4e5f9a7b1c2d3e4f5a6b",
            Uid = accepted.Backup.Uid, CorrelationId = "change-4711",
        }, accepted.Backup);
        Assert.Equal("dev-a", accepted.Backup.Cluster.Name);

        var uid = accepted.Backup.Uid;
        var completed = await stack.Events.WaitAsync<BackupCompleted>(c => c.Backup.Uid == uid, Timeout);
        Assert.Equal(BackupPhase.Completed, completed.Phase);
        Assert.Equal("change-4711", completed.Backup.CorrelationId);
        Assert.Equal("change-4711", Assert.Single(stack.Events.All<BackupStarted>(s => s.Backup.Uid == uid)).Backup.CorrelationId);
        var progressed = stack.Events.All<BackupProgressed>(p => p.Backup.Uid == uid);
        Assert.NotEmpty(progressed);
        Assert.All(progressed, p => Assert.Equal("change-4711", p.Backup.CorrelationId));

        // The resource is the user API: created in the cluster, annotated with the request, run to its end.
        var backup = await WaitPhaseAsync(accepted.Backup.Name, BackupPhase.Completed);
        Assert.Equal(requestId.ToString(), backup.Metadata.Annotations["velero-services.io/request-id"]);
        Assert.Equal("change-4711", backup.Metadata.Annotations["velero-services.io/correlation-id"]);
        Assert.Equal("ci", backup.Metadata.Labels["requested-by"]);
        Assert.Equal(["shop"], backup.Spec.IncludedNamespaces!);

        // A subscriber without MassTransit, its own queue bound to the event's exchange, reads the same in plain JSON.
        var raw = await DrainAsync(amqp, rawSubscription, "change-4711");
        Assert.Contains("urn:message:Velero.Contracts.Backups:BackupCompleted", raw["messageType"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("change-4711", (string?)raw["message"]!["backup"]!["correlationId"]);

        // The same request again, as a new message: the answer names the same backup, and nothing new is created.
        await stack.Events.Publisher.Publish(new RequestBackup
        {
            RequestId = requestId,
            CorrelationId = "change-4711",
            Cluster = "dev-a",
            Spec = Json("""{"includedNamespaces":["shop"]}"""),
        });
        await amqp.PublishAsync("Velero.Contracts.Requests:RequestBackup", ReadmeRequest);
        await Eventually.WaitAsync(() => Task.FromResult(
                stack.Events.All<BackupRequestAccepted>(a => a.RequestId == requestId && a.Repeated).Count == 2),
            Timeout, "the repeated requests were not answered");
        Assert.All(stack.Events.All<BackupRequestAccepted>(a => a.RequestId == requestId && a.Repeated), repeat =>
        {
            Assert.Equal(accepted.Backup, repeat.Backup);
            Assert.Equal(BackupPhase.Completed, repeat.Phase);
        });
        var annotated = (await new CustomResourceClient<Backup>(stack.Clusters.ClientA).ListAsync("velero")).Items
            .Where(b => b.Metadata.Annotations is { } a && a.TryGetValue("velero-services.io/request-id", out var id) && id == requestId.ToString());
        Assert.Single(annotated);
        Assert.Single(stack.Events.All<BackupStarted>(s => s.Backup.CorrelationId == "change-4711"));
        Assert.Equal(1L, await stack.Database.ScalarAsync<long>("select count(*) from backups where correlation_id = 'change-4711'"));
        Assert.Equal("Created", await stack.Database.ScalarAsync<string>(
            $"select state from requests where request_id = '{requestId}' and resource_uid = '{uid}'"));
    }

    [Fact]
    public async Task The_same_request_delivered_twice_at_once_creates_one_backup()
    {
        var requestId = Guid.NewGuid();
        var request = new RequestBackup
        {
            RequestId = requestId, CorrelationId = "racing", Cluster = "dev-a", Spec = Json("""{"includedNamespaces":["race"]}"""),
        };

        await Task.WhenAll(stack.Events.Publisher.Publish(request), stack.Events.Publisher.Publish(request));

        await Eventually.WaitAsync(() => Task.FromResult(stack.Events.All<BackupRequestAccepted>(a => a.RequestId == requestId).Count == 2),
            Timeout, "both deliveries were not answered");
        var answers = stack.Events.All<BackupRequestAccepted>(a => a.RequestId == requestId);
        Assert.Single(answers, a => !a.Repeated);
        Assert.Single(answers.Select(a => a.Backup).Distinct());
        Assert.Single((await new CustomResourceClient<Backup>(stack.Clusters.ClientA).ListAsync("velero")).Items,
            b => b.Metadata.Annotations is { } a && a.TryGetValue("velero-services.io/request-id", out var id) && id == requestId.ToString());
    }

    [Fact]
    public async Task Requests_that_cannot_become_a_backup_are_answered_with_the_reason()
    {
        await using var amqp = await RawAmqp.ConnectAsync();

        var unknownCluster = await RefusedAsync(new RequestBackup
        {
            RequestId = Guid.NewGuid(), CorrelationId = "unknown-cluster", Cluster = "prod-9",
            Spec = Json("{}"),
        });
        Assert.Equal("cluster \"prod-9\" is not served by this platform (served: dev-a)", unknownCluster.Reason);
        Assert.Equal("prod-9", unknownCluster.Cluster);

        var malformedId = Guid.NewGuid();
        await amqp.PublishAsync("Velero.Contracts.Requests:RequestBackup", $$"""
            {
              "messageType": ["urn:message:Velero.Contracts.Requests:RequestBackup"],
              "message": { "requestId": "{{malformedId}}", "correlationId": "malformed", "cluster": "dev-a",
                           "spec": { "includedNamespaces": "shop" } }
            }
            """);
        var malformed = await stack.Events.WaitAsync<BackupRequestFailed>(f => f.RequestId == malformedId, Timeout);
        Assert.Equal("malformed", malformed.CorrelationId);
        Assert.StartsWith("spec is not a velero.io/v1 BackupSpec: ", malformed.Reason, StringComparison.Ordinal);

        // A Backup a user made by hand holds the name; its own correlation annotation travels in its events.
        await CreateNamespaceAsync("hand");
        await new CustomResourceClient<Backup>(stack.Clusters.ClientA).CreateAsync(new Backup
        {
            Metadata = new V1ObjectMeta
            {
                Name = "hand-1", NamespaceProperty = "velero",
                Annotations = new Dictionary<string, string> { ["velero-services.io/correlation-id"] = "by-hand-1" },
            },
            Spec = new BackupSpec { IncludedNamespaces = ["hand"] },
        });
        var handMade = await stack.Events.WaitAsync<BackupCompleted>(c => c.Backup.Name == "hand-1", Timeout);
        Assert.Equal("by-hand-1", handMade.Backup.CorrelationId);
        Assert.Equal("by-hand-1", Assert.Single(stack.Events.All<BackupStarted>(s => s.Backup.Name == "hand-1")).Backup.CorrelationId);

        var takenId = Guid.NewGuid();
        var taken = await RefusedAsync(new RequestBackup
        {
            RequestId = takenId, CorrelationId = "taken", Cluster = "dev-a", Name = "hand-1",
            Spec = Json("{}"),
        });
        Assert.Equal("backup \"hand-1\" already exists in namespace velero and was not created by this request", taken.Reason);
        Assert.Equal(taken.Reason, await stack.Database.ScalarAsync<string>(
            $"select reason from requests where request_id = '{takenId}' and state = 'Failed'"));

        // A Backup the request did create, refused by upstream's validation: BackupFailed, with the correlation id.
        var invalidId = Guid.NewGuid();
        await stack.Events.Publisher.Publish(new RequestBackup
        {
            RequestId = invalidId, CorrelationId = "no-such-location", Cluster = "dev-a",
            Spec = Json("""{"includedNamespaces":["hand"],"storageLocation":"nowhere"}"""),
        });
        var accepted = await stack.Events.WaitAsync<BackupRequestAccepted>(a => a.RequestId == invalidId, Timeout);
        var failed = await stack.Events.WaitAsync<BackupFailed>(f => f.Backup.Uid == accepted.Backup.Uid, Timeout);
        Assert.Equal(BackupPhase.FailedValidation, failed.Phase);
        Assert.Equal("no-such-location", failed.Backup.CorrelationId);
        Assert.Contains(failed.ValidationErrors!, e => e.Contains("nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restore_requested_over_the_broker_runs_once_with_the_correlation_id_in_every_event()
    {
        var client = stack.Clusters.ClientA;
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "books" } });
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "catalog", NamespaceProperty = "books" },
            Data = new Dictionary<string, string> { ["title"] = "Dune" },
        }, "books");

        var backupRequest = Guid.NewGuid();
        await stack.Events.Publisher.Publish(new RequestBackup
        {
            RequestId = backupRequest, CorrelationId = "books-backup", Cluster = "dev-a", Name = "books-1",
            Spec = Json("""{"includedNamespaces":["books"]}"""),
        });
        var backup = await stack.Events.WaitAsync<BackupCompleted>(c => c.Backup.CorrelationId == "books-backup", Timeout);
        var backups = new CustomResourceClient<Backup>(client);
        await Eventually.WaitAsync(async () => (await backups.GetAsync("velero", backup.Backup.Name))?.Status?.Phase == BackupPhase.Completed,
            Timeout, "the requested backup did not show Completed");

        var restoreRequest = Guid.NewGuid();
        var request = new RequestRestore
        {
            RequestId = restoreRequest, CorrelationId = "books-restore", Cluster = "dev-a",
            Spec = Json("""{"backupName":"books-1","namespaceMapping":{"books":"books-copy"}}"""),
            Labels = new Dictionary<string, string> { ["ticket"] = "7" },
        };
        await stack.Events.Publisher.Publish(request);

        var accepted = await stack.Events.WaitAsync<RestoreRequestAccepted>(a => a.RequestId == restoreRequest, Timeout);
        Assert.False(accepted.Repeated);
        Assert.Equal("books-restore", accepted.Restore.CorrelationId);
        Assert.Equal($"req-{restoreRequest:N}", accepted.Restore.Name);
        var uid = accepted.Restore.Uid;
        var completed = await stack.Events.WaitAsync<RestoreCompleted>(c => c.Restore.Uid == uid, Timeout);
        Assert.Equal(RestorePhase.Completed, completed.Phase);
        Assert.Equal("books-restore", completed.Restore.CorrelationId);
        var started = Assert.Single(stack.Events.All<RestoreStarted>(s => s.Restore.Uid == uid));
        Assert.Equal("books-restore", started.Restore.CorrelationId);
        Assert.Equal("books-1", started.BackupName);
        var progressed = stack.Events.All<RestoreProgressed>(p => p.Restore.Uid == uid);
        Assert.NotEmpty(progressed);
        Assert.All(progressed, p => Assert.Equal("books-restore", p.Restore.CorrelationId));

        // Restored as asked, by a Restore resource that says which request made it.
        Assert.Equal("Dune", (await client.CoreV1.ReadNamespacedConfigMapAsync("catalog", "books-copy")).Data["title"]);
        var restore = (await new CustomResourceClient<Restore>(client).GetAsync("velero", accepted.Restore.Name))!;
        Assert.Equal(restoreRequest.ToString(), restore.Metadata.Annotations["velero-services.io/request-id"]);
        Assert.Equal("7", restore.Metadata.Labels["ticket"]);

        // Asked again: the same restore is named, and nothing is restored twice.
        await stack.Events.Publisher.Publish(request);
        var repeat = await stack.Events.WaitAsync<RestoreRequestAccepted>(a => a.RequestId == restoreRequest && a.Repeated, Timeout);
        Assert.Equal(accepted.Restore, repeat.Restore);
        Assert.Single((await new CustomResourceClient<Restore>(client).ListAsync("velero")).Items,
            r => r.Metadata.Annotations is { } a && a.TryGetValue("velero-services.io/request-id", out var id) && id == restoreRequest.ToString());
        Assert.Single(stack.Events.All<RestoreStarted>(s => s.Restore.CorrelationId == "books-restore"));

        // A restore request id cannot be reused for a backup.
        await stack.Events.Publisher.Publish(new RequestBackup
        {
            RequestId = restoreRequest, CorrelationId = "books-restore", Cluster = "dev-a", Spec = Json("{}"),
        });
        var reused = await stack.Events.WaitAsync<BackupRequestFailed>(f => f.RequestId == restoreRequest, Timeout);
        Assert.Equal($"request id {restoreRequest} was already used for a restore request", reused.Reason);
    }

    private async Task<BackupRequestFailed> RefusedAsync(RequestBackup request)
    {
        await stack.Events.Publisher.Publish(request);
        var failed = await stack.Events.WaitAsync<BackupRequestFailed>(f => f.RequestId == request.RequestId, Timeout);
        Assert.Equal(request.CorrelationId, failed.CorrelationId);
        Assert.Empty(stack.Events.All<BackupRequestAccepted>(a => a.RequestId == request.RequestId));
        return failed;
    }

    private async Task CreateNamespaceAsync(string name)
    {
        var client = stack.Clusters.ClientA;
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings", NamespaceProperty = name },
            Data = new Dictionary<string, string> { ["greeting"] = "hello" },
        }, name);
    }

    private async Task<Backup> WaitPhaseAsync(string name, string phase)
    {
        var backups = new CustomResourceClient<Backup>(stack.Clusters.ClientA);
        Backup? current = null;
        await Eventually.WaitAsync(async () => (current = await backups.GetAsync("velero", name))?.Status?.Phase == phase,
            Timeout, $"backup {name} did not reach {phase}: {(current is null ? "none" : KubernetesJson.Serialize(current.Status))}");
        return current!;
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>The first envelope in <paramref name="queue"/> whose backup carries <paramref name="correlationId"/>.</summary>
    private static async Task<JsonNode> DrainAsync(RawAmqp amqp, string queue, string correlationId)
    {
        JsonNode? found = null;
        await Eventually.WaitAsync(async () =>
        {
            found ??= (await amqp.DrainAsync(queue)).Select(body => JsonNode.Parse(body)!)
                .FirstOrDefault(e => (string?)e["message"]?["backup"]?["correlationId"] == correlationId);
            return found is not null;
        }, Timeout, $"the raw subscriber received no event with correlation id {correlationId}");
        return found!;
    }

    private static string ReadmeJson(string containing)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        foreach (var block in readme.Split("```json\n").Skip(1))
        {
            var json = block[..block.IndexOf("```", StringComparison.Ordinal)];
            if (json.Contains(containing, StringComparison.Ordinal))
            {
                return json;
            }
        }

        throw new InvalidOperationException($"README.md has no JSON block with {containing}");
    }
}
