namespace Velero.Cli.Selectors;

/// <summary>The lexer tokens of apimachinery's label selector grammar.</summary>
internal enum SelectorToken
{
    Error,
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
}
