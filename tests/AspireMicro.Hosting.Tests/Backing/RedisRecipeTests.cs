using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Tests.Processes;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace AspireMicro.Hosting.Tests.Backing;

public sealed class RedisRecipeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Redis_starts_ready_for_authenticated_clients_and_stops_cleanly()
    {
        var server = await RunningServer.StartAsync(new RedisRecipe());
        await using (server)
        {
            output.WriteLine($"redis ready after {server.TimeToReady.TotalMilliseconds:0} ms");

            await using var redis = await ConnectionMultiplexer.ConnectAsync(server.Recipe.BuildConnectionString(server.Context, null));
            await redis.GetDatabase().StringSetAsync("greeting", "hello");
            Assert.Equal("hello", (string?)await redis.GetDatabase().StringGetAsync("greeting"));
        }

        Assert.Equal(0, server.ExitCodeAfterStop);
        Assert.Empty(await ProcessTable.WaitUntilNoneAsync(server.Marker, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Redis_refuses_commands_without_the_password()
    {
        await using var server = await RunningServer.StartAsync(new RedisRecipe());
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync("127.0.0.1", server.Context.Port);
        var stream = client.GetStream();

        await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray());
        var buffer = new byte[128];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.StartsWith("-NOAUTH", System.Text.Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_password_is_not_visible_on_the_command_line()
    {
        await using var server = await RunningServer.StartAsync(new RedisRecipe(), password: "do-not-show-me");

        var commandLine = await File.ReadAllTextAsync($"/proc/{server.Process.Pid}/cmdline");

        Assert.DoesNotContain("do-not-show-me", commandLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_string_has_the_aspire_shape()
    {
        var context = new NativeServerContext("cache", "/unused", 6380, "pw", PersistentData: false);

        Assert.Equal("127.0.0.1:6380,password=pw", new RedisRecipe().BuildConnectionString(context, null));
    }

    [Fact]
    public async Task Persistent_data_survives_a_restart()
    {
        var dataDirectory = Path.Combine(BackingDataRoot.CreateTemporary("aspiremicro-persist-"), "redis");
        try
        {
            await using (var first = await RunningServer.StartAsync(new RedisRecipe(), dataDirectory))
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(first.Recipe.BuildConnectionString(first.Context, null));
                await redis.GetDatabase().StringSetAsync("kept", "still here");
            }

            await using var second = await RunningServer.StartAsync(new RedisRecipe(), dataDirectory);
            await using var again = await ConnectionMultiplexer.ConnectAsync(second.Recipe.BuildConnectionString(second.Context, null));
            Assert.Equal("still here", (string?)await again.GetDatabase().StringGetAsync("kept"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);
        }
    }
}
