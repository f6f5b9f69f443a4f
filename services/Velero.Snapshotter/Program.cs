using Velero.Snapshotter;
using Velero.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, "velero-snapshotter", [new SnapshotterRole()], "http://127.0.0.1:8182");
