using System.ComponentModel.DataAnnotations;

namespace Velero.Scheduler.Downloads;

/// <summary>Section <c>Scheduler:Downloads</c>: how DownloadRequests are answered.</summary>
internal sealed class DownloadOptions
{
    public const string Section = "Scheduler:Downloads";

    /// <summary>
    /// Where clients reach this scheduler's <c>/downloads/</c> endpoint, which serves locations that cannot sign URLs
    /// (<c>velero.io/fs</c>), e.g. <c>https://velero.example.com</c>. Unset: the address the host listens on.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Base64 key (32 bytes or more) signing <c>/downloads/</c> tokens. Unset: a random key per process, so a URL works
    /// only against the replica that issued it; set the same key on every replica behind one <see cref="PublicBaseUrl"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How often every cluster's requests are listed again: expired ones deleted, unanswered ones retried (upstream: one minute).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);
}
