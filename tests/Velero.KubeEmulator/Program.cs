using System.Runtime.InteropServices;
using Velero.KubeEmulator;
using Velero.KubeEmulator.Bench;

// A test and development tool: `-- --listen 127.0.0.1:PORT --kubeconfig PATH [--context NAME] [--seed DIR] [--minor N]`
// runs one emulated cluster until SIGTERM/SIGINT; `-- bench` measures it.
if (args.FirstOrDefault() == "bench")
{
    return await Benchmark.RunAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

var options = new EmulatorOptions();
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--listen": options.Listen = Next(); break;
        case "--kubeconfig": options.KubeconfigPath = Next(); break;
        case "--context": options.ContextName = Next(); break;
        case "--seed": options.SeedDirectory = Next(); break;
        case "--minor": options.Minor = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
        case "--cluster-id-seed": options.ClusterIdSeed = Next(); break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument {args[i]}");
            return 2;
    }
}

var stop = new TaskCompletionSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
await using (var emulator = await KubeEmulator.StartAsync(options))
{
    Console.WriteLine($"Kubernetes API emulator listening on {emulator.BaseAddress.ToString().TrimEnd('/')} (context {emulator.ContextName}, kubeconfig {emulator.KubeconfigPath})");
    await stop.Task;
}

return 0;
