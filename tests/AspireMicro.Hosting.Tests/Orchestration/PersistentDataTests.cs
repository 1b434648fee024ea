using AspireMicro.Hosting.Testing;
using Npgsql;

namespace AspireMicro.Hosting.Tests.Orchestration;

public sealed class PersistentDataTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"h1-pgdata-{Guid.NewGuid():N}");

    [Fact]
    public async Task WithDataDirectory_keeps_postgres_data_across_two_runs_of_the_app()
    {
        await RunAsync("create table kept (id int); insert into kept values (42)");

        var value = await RunAsync("select id from kept");

        Assert.Equal(42, value);
        Assert.True(Directory.Exists(_dataDirectory));
    }

    /// <summary>A fresh app each time, like two `dotnet run`s; only the data directory and the password carry over.</summary>
    private async Task<object?> RunAsync(string sql)
    {
        var options = DistributedApplicationTestingBuilder.CreateOptions(["--Parameters:pg-password=Kept-Pass-1"]);
        options.ForceEphemeralData = false;
        var builder = DistributedApplication.CreateBuilder(options);
        builder.AddPostgres("pg", builder.AddParameter("pg-password", secret: true)).WithDataDirectory(_dataDirectory).AddDatabase("appdb");
        await using var app = builder.Build();
        await app.StartAsync(Timeouts.Start);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("appdb", Timeouts.Start);

        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("appdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
