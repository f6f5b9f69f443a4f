namespace Velero.Api.V1;

public sealed class UploaderConfigForBackup
{
    public int? ParallelFilesUpload { get; set; }
}
