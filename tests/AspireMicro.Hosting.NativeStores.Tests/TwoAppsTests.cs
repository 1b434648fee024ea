using Aspire.Hosting;
using Aspire.Hosting.Testing;
using StackExchange.Redis;

namespace AspireMicro.Hosting.NativeStores.Tests;

public sealed class TwoAppsTests
{
    [Fact]
    public async Task Two_apps_at_once_on_one_machine_get_different_ports_and_data_folders()
    {
        static IDistributedApplicationTestingBuilder Model()
        {
            var builder = TestApps.CreateBuilder();
            builder.AddNativeRedis("twin");
            return builder;
        }

        var first = await TestApps.StartAsync(Model(), "twin");
        await using var _ = first;
        var second = await TestApps.StartAsync(Model(), "twin");
        await using var __ = second;

        var a = await first.ConnectionStringAsync("twin");
        var b = await second.ConnectionStringAsync("twin");
        Assert.NotEqual(ConfigurationOptions.Parse(a).EndPoints.Single(), ConfigurationOptions.Parse(b).EndPoints.Single());
        foreach (var connectionString in new[] { a, b })
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
            await redis.GetDatabase().PingAsync();
        }

        Assert.True(first.ResourceNotifications.TryGetCurrentState("twin", out var x));
        Assert.True(second.ResourceNotifications.TryGetCurrentState("twin", out var y));
        Assert.NotEqual(((NativeStoreResource)x.Resource).DataDirectory, ((NativeStoreResource)y.Resource).DataDirectory);
    }
}
