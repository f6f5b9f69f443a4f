namespace Velero.Api.V1;

/// <summary>Bytes moved by a pod volume or data mover operation (shared by v1 and v2alpha1 kinds, as upstream).</summary>
public sealed class DataMoveOperationProgress
{
    public long? TotalBytes { get; set; }

    public long? BytesDone { get; set; }
}
