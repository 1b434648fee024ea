namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Adds environment variables when the process is about to start (run) or when artifacts are generated (publish).</summary>
public sealed class EnvironmentCallbackAnnotation(Func<EnvironmentCallbackContext, Task> callback) : IResourceAnnotation
{
    public EnvironmentCallbackAnnotation(string name, object value)
        : this(context =>
        {
            context.EnvironmentVariables[name] = value;
            return Task.CompletedTask;
        })
    {
    }

    public Func<EnvironmentCallbackContext, Task> Callback { get; } = callback;
}
