namespace Velero.Services.Tests.Images;

/// <summary>A file of a synthetic image layer: its path, content and mode.</summary>
public sealed record SyntheticFile(string Path, string Content = "x", UnixFileMode Mode = SyntheticFile.Regular)
{
    /// <summary>Binary contents, used instead of <see cref="Content"/> when set.</summary>
    public byte[]? Data { get; init; }

    public const UnixFileMode Regular = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode Executable = Regular | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
}
