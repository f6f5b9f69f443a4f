namespace Velero.Selection.Resources;

/// <summary>Group-resource names the selection rules single out (upstream's <c>pkg/kuberesource</c>).</summary>
public static class KnownResources
{
    public const string Pods = "pods";
    public const string PersistentVolumeClaims = "persistentvolumeclaims";
    public const string PersistentVolumes = "persistentvolumes";
    public const string Namespaces = "namespaces";
    public const string CustomResourceDefinitions = "customresourcedefinitions.apiextensions.k8s.io";
}
