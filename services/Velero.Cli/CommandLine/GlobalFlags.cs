namespace Velero.Cli.CommandLine;

/// <summary>The root's persistent flags, which every command inherits (upstream's client factory flags).</summary>
internal sealed class GlobalFlags
{
    private GlobalFlags(FlagSet flags)
    {
        Kubeconfig = flags.String("kubeconfig", null, "",
            "Path to the kubeconfig file to use to talk to the Kubernetes apiserver. If unset, try the environment variable KUBECONFIG, as well as in-cluster configuration");
        Kubecontext = flags.String("kubecontext", null, "", "The context to use to talk to the Kubernetes apiserver. If unset defaults to whatever your current-context is (kubectl config current-context)");
        Namespace = flags.String("namespace", "n", "velero", "The namespace in which Velero should operate");
        Features = flags.StringSlice("features", null, "Comma-separated list of features to enable for this Velero process. Combine with the server's features to enable them.");
        Colorized = flags.OptionalBool("colorized", null, "Show colored output in TTY. Overrides 'colorized' value from $HOME/.config/velero/config.json if present. Enabled by default");
    }

    public Flag<string> Kubeconfig { get; }
    public Flag<string> Kubecontext { get; }
    public Flag<string> Namespace { get; }
    public Flag<IReadOnlyList<string>> Features { get; }
    public Flag<bool?> Colorized { get; }

    public static GlobalFlags Bind(Command root) => new(root.PersistentFlags);
}
