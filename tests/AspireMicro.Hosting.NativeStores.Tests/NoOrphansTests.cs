using Aspire.Hosting;
using AspireMicro.Hosting.NativeStores.RabbitMQ;

namespace AspireMicro.Hosting.NativeStores.Tests;

public sealed class NoOrphansTests
{
    [Fact]
    public async Task After_the_app_is_disposed_no_process_it_started_is_left_and_its_data_folder_is_gone()
    {
        var builder = TestApps.CreateBuilder();
        builder.AddNativePostgres("orphanpg").AddDatabase("orphandb");
        builder.AddNativeRedis("orphanredis");
        var rabbit = builder.AddNativeRabbitMQ("orphanmq");
        var app = await TestApps.StartAsync(builder, "orphanpg", "orphandb", "orphanredis", "orphanmq");

        var seen = new[] { "orphanpg", "orphanredis", "orphanmq" }.SelectMany(app.ProcessTreeOf).ToList();
        var epmd = seen.Where(pid => Processes.NameOf(pid) == "epmd").ToList();
        Assert.Single(epmd); // the broker's private epmd is one of its children
        var epmdPort = rabbit.Resource.GetEndpoint(NativeRabbitMQServerResource.EpmdEndpointName).Port;
        Assert.Contains($"-port {epmdPort}", Processes.Describe(epmd));
        var folders = new[] { "orphanpg", "orphanredis", "orphanmq" }
            .Select(n => app.ResourceNotifications.TryGetCurrentState(n, out var e) ? ((NativeStoreResource)e.Resource).DataDirectory : "")
            .ToList();
        Assert.All(folders, f => Assert.True(Directory.Exists(f)));

        await app.DisposeAsync();

        var left = await Processes.WaitUntilGoneAsync(seen, TimeSpan.FromSeconds(15));
        Assert.True(left.Count == 0, $"left behind: {Processes.Describe(left)}");
        Assert.All(folders, f => Assert.False(Directory.Exists(f), $"{f} still exists"));
    }
}
