namespace Velero.KubeEmulator.Exec;

/// <summary>Scripts are tried newest first, so a test can override an earlier answer.</summary>
internal sealed class ExecRegistry : IExecRegistry
{
    private readonly Lock _gate = new();
    private readonly List<ExecScript> _scripts = [];
    private readonly List<ExecInvocation> _invocations = [];

    public void Register(ExecScript script)
    {
        lock (_gate)
        {
            _scripts.Add(script);
        }
    }

    public void Register(IReadOnlyList<string> command, string stdout, int exitCode = 0, string stderr = "") =>
        Register(new ExecScript(command, new ExecResult(stdout, stderr, exitCode)));

    public void Clear()
    {
        lock (_gate)
        {
            _scripts.Clear();
            _invocations.Clear();
        }
    }

    public IReadOnlyList<ExecInvocation> Invocations
    {
        get { lock (_gate) { return [.. _invocations]; } }
    }

    public ExecResult Run(ExecInvocation invocation)
    {
        ExecScript? script;
        lock (_gate)
        {
            _invocations.Add(invocation);
            script = _scripts.FindLast(s => s.Command.SequenceEqual(invocation.Command)
                && (s.Namespace is null || s.Namespace == invocation.Namespace)
                && (s.Pod is null || s.Pod == invocation.Pod)
                && (s.Container is null || s.Container == invocation.Container));
        }

        if (script is null)
        {
            // What a container runtime says for a command it cannot start (exit code 126 on containerd).
            return new ExecResult("", $"OCI runtime exec failed: exec failed: unable to start container process: exec: \"{(invocation.Command.Count > 0 ? invocation.Command[0] : "")}\": executable file not found in $PATH: unknown\n", 126);
        }

        return script.Handler?.Invoke(invocation) ?? script.Result;
    }
}
