namespace Velero.Cli.Commands.Install;

/// <summary>The install command's help: upstream's text, with what this product adds.</summary>
internal static class InstallHelp
{
    public const string Long = """
        Install Velero onto a Kubernetes cluster using the supplied provider information, such as
        the provider's name, a bucket name, and a file containing the credentials to access that bucket.
        A prefix within the bucket and configuration for the backup store location may also be supplied.
        Additionally, volume snapshot information for the same provider may be supplied.

        All required CustomResourceDefinitions will be installed to the server, as well as the
        Velero Deployment and associated node-agent DaemonSet.

        The provided secret data will be created in a Secret named 'cloud-credentials'.

        All namespaced resources will be placed in the 'velero' namespace by default.

        The '--namespace' flag can be used to specify a different namespace to install into.

        Use '--wait' to wait for the Velero Deployment to be ready before proceeding.

        Use '-o yaml' or '-o json' with '--dry-run' to output all generated resources as text instead of sending the resources to the server.
        This is useful as a starting point for more customized installations.

        RabbitMQ and PostgreSQL run in the namespace unless '--broker-url' and '--database-url' name existing ones.
        Use '--split-services' to run the scheduler, snapshotter and restorer as separate Deployments.
        Every role gets only the permissions it needs (see docs/install.md), not cluster-admin.
        """;

    public const string Example = """
          # velero install --provider gcp --plugins ghcr.io/velero-services/velero-plugin-for-gcp:v0.1.0 --bucket mybucket --secret-file ./gcp-service-account.json

          # velero install --provider aws --plugins ghcr.io/velero-services/velero-plugin-for-aws:v0.1.0 --bucket backups --secret-file ./aws-iam-creds --backup-location-config region=us-east-2 --snapshot-location-config region=us-east-2

          # velero install --provider aws --plugins ghcr.io/velero-services/velero-plugin-for-aws:v0.1.0 --bucket backups --secret-file ./aws-iam-creds --backup-location-config region=us-east-2 --snapshot-location-config region=us-east-2 --use-node-agent

          # velero install --provider aws --plugins ghcr.io/velero-services/velero-plugin-for-aws:v0.1.0 --bucket backups --secret-file ./aws-iam-creds --use-volume-snapshots=false --split-services --broker-url amqp://velero:secret@rabbitmq.example:5672/ --database-url postgres://velero:secret@db.example:5432/velero

          # velero install --provider gcp --plugins ghcr.io/velero-services/velero-plugin-for-gcp:v0.1.0 --bucket gcp-backups --secret-file ./gcp-creds.json --wait
        """;
}
