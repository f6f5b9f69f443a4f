using System.Diagnostics;

namespace Velero.Restorer;

/// <summary>The restorer's own spans (picked up by the shared <c>Velero.*</c> registration).</summary>
internal static class RestorerTelemetry
{
    public const string Name = "Velero.Restorer";

    public static readonly ActivitySource Source = new(Name);
}
