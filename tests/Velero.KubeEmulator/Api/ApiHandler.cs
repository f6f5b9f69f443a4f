using System.Diagnostics;
using Velero.KubeEmulator.Auth;
using Velero.KubeEmulator.Diagnostics;
using Velero.KubeEmulator.Engine;
using Velero.KubeEmulator.Faults;

namespace Velero.KubeEmulator.Api;

/// <summary>
/// The request pipeline: injected faults, authentication, routing (version, discovery, OpenAPI, resources),
/// RBAC, errors as Status objects, and the request log.
/// </summary>
internal sealed class ApiHandler(Cluster cluster, int minor, TokenIssuer tokens, RbacAuthorizer authorizer, FaultInjector faults,
    RequestLog log, DiscoveryEndpoint discovery, OpenApiEndpoint openApi, ResourceEndpoint resources, ReviewEndpoint reviews)
{
    private static readonly HashSet<string> PublicPaths = new(StringComparer.Ordinal) { "/version", "/version/", "/healthz", "/livez", "/readyz" };

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var watch = request.Query["watch"] is var w && (w == "true" || w == "1");
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var info = Resolve(segments, request.Method, watch);
        var verb = info?.Verb ?? request.Method.ToLowerInvariant();
        var user = "";
        try
        {
            if (faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(faults.Latency, context.RequestAborted);
            }

            if (faults.Pick(verb, path, info is not null) is { } fault && await InjectAsync(context, fault))
            {
                return;
            }

            var identity = PublicPaths.Contains(path) ? Identity.Admin : Authenticate(request);
            if (identity is null)
            {
                throw new ApiException(401, "Unauthorized", "Unauthorized");
            }

            user = PublicPaths.Contains(path) ? "system:anonymous" : identity.User;
            if ((request.ContentType ?? "").Contains("protobuf", StringComparison.OrdinalIgnoreCase))
            {
                await TranscodeProtobufAsync(context);
            }

            await RouteAsync(context, segments, info, identity);
        }
        catch (ApiException e)
        {
            if (!context.Response.HasStarted)
            {
                await Responses.WriteErrorAsync(context, e);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            // An emulator bug must still answer like the real server's panic handler, with the cause visible.
            await Responses.WriteErrorAsync(context, new ApiException(500, "InternalError", $"Internal error occurred: {e.GetType().Name}: {e.Message}",
                new System.Text.Json.Nodes.JsonObject { ["causes"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["message"] = e.ToString() }) }));
        }
        finally
        {
            log.Add(new RequestRecord(cluster.Clock.GetUtcNow(), request.Method, verb, path, request.QueryString.Value ?? "",
                context.Response.StatusCode, user, request.Headers.UserAgent.ToString(), Stopwatch.GetElapsedTime(started)));
        }
    }

    /// <summary>
    /// kubectl (client-go) never sends credentials to an http:// server, so a request without credentials on
    /// the plain-HTTP port is the admin, like the old insecure port of kube-apiserver. Tokens that are sent are
    /// always checked; on the HTTPS port a token is required. RBAC is tested through ServiceAccount tokens.
    /// </summary>
    private Identity? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return request.IsHttps ? null : Identity.Admin;
        }

        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? tokens.Authenticate(header[7..].Trim()) : null;
    }

    /// <summary>
    /// Typed clients (kubectl create namespace/secret/token) send protobuf and do not fall back to JSON on 415,
    /// so the few kinds they create are decoded here into JSON; other protobuf bodies get 415.
    /// </summary>
    private static async Task TranscodeProtobufAsync(HttpContext context)
    {
        var body = await Responses.ReadBodyAsync(context.Request, context.RequestAborted);
        var json = Json.ProtobufReader.Decode(body)
            ?? throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml");
        context.Request.Body = new MemoryStream(Json.Meta.Serialize(json));
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = null;
    }

    private RequestInfo? Resolve(string[] segments, string method, bool watch)
    {
        if (segments.Length >= 3 && segments[0] == "api")
        {
            return RequestInfo.Parse(cluster.Registry, "", segments[1], segments[2..], method, watch);
        }

        if (segments.Length >= 4 && segments[0] == "apis")
        {
            return RequestInfo.Parse(cluster.Registry, segments[1], segments[2], segments[3..], method, watch);
        }

        return null;
    }

    private async Task RouteAsync(HttpContext context, string[] segments, RequestInfo? info, Identity identity)
    {
        if (info is not null)
        {
            // As the real RequestInfo: a namespace object is addressed within its own namespace.
            var ns = info.Type is { Group: "", Plural: "namespaces" } && info.Name.Length > 0 ? info.Name : info.Namespace;
            var attributes = new Attributes(info.Verb, info.Type.Group, info.Type.Plural, info.Subresource, ns, info.Name);
            if (!authorizer.Allows(identity, attributes))
            {
                throw ApiException.Forbidden(info.Type, info.Name, RbacAuthorizer.Reason(identity, attributes));
            }

            if (info.Type.Plural is "selfsubjectaccessreviews" or "selfsubjectreviews")
            {
                await reviews.HandleAsync(context, info, identity);
                return;
            }

            await resources.HandleAsync(context, info);
            return;
        }

        var path = "/" + string.Join('/', segments);
        if (!authorizer.Allows(identity, new Attributes(context.Request.Method == "GET" ? "get" : context.Request.Method.ToLowerInvariant(), "", "", null, "", "", path)))
        {
            throw new ApiException(403, "Forbidden", "forbidden: " + RbacAuthorizer.Reason(identity,
                new Attributes("get", "", "", null, "", "", path)), new System.Text.Json.Nodes.JsonObject());
        }

        switch (segments)
        {
            case ["version"]:
                await Responses.WriteJsonAsync(context, VersionInfo.For(minor));
                break;
            case ["healthz" or "livez" or "readyz", ..]:
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok");
                break;
            case ["api"]:
                await discovery.ApiAsync(context);
                break;
            case ["apis"]:
                await discovery.ApisAsync(context);
                break;
            case ["api", var version]:
                await discovery.ResourceListAsync(context, "", version);
                break;
            case ["apis", var group]:
                await discovery.GroupAsync(context, group);
                break;
            case ["apis", var group, var version]:
                await discovery.ResourceListAsync(context, group, version);
                break;
            case ["openapi", "v2"]:
                await openApi.V2Async(context);
                break;
            case ["openapi", "v3"]:
                await openApi.RootAsync(context);
                break;
            case ["openapi", "v3", "api", var version]:
                await openApi.GroupVersionAsync(context, "", version);
                break;
            case ["openapi", "v3", "apis", var group, var version]:
                await openApi.GroupVersionAsync(context, group, version);
                break;
            default:
                throw ApiException.ResourceNotFound();
        }
    }

    private static async Task<bool> InjectAsync(HttpContext context, FaultRule fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.DropConnection:
                context.Abort();
                return true;
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Responses.WriteErrorAsync(context, new ApiException(429, "TooManyRequests", "Too many requests, please try again later.",
                    new System.Text.Json.Nodes.JsonObject { ["retryAfterSeconds"] = fault.RetryAfterSeconds }));
                return true;
            default:
                await Responses.WriteErrorAsync(context, new ApiException(500, "InternalError", "Internal error occurred: injected fault",
                    new System.Text.Json.Nodes.JsonObject
                    {
                        ["causes"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["message"] = "injected fault" }),
                    }));
                return true;
        }
    }
}
