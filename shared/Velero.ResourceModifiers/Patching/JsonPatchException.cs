namespace Velero.ResourceModifiers.Patching;

/// <summary>
/// A JSON patch that did not apply. Upstream tells two failures apart: a failed <c>test</c> (the patch is then simply not
/// applied) and a missing path (a <c>matches</c> condition then does not match); any other is an error.
/// </summary>
internal sealed class JsonPatchException(string message, bool testFailed = false, bool missing = false) : Exception(message)
{
    public bool TestFailed { get; } = testFailed;

    public bool Missing { get; } = missing;
}
