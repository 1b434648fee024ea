namespace AspireMicro.Hosting.Testing;

/// <summary>Per-run state folder (dashboard storage, generated files); deleted when the app's container is disposed.</summary>
internal sealed class TemporaryStateDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("aspiremicro-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived the app (it should not) may still hold a file; the OS temp cleaner gets it later.
        }
        catch (UnauthorizedAccessException)
        {
            // Same reason: never fail a test run because a temp folder could not be removed.
        }
    }
}
