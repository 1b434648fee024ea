namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Recognises the exceptions that mean "a dependency of this service is unavailable", so that
/// <see cref="DependencyUnavailableExceptionHandler"/> answers 503 instead of 500. Each service registers the ones
/// for the clients it uses (<c>services.AddDependencyFailure&lt;RedisException&gt;("redis")</c>);
/// connection failures and transient database errors are recognised without registration.
/// </summary>
public interface IDependencyFailureClassifier
{
    /// <summary>Looks at one exception of a chain; the handler walks the inner exceptions itself.</summary>
    /// <returns>What the client may be told is unavailable (e.g. "redis"), or null when it is not a dependency failure.</returns>
    string? Classify(Exception exception);
}
