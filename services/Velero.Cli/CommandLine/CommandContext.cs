using k8s;
using Velero.Cli.Client;

namespace Velero.Cli.CommandLine;

/// <summary>What a command's Run receives: its positional arguments, the streams, and the cluster connection.</summary>
internal sealed class CommandContext(Command command, IReadOnlyList<string> args, CliEnvironment env, GlobalFlags globals,
    CancellationToken cancellationToken)
{
    private IKubernetes? _kube;
    private ClientConfig? _config;

    public Command Command { get; } = command;
    public IReadOnlyList<string> Args { get; } = args;
    public CliEnvironment Env { get; } = env;
    public TextWriter Out => Env.Out;
    public TextWriter Err => Env.Err;
    public bool OutputIsTerminal => Env.OutputIsTerminal;
    public TimeProvider Time => Env.Time;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ClientConfig ClientConfig => _config ??= ClientConfig.Load(Env);

    /// <summary>Upstream's precedence: <c>-n</c>, then the client config's namespace, then $VELERO_NAMESPACE, then velero.</summary>
    public string Namespace =>
        globals.Namespace.Changed && globals.Namespace.Value.Length > 0 ? globals.Namespace.Value
        : ClientConfig.Namespace is { Length: > 0 } configured ? configured
        : Env.Variable("VELERO_NAMESPACE") is { Length: > 0 } fromEnv ? fromEnv
        : "velero";

    /// <summary>The client config's features combined with <c>--features</c>, as upstream's root command does.</summary>
    public IReadOnlyList<string> Features => [.. ClientConfig.Features.Union(globals.Features.Value, StringComparer.Ordinal)];

    public KubeconfigSelection Kubeconfig => new(globals.Kubeconfig.Value, globals.Kubecontext.Value);

    /// <summary>The cluster client, built on first use from <c>--kubeconfig</c>/<c>--kubecontext</c>.</summary>
    public IKubernetes Kube() => _kube ??= Kubeconfig.CreateClient(Env);

    /// <summary>Resolves a path the user typed against the working directory.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, Env.WorkingDirectory);
}
