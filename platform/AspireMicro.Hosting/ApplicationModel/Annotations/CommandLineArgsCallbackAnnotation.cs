namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Adds command-line arguments (strings or late-bound values, as for environment variables).</summary>
public sealed class CommandLineArgsCallbackAnnotation(Func<CommandLineArgsCallbackContext, Task> callback) : IResourceAnnotation
{
    public Func<CommandLineArgsCallbackContext, Task> Callback { get; } = callback;
}
