using Velero.Restorer;
using Velero.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, "velero-restorer", [new RestorerRole()], "http://127.0.0.1:8184");
