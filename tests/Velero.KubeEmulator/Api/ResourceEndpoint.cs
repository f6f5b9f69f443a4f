using System.Text.Json.Nodes;
using Velero.KubeEmulator.Engine;

namespace Velero.KubeEmulator.Api;

/// <summary>The verbs on a resource and its status subresource, translated to the object writer.</summary>
internal sealed class ResourceEndpoint(Cluster cluster, ListEndpoint list, WatchEndpoint watch, SubresourceEndpoint subresources)
{
    public async Task HandleAsync(HttpContext context, RequestInfo info)
    {
        var type = info.Type;
        if (!type.Verbs.Contains(info.Verb) && info.Subresource is null)
        {
            throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource");
        }

        if (info.Subresource is not (null or "status"))
        {
            await subresources.HandleAsync(context, info);
            return;
        }

        if (info.Subresource == "status" && !type.HasStatus)
        {
            throw ApiException.ResourceNotFound();
        }

        var ct = context.RequestAborted;
        var options = Options(context);
        switch (info.Verb)
        {
            case "get":
                var found = cluster.Objects.Get(type, info.Namespace, info.Name) ?? throw ApiException.NotFound(type, info.Name);
                await Responses.WriteJsonAsync(context, found);
                break;
            case "list":
                await list.ListAsync(context, info);
                break;
            case "watch":
                await watch.WatchAsync(context, info);
                break;
            case "create" when info.Name.Length == 0:
                var body = Responses.ParseObject(await Responses.ReadBodyAsync(context.Request, ct), context.Request.ContentType);
                var (created, json) = cluster.Objects.CreateWithJson(type, info.Namespace, body, options);
                await WriteWithWarningsAsync(context, created, 201, options, json);
                break;
            case "update":
                var replacement = Responses.ParseObject(await Responses.ReadBodyAsync(context.Request, ct), context.Request.ContentType);
                var updated = cluster.Objects.Update(type, info.Namespace, info.Name, replacement, options, info.Subresource);
                await WriteWithWarningsAsync(context, updated, 200, options);
                break;
            case "patch":
                var patchType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
                if (patchType is not (ObjectWriter.JsonPatchType or ObjectWriter.MergePatchType or ObjectWriter.StrategicPatchType or ObjectWriter.ApplyPatchType))
                {
                    throw ApiException.UnsupportedMediaType(patchType);
                }

                var (patched, wasCreated) = cluster.Objects.Patch(type, info.Namespace, info.Name, patchType,
                    await Responses.ReadBodyAsync(context.Request, ct), options, info.Subresource);
                await WriteWithWarningsAsync(context, patched, wasCreated ? 201 : 200, options);
                break;
            case "delete":
                var deleteBody = await Responses.ReadBodyAsync(context.Request, ct);
                var (answer, code) = cluster.Objects.Delete(type, info.Namespace, info.Name, DeleteOptionsFrom(context, deleteBody));
                await Responses.WriteJsonAsync(context, Versioned(answer, info), code);
                break;
            case "deletecollection":
                await DeleteCollectionAsync(context, info);
                break;
            default:
                throw ApiException.MethodNotAllowed("the server does not allow this method on the requested resource");
        }
    }

    private static JsonObject Versioned(JsonObject obj, RequestInfo info)
    {
        if (Json.Meta.Str(obj, "kind") == info.Type.Kind)
        {
            obj["apiVersion"] = info.Type.ApiVersion;
        }

        return obj;
    }

    private async Task DeleteCollectionAsync(HttpContext context, RequestInfo info)
    {
        var options = DeleteOptionsFrom(context, await Responses.ReadBodyAsync(context.Request, context.RequestAborted));
        var labels = Selectors.LabelSelector.Parse(context.Request.Query["labelSelector"]);
        var fields = Selectors.FieldSelector.Parse(context.Request.Query["fieldSelector"], info.Type);
        var (items, _) = cluster.Store.List(info.Type.StorageKey, info.Type.Namespaced && info.Namespace.Length > 0 ? info.Namespace : null);
        foreach (var item in items.Where(i => labels.Matches(i.Labels) && fields.Matches(i)))
        {
            try
            {
                cluster.Objects.Delete(info.Type, item.Namespace, item.Name, options with { PreconditionUid = null, PreconditionResourceVersion = null });
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted by someone else meanwhile.
            }
        }

        await Responses.WriteJsonAsync(context, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
        });
    }

    private static async Task WriteWithWarningsAsync(HttpContext context, JsonObject obj, int code, WriteOptions options, byte[]? json = null)
    {
        foreach (var warning in options.Warnings.Distinct())
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        if (json is null)
        {
            await Responses.WriteJsonAsync(context, obj, code);
            return;
        }

        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    public static WriteOptions Options(HttpContext context)
    {
        var query = context.Request.Query;
        var manager = query["fieldManager"].ToString();
        if (manager.Length == 0)
        {
            // The real default: the user agent up to the first '/' ("kubectl", "KubernetesClient").
            var agent = context.Request.Headers.UserAgent.ToString();
            manager = agent.Length == 0 ? "unknown" : agent.Split('/')[0];
            if (context.Request.Method == "PATCH" && (context.Request.ContentType ?? "").StartsWith(ObjectWriter.ApplyPatchType, StringComparison.Ordinal))
            {
                manager = "";
            }
        }

        var validation = query["fieldValidation"].ToString();
        return new WriteOptions
        {
            FieldManager = manager,
            DryRun = query["dryRun"] == "All",
            FieldValidation = validation is "Strict" or "Ignore" or "Warn" ? validation : "Warn",
            Force = query["force"] == "true",
        };
    }

    public static DeleteOptions DeleteOptionsFrom(HttpContext context, byte[] body)
    {
        string? uid = null, rv = null;
        var dryRun = context.Request.Query["dryRun"] == "All";
        if (body.Length > 0)
        {
            var node = Responses.ParseObject(body, context.Request.ContentType);
            uid = Json.Meta.Str(node["preconditions"], "uid");
            rv = Json.Meta.Str(node["preconditions"], "resourceVersion");
            dryRun |= Json.Meta.Strings(node["dryRun"]).Contains("All");
        }

        return new DeleteOptions(uid, rv, dryRun);
    }
}
