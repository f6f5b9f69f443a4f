using System.Runtime.CompilerServices;

namespace Velero.ObjectStorage;

/// <summary>
/// Streams the names of a listing page by page, as the SDK fetches them, with a failure to fetch a page translated
/// by the provider (an iterator cannot <c>yield</c> inside a <c>try</c> with a <c>catch</c>, so each provider would
/// otherwise repeat this loop).
/// </summary>
internal static class PagedListing
{
    public static async IAsyncEnumerable<string> NamesAsync<TPage>(
        IAsyncEnumerable<TPage> pages,
        Func<TPage, IEnumerable<string>> names,
        Func<Exception, Exception> translate,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                TPage page;
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        yield break;
                    }

                    page = enumerator.Current;
                }
                catch (Exception e) when (NetworkFailure.Translatable(e, cancellationToken))
                {
                    throw translate(e);
                }

                foreach (var name in names(page))
                {
                    yield return name;
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }
}
