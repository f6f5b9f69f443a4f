using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Velero.KubeEmulator.Auth;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Exec;
using Velero.KubeEmulator.Json;
using Velero.KubeEmulator.Patching;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Api;

/// <summary>scale, exec, token, finalize, eviction and log.</summary>
internal sealed class SubresourceEndpoint(Cluster cluster, ExecEndpoint exec, TokenIssuer tokens)
{
    public async Task HandleAsync(HttpContext context, RequestInfo info)
    {
        var type = info.Type;
        switch (info.Subresource)
        {
            case "scale" when type.Scale is not null:
                await ScaleAsync(context, info, type.Scale);
                break;
            case "exec" when type is { Group: "", Plural: "pods" }:
                await exec.ExecAsync(context, info);
                break;
            case "log" when type is { Group: "", Plural: "pods" }:
                _ = cluster.Objects.Get(type, info.Namespace, info.Name) ?? throw ApiException.NotFound(type, info.Name);
                context.Response.ContentType = "text/plain";
                break;
            case "eviction" when type is { Group: "", Plural: "pods" }:
                var (_, _) = cluster.Objects.Delete(type, info.Namespace, info.Name, new DeleteOptions(null, null, false));
                await Responses.WriteJsonAsync(context, new JsonObject
                {
                    ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201,
                }, 201);
                break;
            case "token" when type is { Group: "", Plural: "serviceaccounts" } && info.Verb == "create":
                await TokenAsync(context, info);
                break;
            case "finalize" when type is { Group: "", Plural: "namespaces" } && info.Verb == "update":
                var body = Responses.ParseObject(await Responses.ReadBodyAsync(context.Request, context.RequestAborted), context.Request.ContentType);
                var current = cluster.Objects.Get(type, "", info.Name) ?? throw ApiException.NotFound(type, info.Name);
                current["spec"] = body["spec"]?.DeepClone() ?? new JsonObject();
                await Responses.WriteJsonAsync(context, cluster.Objects.Update(type, "", info.Name, current, ResourceEndpoint.Options(context), "finalize"));
                break;
            default:
                throw ApiException.ResourceNotFound();
        }
    }

    private async Task ScaleAsync(HttpContext context, RequestInfo info, ScaleSpec scale)
    {
        var type = info.Type;
        var obj = cluster.Objects.Get(type, info.Namespace, info.Name) ?? throw ApiException.NotFound(type, info.Name);
        if (info.Verb == "get")
        {
            await Responses.WriteJsonAsync(context, ToScale(obj, scale));
            return;
        }

        var body = await Responses.ReadBodyAsync(context.Request, context.RequestAborted);
        var current = ToScale(obj, scale);
        var contentType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        JsonNode? wanted = info.Verb switch
        {
            "update" => Responses.ParseObject(body, context.Request.ContentType),
            "patch" when contentType == ObjectWriter.JsonPatchType => JsonPatch.Apply(current.DeepClone(), JsonNode.Parse(body)),
            "patch" => MergePatch.Apply(current.DeepClone(), JsonNode.Parse(body)),
            _ => throw ApiException.MethodNotAllowed("the server does not allow this method on the requested resource"),
        };
        var rv = Meta.Str(wanted?["metadata"], "resourceVersion");
        if (info.Verb == "update" && !string.IsNullOrEmpty(rv) && rv != Meta.Str(obj["metadata"], "resourceVersion"))
        {
            throw ApiException.StaleObject(type, info.Name);
        }

        var replicas = wanted?["spec"]?["replicas"]?.GetValue<long>() ?? 0;
        var patch = new JsonObject();
        Meta.Set(patch, scale.SpecReplicasPath, replicas);
        var options = ResourceEndpoint.Options(context);
        var (updated, _) = cluster.Objects.Patch(type, info.Namespace, info.Name, ObjectWriter.MergePatchType,
            Encoding.UTF8.GetBytes(patch.ToJsonString()), options, null);
        await Responses.WriteJsonAsync(context, ToScale(updated, scale));
    }

    private static JsonObject ToScale(JsonObject obj, ScaleSpec scale)
    {
        var metadata = obj["metadata"]!;
        var status = new JsonObject { ["replicas"] = Meta.At(obj, scale.StatusReplicasPath)?.DeepClone() ?? 0 };
        var selector = scale.LabelSelectorPath is null ? null : Meta.At(obj, scale.LabelSelectorPath);
        selector ??= obj["spec"]?["selector"]?["matchLabels"] is JsonObject matchLabels
            ? string.Join(",", matchLabels.Select(p => $"{p.Key}={p.Value}"))
            : null;
        if (selector is not null)
        {
            status["selector"] = selector.DeepClone();
        }

        var scaleMetadata = new JsonObject();
        foreach (var key in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (metadata[key] is { } value)
            {
                scaleMetadata[key] = value.DeepClone();
            }
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMetadata,
            ["spec"] = new JsonObject { ["replicas"] = Meta.At(obj, scale.SpecReplicasPath)?.DeepClone() ?? 0 },
            ["status"] = status,
        };
    }

    private async Task TokenAsync(HttpContext context, RequestInfo info)
    {
        var request = Responses.ParseObject(await Responses.ReadBodyAsync(context.Request, context.RequestAborted), context.Request.ContentType);
        var sa = cluster.Store.Get(info.Type.StorageKey, info.Namespace, info.Name) ?? throw ApiException.NotFound(info.Type, info.Name);
        var audiences = Meta.Strings(request["spec"]?["audiences"]);
        if (audiences.Count == 0)
        {
            audiences.Add("https://kubernetes.default.svc.cluster.local");
        }

        var seconds = request["spec"]?["expirationSeconds"]?.GetValue<long>() ?? 3600;
        if (seconds < 600)
        {
            throw ApiException.Invalid(new ResourceType { Group = "authentication.k8s.io", Version = "v1", Kind = "TokenRequest", Plural = "tokenrequests", Namespaced = true },
                info.Name, [FieldError.Invalid("spec.expirationSeconds", seconds.ToString(CultureInfo.InvariantCulture), "may not specify a duration less than 10 minutes")]);
        }

        var (token, expires) = tokens.Mint(info.Namespace, info.Name, sa.Uid, audiences, seconds);
        await Responses.WriteJsonAsync(context, new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["name"] = info.Name, ["namespace"] = info.Namespace, ["creationTimestamp"] = cluster.Now() },
            ["spec"] = new JsonObject
            {
                ["audiences"] = new JsonArray([.. audiences.Select(a => (JsonNode)a)]),
                ["expirationSeconds"] = seconds,
                ["boundObjectRef"] = request["spec"]?["boundObjectRef"]?.DeepClone(),
            },
            ["status"] = new JsonObject { ["token"] = token, ["expirationTimestamp"] = Meta.Timestamp(expires) },
        }, 201);
    }
}
