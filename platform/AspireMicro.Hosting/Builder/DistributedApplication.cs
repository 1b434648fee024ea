using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting;

/// <summary>The built AppHost: runs the model locally or hands it to a publisher, depending on the command line.</summary>
public sealed partial class DistributedApplication : IAsyncDisposable
{
    internal DistributedApplication(
        DistributedApplicationModel model, ServiceProvider services, DistributedApplicationOptions options, DistributedApplicationExecutionContext executionContext)
    {
        Model = model;
        Services = services;
        Options = options;
        ExecutionContext = executionContext;
    }

    public DistributedApplicationModel Model { get; }

    public IServiceProvider Services { get; }

    public DistributedApplicationOptions Options { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        var hooks = DistributedApplicationHooks.Current;
        hooks?.ConfigureOptions?.Invoke(options);
        var builder = new DistributedApplicationBuilder(options);
        hooks?.OnBuilderCreated?.Invoke(builder);
        return builder;
    }

    /// <summary>Publishes with the publisher registered for <paramref name="target"/>; unknown target → one-line error, exit code 2.</summary>
    public async Task<int> PublishAsync(string target, string outputDirectory, TextWriter error, CancellationToken cancellationToken)
    {
        var publishers = Services.GetServices<IDistributedApplicationPublisher>().ToList();
        var publisher = publishers.FirstOrDefault(p => string.Equals(p.Target, target, StringComparison.OrdinalIgnoreCase));
        if (publisher is null)
        {
            var known = publishers.Count == 0 ? "none registered" : string.Join(", ", publishers.Select(p => p.Target));
            await error.WriteLineAsync($"error: unknown publish target '{target}' (known: {known}).");
            return ExitCodes.UsageError;
        }

        // The publisher stages its files and creates the folder itself, so a failure leaves nothing behind.
        var output = Path.GetFullPath(outputDirectory);
        try
        {
            await publisher.PublishAsync(Model, new PublishOptions(publisher.Target, output, ExecutionContext), cancellationToken);
        }
        catch (DistributedApplicationException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.StartupFailed;
        }

        Console.WriteLine($"Published '{publisher.Target}' artifacts to {output}");
        return ExitCodes.Success;
    }
}
