namespace Velero.Selection.Validation;

/// <summary>
/// The source cluster's <c>/version</c> (<c>gitVersion</c> such as <c>v1.31.2</c>, <c>major</c> <c>1</c>, <c>minor</c>
/// <c>31</c>), recorded on every backup in the <c>velero.io/source-cluster-k8s-*</c> annotations.
/// </summary>
public sealed record ClusterVersion(string GitVersion, string Major, string Minor);
