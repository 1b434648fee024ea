using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace AspireMicro.Hosting.NativeStores;

/// <summary>How the backing stores run.</summary>
public enum BackingStoresMode
{
    /// <summary>Native processes from the machine's packages (this library's resources).</summary>
    Native,

    /// <summary>Aspire's own container resources (Aspire.Hosting.PostgreSQL/Redis/RabbitMQ).</summary>
    Containers,
}

/// <summary>
/// The switch between native stores and Aspire's containers, read from configuration key <c>BackingStores</c>
/// (<c>auto</c>, <c>native</c> or <c>containers</c>; default <c>auto</c>). Publish mode always uses containers (the
/// deployment artifacts come from them). <c>auto</c> uses containers only when a container runtime answers.
/// Both modes give the same resource names and connection-string shapes.
/// </summary>
public sealed class BackingStores
{
    /// <summary>The configuration key of the switch.</summary>
    public const string ConfigurationKey = "BackingStores";

    /// <summary>The values the switch accepts.</summary>
    public static readonly IReadOnlyList<string> AllowedValues = ["auto", "native", "containers"];

    private static readonly TimeSpan RuntimeProbeTimeout = TimeSpan.FromSeconds(5);
    private readonly IDistributedApplicationBuilder _builder;

    internal BackingStores(IDistributedApplicationBuilder builder, BackingStoresMode mode)
    {
        _builder = builder;
        Mode = mode;
    }

    /// <summary>The mode chosen for this run.</summary>
    public BackingStoresMode Mode { get; }

    /// <summary>A PostgreSQL server (Aspire generates the password parameter <c>{name}-password</c>).</summary>
    public BackingPostgres AddPostgres(string name) => Mode == BackingStoresMode.Containers
        ? new BackingPostgres(_builder.AddPostgres(name))
        : new BackingPostgres(_builder.AddNativePostgres(name));

    /// <summary>A Redis server.</summary>
    public IResourceBuilder<IResourceWithConnectionString> AddRedis(string name) => Mode == BackingStoresMode.Containers
        ? AsConnectionString(_builder, _builder.AddRedis(name).Resource)
        : AsConnectionString(_builder, _builder.AddNativeRedis(name).Resource);

    /// <summary>A RabbitMQ broker.</summary>
    public IResourceBuilder<IResourceWithConnectionString> AddRabbitMQ(string name) => Mode == BackingStoresMode.Containers
        ? AsConnectionString(_builder, _builder.AddRabbitMQ(name).Resource)
        : AsConnectionString(_builder, _builder.AddNativeRabbitMQ(name).Resource);

    internal static IResourceBuilder<IResourceWithConnectionString> AsConnectionString(IDistributedApplicationBuilder builder, IResourceWithConnectionString resource) =>
        builder.CreateResourceBuilder(resource);

    /// <summary>Reads the switch; a wrong value is a one-line error naming the setting and the allowed values.</summary>
    internal static BackingStoresMode Resolve(IDistributedApplicationBuilder builder) =>
        Resolve(builder.Configuration[ConfigurationKey], builder.ExecutionContext.IsPublishMode,
            () => IsContainerRuntimeHealthy(ContainerRuntime(builder.Configuration)));

    internal static BackingStoresMode Resolve(string? setting, bool isPublishMode, Func<bool> containerRuntimeHealthy)
    {
        var value = string.IsNullOrWhiteSpace(setting) ? "auto" : setting.Trim().ToLowerInvariant();
        if (!AllowedValues.Contains(value))
        {
            throw new BackingStoresConfigurationException(
                $"Configuration '{ConfigurationKey}' has the value '{setting}': allowed values are {string.Join(", ", AllowedValues)}.");
        }

        if (isPublishMode)
        {
            return BackingStoresMode.Containers;
        }

        return value switch
        {
            "native" => BackingStoresMode.Native,
            "containers" => BackingStoresMode.Containers,
            _ => containerRuntimeHealthy() ? BackingStoresMode.Containers : BackingStoresMode.Native,
        };
    }

    /// <summary>The runtime Aspire would use: <c>ASPIRE_CONTAINER_RUNTIME</c>, docker by default.</summary>
    internal static string ContainerRuntime(IConfiguration configuration) =>
        configuration["ASPIRE_CONTAINER_RUNTIME"] is { Length: > 0 } runtime ? runtime : "docker";

    /// <summary>
    /// Whether <c>RUNTIME info</c> answers with a server version within a few seconds. A CLI without a daemon fails
    /// fast; a missing CLI fails at once.
    /// </summary>
    internal static bool IsContainerRuntimeHealthy(string runtime)
    {
        var startInfo = new ProcessStartInfo(runtime)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["info", "--format", "{{.ServerVersion}}"])
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(startInfo);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }

        if (process is null)
        {
            return false;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(RuntimeProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0 && output.Wait(RuntimeProbeTimeout) && output.Result.Trim().Length > 0;
        }
    }
}

/// <summary>A PostgreSQL server of <see cref="BackingStores"/>, native or container.</summary>
public sealed class BackingPostgres
{
    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> _addDatabase;

    internal BackingPostgres(IResourceBuilder<PostgresServerResource> container)
    {
        Server = BackingStores.AsConnectionString(container.ApplicationBuilder, container.Resource);
        _addDatabase = name => BackingStores.AsConnectionString(container.ApplicationBuilder, container.AddDatabase(name).Resource);
    }

    internal BackingPostgres(IResourceBuilder<Postgres.NativePostgresServerResource> native)
    {
        Server = BackingStores.AsConnectionString(native.ApplicationBuilder, native.Resource);
        _addDatabase = name => BackingStores.AsConnectionString(native.ApplicationBuilder, native.AddDatabase(name).Resource);
    }

    /// <summary>The server.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Server { get; }

    /// <summary>A database of the server (created when the server is ready).</summary>
    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => _addDatabase(name);
}
