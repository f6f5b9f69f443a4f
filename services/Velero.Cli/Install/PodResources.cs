using System.Text.RegularExpressions;
using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// CPU and memory requests and limits as given on the command line, checked and turned into a container's resources
/// as upstream's kube.ParseCPUAndMemoryResources does: "0" means unbounded (left out), a request above its limit is an
/// error.
/// </summary>
public sealed partial record PodResources(string CpuRequest, string MemRequest, string CpuLimit, string MemLimit)
{
    /// <summary>Upstream's defaults for the Velero server pod.</summary>
    public static PodResources ServerDefaults { get; } = new("500m", "128Mi", "1000m", "512Mi");

    /// <summary>Upstream's node-agent defaults: nothing set, so the pod is BestEffort.</summary>
    public static PodResources NodeAgentDefaults { get; } = new("0", "0", "0", "0");

    /// <summary>The container resources, or the message upstream gives for values it cannot use.</summary>
    public V1ResourceRequirements ToRequirements()
    {
        var cpuRequest = Parse(CpuRequest, "CPU request");
        var memRequest = Parse(MemRequest, "memory request");
        var cpuLimit = Parse(CpuLimit, "CPU limit");
        var memLimit = Parse(MemLimit, "memory limit");
        if (cpuLimit != 0 && cpuRequest > cpuLimit)
        {
            throw new InstallException($"CPU request \"{CpuRequest}\" must be less than or equal to CPU limit \"{CpuLimit}\"");
        }

        if (memLimit != 0 && memRequest > memLimit)
        {
            throw new InstallException($"Memory request \"{MemRequest}\" must be less than or equal to Memory limit \"{MemLimit}\"");
        }

        var requests = new Dictionary<string, ResourceQuantity>();
        var limits = new Dictionary<string, ResourceQuantity>();
        AddIfBounded(requests, "cpu", CpuRequest, cpuRequest);
        AddIfBounded(requests, "memory", MemRequest, memRequest);
        AddIfBounded(limits, "cpu", CpuLimit, cpuLimit);
        AddIfBounded(limits, "memory", MemLimit, memLimit);
        return new V1ResourceRequirements { Requests = requests, Limits = limits };
    }

    private static void AddIfBounded(Dictionary<string, ResourceQuantity> list, string name, string text, decimal value)
    {
        if (value != 0)
        {
            list[name] = new ResourceQuantity(text.Trim());
        }
    }

    private static decimal Parse(string text, string what)
    {
        if (!QuantityPattern().IsMatch(text.Trim()))
        {
            throw new InstallException(
                $"couldn't parse {what} \"{text}\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }

        try
        {
            return new ResourceQuantity(text.Trim()).ToDecimal();
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new InstallException($"couldn't parse {what} \"{text}\": unable to parse quantity's suffix");
        }
    }

    [GeneratedRegex("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")]
    private static partial Regex QuantityPattern();
}
