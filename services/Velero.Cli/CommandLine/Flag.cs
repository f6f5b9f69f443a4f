namespace Velero.Cli.CommandLine;

/// <summary>
/// One command-line flag with pflag's semantics: a long name, an optional one-letter shorthand, a default, and a
/// parser that may be called several times (slices and maps accumulate, as pflag's do).
/// </summary>
internal abstract class Flag
{
    private protected Flag(string name, string? shorthand, string usage)
    {
        Name = name;
        Shorthand = shorthand;
        Usage = usage;
    }

    public string Name { get; }
    public string? Shorthand { get; }
    public string Usage { get; }

    /// <summary>True once the flag was given on the command line.</summary>
    public bool Changed { get; private protected set; }

    public bool Hidden { get; init; }

    /// <summary>Set when the flag is accepted for compatibility only; shown in help and named when used.</summary>
    public string? Deprecated { get; init; }

    /// <summary>A flag given without a value (<c>--wait</c>) takes this; null when a value is required.</summary>
    public abstract string? NoValueDefault { get; }

    /// <summary>pflag's type word in help (<c>string</c>, <c>duration</c>, <c>strings</c>, ...); empty for bools.</summary>
    public abstract string TypeName { get; }

    /// <summary>The default as help shows it (<c>(default 720h0m0s)</c>); null hides it.</summary>
    public abstract string? DefaultText { get; }

    /// <summary>Parses one occurrence; throws <see cref="FormatException"/> with pflag's wording.</summary>
    public abstract void Set(string value);
}

/// <summary>A typed flag; read <see cref="Value"/> inside the command's Run.</summary>
internal sealed class Flag<T> : Flag
{
    private readonly Func<T, string, T> _parse;
    private readonly Func<T, string?> _formatDefault;
    private readonly T _firstBase;

    /// <param name="parse">Combines the value so far with one occurrence.</param>
    /// <param name="firstBase">What the first occurrence builds on: the default for scalars, empty for slices
    /// and maps (pflag replaces a slice's default on first use and appends afterwards).</param>
    internal Flag(string name, string? shorthand, T defaultValue, string usage, string typeName,
        Func<T, string, T> parse, Func<T, string?> formatDefault, T firstBase, string? noValueDefault = null)
        : base(name, shorthand, usage)
    {
        Value = defaultValue;
        Default = defaultValue;
        _firstBase = firstBase;
        TypeName = typeName;
        _parse = parse;
        _formatDefault = formatDefault;
        NoValueDefault = noValueDefault;
    }

    public T Value { get; private set; }
    public T Default { get; }
    public override string TypeName { get; }
    public override string? NoValueDefault { get; }
    public override string? DefaultText => _formatDefault(Default);

    public override void Set(string value)
    {
        Value = _parse(Changed ? Value : _firstBase, value);
        Changed = true;
    }
}
