using k8s.Models;

namespace Velero.Cli.Install;

/// <summary>
/// TLS trust for an external RabbitMQ (<c>amqps://</c>) or PostgreSQL (<c>sslmode=verify-ca|verify-full</c>) whose
/// certificates a private CA signed. With <c>--broker-url</c> or <c>--database-url</c>, every pod that connects mounts
/// the optional Secret <c>velero-datastore-ca</c> (the user creates it, key <c>ca.crt</c>) read-only at
/// <see cref="Directory"/> and adds that directory to OpenSSL's (and so .NET's) trusted certificate directories
/// through <c>SSL_CERT_DIR</c>, next to the image's CA bundle. Without the Secret the directory is empty and public
/// CAs are trusted as before. No flag is needed; <c>sslrootcert=</c> in the database URL names the file explicitly.
/// </summary>
public static class DataStoreTrust
{
    public const string Secret = "velero-datastore-ca";

    public const string Directory = "/etc/velero/datastore-ca";

    private const string Volume = "datastore-ca";

    public static bool Needed(InstallOptions options) => !options.InNamespaceBroker || !options.InNamespaceDatabase;

    /// <summary>Adds the volume, the mount and <c>SSL_CERT_DIR</c> to a pod when an external data store is used.</summary>
    public static void AddTo(InstallOptions options, ICollection<V1Volume> volumes, V1Container container)
    {
        if (!Needed(options))
        {
            return;
        }

        volumes.Add(new V1Volume
        {
            Name = Volume,
            Secret = new V1SecretVolumeSource { SecretName = Secret, Optional = true, DefaultMode = Convert.ToInt32("444", 8) },
        });
        container.VolumeMounts.Add(new V1VolumeMount { Name = Volume, MountPath = Directory, ReadOnlyProperty = true });
        container.Env.Add(new V1EnvVar { Name = "SSL_CERT_DIR", Value = $"/etc/ssl/certs:{Directory}" });
    }
}
