using Velero.Uploader;
using Velero.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, "velero-uploader", [new UploaderRole()], "http://127.0.0.1:8183");
