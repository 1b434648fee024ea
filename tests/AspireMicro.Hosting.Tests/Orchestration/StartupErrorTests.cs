using System.Net;
using System.Net.Sockets;
using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting.Tests.Orchestration;

/// <summary>Every start-up error is one line naming the resource, thrown before anything was started.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public async Task A_WaitFor_cycle_fails_naming_the_resources_in_the_cycle()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedis("redis");
        var a = builder.AddExecutable("a", "sleep", ".", "60").WaitFor(redis);
        var b = builder.AddExecutable("b", "sleep", ".", "60").WaitFor(a);
        a.WaitFor(b);

        var error = await StartExpectingErrorAsync(builder);

        Assert.Contains("WaitFor cycle: a -> b -> a", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_a_resource_of_another_builder_fails_naming_both()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var stranger = DistributedApplicationTestingBuilder.Create().AddRedis("elsewhere");
        builder.AddExecutable("app", "sleep", ".", "60").WithReference(stranger);

        var error = await StartExpectingErrorAsync(builder);

        Assert.Equal("Resource 'app' references unknown resource 'elsewhere' (it was not added to this app's builder).", error);
    }

    [Fact]
    public async Task A_parameter_without_value_fails_naming_the_parameter()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("redis");
        var region = builder.AddParameter("region");
        builder.AddExecutable("app", "sleep", ".", "60").WithEnvironment("REGION", region);

        var error = await StartExpectingErrorAsync(builder);

        Assert.StartsWith("Parameter 'region' has no value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixed_port_already_in_use_fails_naming_the_resource_and_port()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DisableDashboard = true,
            DisableConsoleUi = true,
            ForceEphemeralData = true,
            PersistGeneratedSecrets = false,
        });
        builder.AddRedis("first");
        builder.AddRedis("cache", port: port);

        var error = await StartExpectingErrorAsync(builder);

        Assert.StartsWith($"Resource 'cache': endpoint 'tcp' cannot use port {port}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_server_binary_fails_naming_the_resource_and_the_Debian_package()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Services.AddSingleton<INativeServerRecipe>(new RedisRecipe { ServerCandidates = ["/nonexistent/redis-server"] });
        builder.AddRedis("cache");

        var error = await StartExpectingErrorAsync(builder);

        Assert.StartsWith("Resource 'cache': ", error, StringComparison.Ordinal);
        Assert.Contains("'redis-server'", error, StringComparison.Ordinal);
    }

    /// <summary>Starts, expects the error, and checks it is one line and that no resource got a process.</summary>
    private static async Task<string> StartExpectingErrorAsync(IDistributedApplicationBuilder builder)
    {
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync(Timeouts.Start));

        Assert.DoesNotContain('\n', error.Message);
        Assert.All(app.ResourceNotifications.GetCurrentSnapshots(), s => Assert.Null(s.Pid));
        return error.Message;
    }
}
