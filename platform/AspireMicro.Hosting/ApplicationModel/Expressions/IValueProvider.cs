namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A value known only at run time (a port, a generated password); the orchestrator asks for it just before a start.</summary>
public interface IValueProvider
{
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}
