using System.Net.Sockets;

namespace Velero.ObjectStorage;

/// <summary>
/// A short, credential-free reason when a failure is the network's (nothing answered), else null; shared by the
/// providers, whose SDKs wrap transport errors in their own exception types.
/// </summary>
internal static class NetworkFailure
{
    public const string UntrustedTls = "TLS handshake failed: is the server's certificate trusted? see caCert";

    /// <param name="exception">What the SDK threw.</param>
    /// <param name="untrustedTls">The reason given for a failed TLS handshake, naming the provider's own TLS keys.</param>
    public static string? Describe(Exception exception, string untrustedTls = UntrustedTls)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                case System.Security.Authentication.AuthenticationException:
                    return untrustedTls;
                case SocketException socket:
                    return socket.SocketErrorCode.ToString();
                case HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http when http.InnerException is not SocketException:
                    return http.HttpRequestError.ToString();
                case TimeoutException or TaskCanceledException:
                    return "timed out";
            }
        }

        return null;
    }

    /// <summary>The caller's own cancellation and argument errors pass through; everything else is translated.</summary>
    public static bool Translatable(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested) && e is not ArgumentException;
}
