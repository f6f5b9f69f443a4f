namespace Velero.KubeEmulator.Exec;

/// <summary>A command run through pods/exec, as the emulator received it.</summary>
public sealed record ExecInvocation(string Namespace, string Pod, string Container, IReadOnlyList<string> Command, string Stdin);

/// <summary>
/// What a scripted command prints and how it exits. <see cref="Duration"/> is how long it runs before its output
/// arrives (on the emulator's clock), so a client's exec timeout can be tested; the wait ends if the client leaves.
/// </summary>
public sealed record ExecResult(string Stdout = "", string Stderr = "", int ExitCode = 0)
{
    public TimeSpan Duration { get; init; }
}

/// <summary>
/// A scripted answer: matches the exact command, optionally only in one namespace, pod or container.
/// Handler, when set, computes the answer from the invocation (e.g. to echo stdin).
/// </summary>
public sealed record ExecScript(IReadOnlyList<string> Command, ExecResult Result)
{
    public string? Namespace { get; init; }
    public string? Pod { get; init; }
    public string? Container { get; init; }
    public Func<ExecInvocation, ExecResult>? Handler { get; init; }
}

/// <summary>The scripted commands that pods/exec answers from, and what was run.</summary>
public interface IExecRegistry
{
    void Register(ExecScript script);

    /// <summary>Shorthand: answer this command anywhere with stdout and an exit code.</summary>
    void Register(IReadOnlyList<string> command, string stdout, int exitCode = 0, string stderr = "");

    void Clear();

    IReadOnlyList<ExecInvocation> Invocations { get; }

    ExecResult Run(ExecInvocation invocation);
}
