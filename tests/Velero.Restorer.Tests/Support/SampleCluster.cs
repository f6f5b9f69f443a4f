using System.Text.Json.Nodes;
using Velero.Kubernetes.Raw;

namespace Velero.Restorer.Tests.Support;

/// <summary>
/// A small cluster with one object of every type the restore order of spec 5.2 names, a CRD with a custom resource,
/// two labelled applications in two namespaces, a Retain volume bound to a claim, and a completed pod and job.
/// </summary>
public static class SampleCluster
{
    public const string Yaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: crontabs.stable.example.com}
        spec:
          group: stable.example.com
          scope: Namespaced
          names: {plural: crontabs, singular: crontab, kind: CronTab}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec: {type: object, properties: {cronSpec: {type: string}, image: {type: string}}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: shop}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: blog, labels: {team: blog}}
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: fast}
        provisioner: example.com/fast
        reclaimPolicy: Retain
        ---
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv-blog, labels: {app: blog}}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          persistentVolumeReclaimPolicy: Retain
          storageClassName: fast
          hostPath: {path: /data/blog}
          claimRef: {kind: PersistentVolumeClaim, namespace: blog, name: data, apiVersion: v1}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: blog, labels: {app: blog}}
        spec:
          accessModes: [ReadWriteOnce]
          storageClassName: fast
          volumeName: pv-blog
          resources: {requests: {storage: 1Gi}}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: blog-reader, labels: {app: blog}}
        rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: blog-reader, labels: {app: blog}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: blog-reader}
        subjects: [{kind: ServiceAccount, name: writer, namespace: blog}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: reader, namespace: shop, labels: {app: shop}}
        rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: reader, namespace: shop, labels: {app: shop}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects: [{kind: ServiceAccount, name: builder, namespace: shop}]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: builder, namespace: shop, labels: {app: shop}}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: writer, namespace: blog, labels: {app: blog}}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: shop, labels: {app: shop, tier: data}}
        data: {password: c2VjcmV0}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop, labels: {app: shop, tier: web}}
        data: {currency: EUR}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: theme, namespace: blog, labels: {app: blog, tier: web}}
        data: {colour: blue}
        ---
        apiVersion: v1
        kind: LimitRange
        metadata: {name: limits, namespace: blog, labels: {app: blog}}
        spec: {limits: [{type: Container, default: {cpu: 500m}}]}
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: high, labels: {app: shop}}
        value: 1000
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: worker, namespace: shop, labels: {app: shop, tier: worker}}
        spec: {containers: [{name: worker, image: registry.example/worker:1}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: migrate, namespace: shop, labels: {app: shop}}
        spec: {restartPolicy: Never, containers: [{name: migrate, image: registry.example/migrate:1}]}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: report, namespace: shop, labels: {app: shop}}
        spec:
          template:
            spec: {restartPolicy: Never, containers: [{name: report, image: registry.example/report:1}]}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web-1, namespace: shop, labels: {app: shop, tier: web}}
        spec:
          replicas: 1
          selector: {matchLabels: {app: shop, tier: web}}
          template:
            metadata: {labels: {app: shop, tier: web}}
            spec: {containers: [{name: web, image: registry.example/web:1}]}
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: web, namespace: shop, labels: {app: shop}}
        subsets: [{addresses: [{ip: 10.1.2.3}], ports: [{port: 8080}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop, labels: {app: shop, tier: web}}
        spec:
          type: NodePort
          selector: {app: shop, tier: web}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, labels: {app: shop, tier: web}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: shop, tier: web}}
          template:
            metadata: {labels: {app: shop, tier: web}}
            spec: {containers: [{name: web, image: registry.example/web:1}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: blog, namespace: blog, labels: {app: blog}}
        spec:
          replicas: 1
          selector: {matchLabels: {app: blog}}
          template:
            metadata: {labels: {app: blog}}
            spec: {containers: [{name: blog, image: registry.example/blog:1}]}
        ---
        apiVersion: stable.example.com/v1
        kind: CronTab
        metadata: {name: nightly, namespace: blog, labels: {app: blog}}
        spec: {cronSpec: "0 3 * * *", image: registry.example/backup:1}
        """;

    /// <summary>
    /// Seeds the sample, then finishes the <c>migrate</c> pod (<c>Succeeded</c>) and the <c>report</c> job
    /// (<c>completionTime</c>) through their status subresources, and gives the deployment <c>web</c> a status.
    /// </summary>
    public static async Task SeedAsync(KubeEmulator.KubeEmulator cluster, k8s.Kubernetes client)
    {
        ManifestSeeder.Seed(cluster, ManifestSeeder.ReadDocuments(Yaml));
        var api = new ClusterApi(client);
        await SetStatusAsync(api, "/api/v1/namespaces/shop/pods/migrate", new JsonObject { ["phase"] = "Succeeded" });
        await SetStatusAsync(api, "/apis/batch/v1/namespaces/shop/jobs/report",
            new JsonObject { ["succeeded"] = 1, ["startTime"] = "2026-11-01T03:00:00Z", ["completionTime"] = "2026-11-01T03:01:00Z" });
        await SetStatusAsync(api, "/apis/apps/v1/namespaces/shop/deployments/web",
            new JsonObject { ["replicas"] = 2, ["readyReplicas"] = 2, ["availableReplicas"] = 2, ["observedGeneration"] = 1 });
    }

    private static async Task SetStatusAsync(ClusterApi api, string path, JsonObject status)
    {
        var obj = await api.GetAsync(path, CancellationToken.None) ?? throw new InvalidOperationException($"{path} is missing");
        obj["status"] = status;
        ClusterApi.EnsureSuccess(await api.ReplaceAsync(path + "/status", obj, CancellationToken.None), "PUT", path);
    }
}
