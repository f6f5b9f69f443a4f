using Velero.KubeEmulator.Tests.Support;

namespace Velero.KubeEmulator.Tests.Api;

/// <summary>Bad input gets the real status code and wording, and the stored state does not change.</summary>
public sealed class BadInputTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string, string, string, int, string, string> Cases => new()
    {
        { "POST", "/api/v1/namespaces/default/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",", 400, "BadRequest", "json parse error" },
        { "POST", "/api/v1/namespaces/default/widgets", ApiClient.ConfigMap("w", "default"), 404, "NotFound", "the server could not find the requested resource" },
        { "POST", "/api/v1/namespaces/default/configmaps", "{\"apiVersion\":\"apps/v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"v\"}}", 400, "BadRequest", "the API version in the data (apps/v1) does not match the expected API version (v1)" },
        { "POST", "/api/v1/namespaces/default/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"k\"}}", 400, "BadRequest", "the kind in the data (Secret) does not match the expected kind (ConfigMap)" },
        { "POST", "/api/v1/namespaces/default/configmaps", ApiClient.ConfigMap("Bad_Name", "default"), 422, "Invalid", "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')" },
        { "POST", "/api/v1/namespaces", ApiClient.Namespace("has.dot"), 422, "Invalid", "Namespace \"has.dot\" is invalid: metadata.name: Invalid value: \"has.dot\": a lowercase RFC 1123 label must consist of" },
        { "POST", "/api/v1/namespaces/default/services", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"1svc\"},\"spec\":{\"ports\":[{\"port\":80}]}}", 422, "Invalid", "Service \"1svc\" is invalid: metadata.name: Invalid value: \"1svc\": a DNS-1035 label must consist of" },
        { "POST", "/api/v1/namespaces/default/configmaps", ApiClient.ConfigMap("rv", "default", ",\"resourceVersion\":\"5\""), 500, "", "resourceVersion should not be set on objects to be created" },
        { "POST", "/api/v1/namespaces/nowhere/configmaps", ApiClient.ConfigMap("x", "nowhere"), 404, "NotFound", "namespaces \"nowhere\" not found" },
        { "POST", "/api/v1/namespaces/default/configmaps", ApiClient.ConfigMap("x", "other"), 400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request" },
        { "PUT", "/api/v1/namespaces/default/configmaps/missing", ApiClient.ConfigMap("missing", "default"), 404, "NotFound", "configmaps \"missing\" not found" },
        { "PATCH", "/apis/apps/v1/namespaces/default/deployments/missing", "{}", 404, "NotFound", "deployments.apps \"missing\" not found" },
        { "POST", "/api/v1/namespaces/default/configmaps", ApiClient.ConfigMap("kube-root-ca.crt", "default"), 409, "AlreadyExists", "configmaps \"kube-root-ca.crt\" already exists" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_the_real_status(string method, string path, string body, int code, string reason, string message)
    {
        using var api = new ApiClient(fixture.Emulator.BaseAddress);
        var before = fixture.Emulator.Store.Revision;
        var (actual, status, _) = await api.SendAsync(new HttpMethod(method), path, body, method == "PATCH" ? "application/merge-patch+json" : "application/json");

        Assert.Equal(code, actual);
        Assert.Equal("Status", (string?)status!["kind"]);
        Assert.Equal(code, (int)status["code"]!);
        Assert.Equal(reason, (string?)status["reason"] ?? "");
        Assert.Contains(message, (string?)status["message"]);
        Assert.Equal(before, fixture.Emulator.Store.Revision);
    }

    [Fact]
    public async Task Malformed_yaml_in_an_apply_patch_is_a_bad_request()
    {
        using var api = new ApiClient(fixture.Emulator.BaseAddress);
        var before = fixture.Emulator.Store.Revision;
        var result = await api.PatchAsync("/api/v1/namespaces/default/configmaps/y?fieldManager=t", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y\n  data: [", "application/apply-patch+yaml");
        Assert.Equal(400, result.Code);
        Assert.Equal("BadRequest", (string?)result.Body!["reason"]);
        Assert.Equal(before, fixture.Emulator.Store.Revision);
    }

    [Fact]
    public async Task Objects_over_3_MiB_and_annotations_over_256_KiB_are_refused()
    {
        using var api = new ApiClient(fixture.Emulator.BaseAddress);
        var before = fixture.Emulator.Store.Revision;
        var huge = ApiClient.ConfigMap("huge", "default").Replace("\"k\":\"v\"", $"\"k\":\"{new string('x', 3 * 1024 * 1024)}\"", StringComparison.Ordinal);
        var tooLarge = await api.PostAsync("/api/v1/namespaces/default/configmaps", huge);
        Assert.Equal(413, tooLarge.Code);
        Assert.Equal("RequestEntityTooLarge", (string?)tooLarge.Body!["reason"]);

        var annotated = ApiClient.ConfigMap("annotated", "default", $",\"annotations\":{{\"a\":\"{new string('y', 256 * 1024)}\"}}");
        var invalid = await api.PostAsync("/api/v1/namespaces/default/configmaps", annotated);
        Assert.Equal(422, invalid.Code);
        Assert.Equal("ConfigMap \"annotated\" is invalid: metadata.annotations: Too long: must have at most 262144 bytes", (string?)invalid.Body!["message"]);
        Assert.Equal(before, fixture.Emulator.Store.Revision);
    }
}
