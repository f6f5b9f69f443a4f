namespace Velero.Cli.Output;

internal enum OutputFormat
{
    Table,
    Json,
    Yaml,
}
