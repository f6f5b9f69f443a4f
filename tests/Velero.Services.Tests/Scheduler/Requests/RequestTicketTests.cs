using Velero.Scheduler.Requests;

namespace Velero.Services.Tests.Scheduler.Requests;

public sealed class RequestTicketTests
{
    private static readonly Guid RequestId = Guid.Parse("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f");

    [Fact]
    public void A_request_without_name_or_namespace_gets_the_platform_namespace_and_a_name_made_from_its_id()
    {
        var ticket = RequestTicket.From(RequestKind.Backup, RequestId, "order-42", "dev-a", null, null, "velero");

        Assert.Equal("velero", ticket.Namespace);
        Assert.Equal("req-6f1c2d3e4b5a4c7d8e9f0a1b2c3d4e5f", ticket.Name);
        Assert.Equal(ticket.Name, RequestTicket.From(RequestKind.Backup, RequestId, "other", "dev-b", "velero", "", "velero").Name);
    }

    [Theory]
    [InlineData("", "dev-a", null, null, "correlationId is required")]
    [InlineData("c", "", null, null, "cluster is required")]
    [InlineData("c", "dev-a", "kube-system", null, "namespace \"kube-system\" is not the Velero namespace this platform serves (\"velero\")")]
    [InlineData("c", "dev-a", null, "Nightly_1", "name \"Nightly_1\" is not a valid resource name")]
    [InlineData("c", "dev-a", null, "-shop", "name \"-shop\" is not a valid resource name")]
    public void A_malformed_request_is_refused_with_what_is_wrong(string correlationId, string cluster, string? @namespace,
        string? name, string reason)
    {
        var refused = Assert.Throws<RequestRefusedException>(() =>
            RequestTicket.From(RequestKind.Restore, RequestId, correlationId, cluster, @namespace, name, "velero"));

        Assert.StartsWith("invalid Restore request: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_request_is_named_at_once()
    {
        var refused = Assert.Throws<RequestRefusedException>(() =>
            RequestTicket.From(RequestKind.Backup, Guid.Empty, null, null, null, null, "velero"));

        Assert.Equal("invalid Backup request: requestId is required; correlationId is required; cluster is required", refused.Message);
    }

    [Fact]
    public void A_correlation_id_longer_than_an_annotation_should_carry_is_refused()
    {
        var refused = Assert.Throws<RequestRefusedException>(() =>
            RequestTicket.From(RequestKind.Backup, RequestId, new string('x', 254), "dev-a", null, null, "velero"));

        Assert.Contains("correlationId is longer than 253 characters", refused.Message, StringComparison.Ordinal);
    }
}
