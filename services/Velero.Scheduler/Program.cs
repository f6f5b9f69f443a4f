using Velero.Scheduler;
using Velero.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, "velero-scheduler", [new SchedulerRole()], "http://127.0.0.1:8181");
