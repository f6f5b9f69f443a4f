using Velero.Restorer.Actions.BuiltIn;
using Velero.Restorer.Tests.Support;

namespace Velero.Restorer.Tests.Actions;

public sealed class ServiceAccountActionTests
{
    [Theory]
    [InlineData("[]", "[]")]
    [InlineData("""["a","b"]""", """["a","b"]""")]
    [InlineData("""["sa-token-1","b"]""", """["b"]""")]
    [InlineData("""["a","sa-token-1","b"]""", """["a","b"]""")]
    [InlineData("""["a","b","sa-token-1"]""", """["a","b"]""")]
    [InlineData("""["other-token-1","sa-token-1","sa-token-2"]""", """["other-token-1","sa-token-1"]""")]
    public async Task Only_the_accounts_own_generated_token_secret_is_dropped(string secrets, string expected)
    {
        var names = System.Text.Json.JsonSerializer.Deserialize<string[]>(secrets)!;
        var account = ActionContexts.Json("{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"namespace\":\"ns\",\"name\":\"sa\"},\"secrets\":" + System.Text.Json.JsonSerializer.Serialize(names.Select(n => new { name = n })) + "}");

        var result = (await new ServiceAccountAction().ExecuteAsync(ActionContexts.For("serviceaccounts", account), account, CancellationToken.None)).Item;

        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(result["secrets"]?.AsArray().Select(s => (string?)s!["name"]) ?? []));
    }
}
