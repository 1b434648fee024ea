namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>An error the user can fix; the CLI prints only its one-line message (no stack trace) and exits non-zero.</summary>
public class DistributedApplicationException(string message, Exception? inner = null) : Exception(message, inner);
