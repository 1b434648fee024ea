using Aspire.Hosting;
using Npgsql;

namespace AspireMicro.Hosting.NativeStores.Tests;

public sealed class DataDirectoryTests : IDisposable
{
    // Below /tmp: the postgres user must be able to reach it.
    private readonly string _folder = Path.Combine("/tmp", $"native-stores-test-{Guid.NewGuid():N}"[..32]);

    [Fact]
    public async Task WithDataDirectory_keeps_postgres_data_across_two_runs_and_the_second_start_follows_a_clean_shutdown()
    {
        // Each run generates a new password: the second start must adopt it on the existing cluster.
        await using (var first = await StartAsync())
        {
            await using var connection = new NpgsqlConnection(await first.ConnectionStringAsync("keep"));
            await connection.OpenAsync(TestApps.Timeout(TestApps.StepTimeout));
            await using var command = new NpgsqlCommand("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives')", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var second = await StartAsync();
        await using (var connection = new NpgsqlConnection(await second.ConnectionStringAsync("keep")))
        {
            await connection.OpenAsync(TestApps.Timeout(TestApps.StepTimeout));
            await using var command = new NpgsqlCommand("SELECT v FROM kept", connection);
            Assert.Equal("survives", await command.ExecuteScalarAsync());
        }

        await using var logs = second.CollectLogs("keep");
        await WaitForLineAsync(logs, "database system is ready to accept connections");
        Assert.Contains(logs.Lines, l => l.Contains("database system was shut down at", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("was interrupted", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("automatic recovery", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_folder, "data", "PG_VERSION")));
    }

    private async Task<DistributedApplication> StartAsync()
    {
        var builder = TestApps.CreateBuilder();
        builder.AddNativePostgres("keep").WithDataDirectory(_folder);
        return await TestApps.StartAsync(builder, "keep");
    }

    private static async Task WaitForLineAsync(LogCollector logs, string text)
    {
        var deadline = DateTime.UtcNow + TestApps.StepTimeout;
        while (!logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line '{text}'");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
