using System.Text.Json.Nodes;
using Velero.KubeEmulator.Resources;

namespace Velero.KubeEmulator.Api;

/// <summary>
/// /openapi/v3 with one document per group version. The documents carry no schemas, only what kubectl's
/// query-parameter verifier looks for: a PATCH operation per kind with x-kubernetes-group-version-kind and a
/// fieldValidation parameter. kubectl then leaves validation to the server (fieldValidation=Strict).
/// kubectl still validates List kinds (ConfigMapList, RoleList) client-side against /openapi/v2, which it
/// always decodes as protobuf; an empty v2 document (no definitions) makes it skip those checks, as it skips
/// kinds it has no schema for.
/// </summary>
internal sealed class OpenApiEndpoint(ResourceRegistry registry, int minor)
{
    public Task RootAsync(HttpContext context)
    {
        var paths = new JsonObject();
        foreach (var gv in registry.All.Select(t => (t.Group, t.Version)).Distinct())
        {
            var path = gv.Group.Length == 0 ? $"api/{gv.Version}" : $"apis/{gv.Group}/{gv.Version}";
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={Hash(gv.Group, gv.Version)}" };
        }

        return Responses.WriteJsonAsync(context, new JsonObject { ["paths"] = paths });
    }

    public Task GroupVersionAsync(HttpContext context, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return Responses.WriteErrorAsync(context, ApiException.ResourceNotFound());
        }

        var paths = new JsonObject();
        foreach (var t in types.Where(t => t.Verbs.Contains("patch")))
        {
            var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            var path = t.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{t.Plural}/{{name}}" : $"{prefix}/{t.Plural}/{{name}}";
            paths[path] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{t.Kind}",
                    ["parameters"] = new JsonArray(
                        Parameter("dryRun"), Parameter("fieldManager"), Parameter("fieldValidation"), Parameter("force")),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = t.Kind },
                },
            };
        }

        return Responses.WriteJsonAsync(context, new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = $"v1.{minor}.0" },
            ["paths"] = paths,
        });
    }

    public async Task V2Async(HttpContext context)
    {
        var info = Proto(1, "Kubernetes").Concat(Proto(2, $"v1.{minor}.0")).ToArray();
        var document = Proto(1, "2.0").Concat(Proto(2, info)).ToArray();
        context.Response.ContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
        await context.Response.Body.WriteAsync(document, context.RequestAborted);
    }

    private static byte[] Proto(int field, string text) => Proto(field, System.Text.Encoding.UTF8.GetBytes(text));

    private static byte[] Proto(int field, byte[] value) => [(byte)((field << 3) | 2), (byte)value.Length, .. value];

    private static JsonObject Parameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = name == "force" ? "boolean" : "string", ["uniqueItems"] = true },
    };

    private string Hash(string group, string version) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{group}/{version}/{registry.Revision}")))[..32];
}
