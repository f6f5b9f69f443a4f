using System.Net.Sockets;
using Npgsql;

namespace Velero.Scheduler.Persistence;

internal static class PostgresErrors
{
    /// <summary>
    /// Whether waiting may help: the server is unreachable or still starting. Wrong credentials, a missing
    /// database or a failing statement will not mend themselves.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
            or PostgresErrorCodes.AdminShutdown,
        NpgsqlException n => n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };
}
