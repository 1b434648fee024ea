using System.Reflection;
using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Testing;

/// <summary>
/// Runs an AppHost's Program with <see cref="DistributedApplicationHooks"/> set, so its builder is captured and its
/// <c>Run()</c> returns at once instead of starting anything.
/// </summary>
internal static class AppHostEntryPoint
{
    public static DistributedApplicationBuilder Capture(IProjectMetadata appHost, string[] args, Action<DistributedApplicationOptions> configure)
    {
        var assembly = Assembly.LoadFrom(appHost.AssemblyPath);
        var entryPoint = assembly.EntryPoint
            ?? throw new InvalidOperationException($"'{appHost.AssemblyPath}' has no entry point; is it an AppHost?");
        DistributedApplicationBuilder? captured = null;
        var previous = DistributedApplicationHooks.Current;
        DistributedApplicationHooks.Current = new DistributedApplicationHooks
        {
            ConfigureOptions = options =>
            {
                // The test host is the entry assembly here, so facts baked into the AppHost are read from it explicitly.
                options.AppHostName ??= assembly.GetName().Name;
                options.DashboardPath ??= ReadMetadata(assembly, "aspiremicro.dashboard.path");
                configure(options);
            },
            OnBuilderCreated = builder => captured = builder as DistributedApplicationBuilder,
            OnRun = _ => 0,
        };
        try
        {
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new InvalidOperationException($"The AppHost's Program failed while declaring its model: {ex.InnerException.Message}", ex.InnerException);
        }
        finally
        {
            DistributedApplicationHooks.Current = previous;
        }

        return captured ?? throw new InvalidOperationException(
            $"'{assembly.GetName().Name}' never called DistributedApplication.CreateBuilder.");
    }

    private static string? ReadMetadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value ? value : null;
}
