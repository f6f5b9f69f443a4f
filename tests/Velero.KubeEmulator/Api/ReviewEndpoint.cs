using System.Text.Json.Nodes;
using Velero.KubeEmulator.Auth;
using Velero.KubeEmulator.Json;

namespace Velero.KubeEmulator.Api;

/// <summary>SelfSubjectAccessReview (kubectl auth can-i) and SelfSubjectReview (kubectl auth whoami).</summary>
internal sealed class ReviewEndpoint(RbacAuthorizer authorizer)
{
    public async Task HandleAsync(HttpContext context, RequestInfo info, Identity identity)
    {
        var body = Responses.ParseObject(await Responses.ReadBodyAsync(context.Request, context.RequestAborted), context.Request.ContentType);
        if (info.Type.Plural == "selfsubjectreviews")
        {
            body["status"] = new JsonObject
            {
                ["userInfo"] = new JsonObject
                {
                    ["username"] = identity.User,
                    ["groups"] = new JsonArray([.. identity.Groups.Select(g => (JsonNode)g)]),
                },
            };
            await Responses.WriteJsonAsync(context, body, 201);
            return;
        }

        var spec = body["spec"];
        Attributes asked;
        if (spec?["nonResourceAttributes"] is JsonObject nonResource)
        {
            asked = new Attributes(Meta.Str(nonResource, "verb") ?? "", "", "", null, "", "", Meta.Str(nonResource, "path") ?? "");
        }
        else
        {
            var r = spec?["resourceAttributes"];
            var sub = Meta.Str(r, "subresource");
            asked = new Attributes(Meta.Str(r, "verb") ?? "", Meta.Str(r, "group") ?? "", Meta.Str(r, "resource") ?? "",
                string.IsNullOrEmpty(sub) ? null : sub, Meta.Str(r, "namespace") ?? "", Meta.Str(r, "name") ?? "");
        }

        body["status"] = new JsonObject { ["allowed"] = authorizer.Allows(identity, asked) };
        Meta.Metadata(body)["creationTimestamp"] = null;
        await Responses.WriteJsonAsync(context, body, 201);
    }
}
