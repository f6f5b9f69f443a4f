namespace Velero.PluginCopy;

/// <summary>
/// <c>velero-plugin-copy [SOURCE [TARGET]]</c> (defaults /plugins and /target): copies the source's contents into
/// the target, overwriting, and exits 0; 1 with the reason on stderr when it cannot.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 2)
        {
            Console.Error.WriteLine("usage: velero-plugin-copy [SOURCE [TARGET]]  (defaults /plugins /target)");
            return 1;
        }

        var source = args.Length > 0 ? args[0] : "/plugins";
        var target = args.Length > 1 ? args[1] : "/target";
        try
        {
            var copied = PluginCopier.Copy(source, target);
            Console.WriteLine($"copied {copied} file(s) from {source} to {target}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"ERROR copying {source} to {target}: {e.Message}");
            return 1;
        }
    }
}
