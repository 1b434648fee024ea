namespace AspireMicro.Hosting;

/// <summary>Process exit codes of the AppHost CLI.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The app model is invalid or a resource failed to start (message names the resource).</summary>
    public const int StartupFailed = 1;

    /// <summary>Bad command line, e.g. an unknown publish target.</summary>
    public const int UsageError = 2;
}
