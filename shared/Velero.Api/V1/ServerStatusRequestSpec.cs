namespace Velero.Api.V1;

/// <summary>Empty: the request itself asks for the server's status.</summary>
public sealed class ServerStatusRequestSpec;
