using Aspire.Hosting;

namespace AspireMicro.Hosting.NativeStores.Tests;

public sealed class MissingBinaryTests
{
    [Fact]
    public async Task A_missing_server_fails_the_start_with_one_line_naming_the_Debian_package()
    {
        var builder = TestApps.CreateBuilder("NativeStores:Redis:ServerPath=/nonexistent/redis-server");
        builder.AddNativeRedis("nobinary");
        await using var app = await builder.BuildAsync();

        var error = await Assert.ThrowsAsync<MissingNativeStoreException>(() => app.StartAsync(TestApps.Timeout(TestApps.StepTimeout)));
        Assert.Equal("redis-server", error.DebianPackage);
        Assert.Contains("apt-get install -y redis-server", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Building_the_model_does_not_look_for_the_programs()
    {
        // Publishing must work on a machine without the stores: only run mode looks for them, when the app starts.
        var builder = TestApps.CreateBuilder(
            "NativeStores:Redis:ServerPath=/nonexistent/redis-server", "NativeStores:Postgres:BinDirectory=/nonexistent/bin");
        builder.AddNativeRedis("nobinary");
        builder.AddNativePostgres("nopg").AddDatabase("nodb");
        await using var app = await builder.BuildAsync();
        Assert.NotNull(app);
    }
}
