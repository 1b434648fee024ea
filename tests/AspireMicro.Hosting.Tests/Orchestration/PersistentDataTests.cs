using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Orchestration;
using AspireMicro.Hosting.Testing;
using Npgsql;

namespace AspireMicro.Hosting.Tests.Orchestration;

public sealed class PersistentDataTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"h1-pgdata-{Guid.NewGuid():N}");
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"h1-state-{Guid.NewGuid():N}");

    [Fact]
    public async Task WithDataDirectory_keeps_postgres_data_across_two_runs_of_the_app()
    {
        await RunAsync("create table kept (id int); insert into kept values (42)", pg => pg.WithDataDirectory(_dataDirectory));

        var value = await RunAsync("select id from kept", pg => pg.WithDataDirectory(_dataDirectory));

        Assert.Equal(42, value);
        Assert.True(Directory.Exists(_dataDirectory));
    }

    [Fact]
    public async Task WithDataDirectory_without_a_path_keeps_postgres_data_across_two_runs_also_as_root()
    {
        // Private like a user profile: as root the server's own user cannot enter it.
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_stateDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await RunAsync("create table kept (id int); insert into kept values (7)", pg => pg.WithDataDirectory());

        var value = await RunAsync("select id from kept", pg => pg.WithDataDirectory());

        Assert.Equal(7, value);
        Assert.True(Directory.Exists(ApplicationOrchestrator.DefaultPersistentDirectory(_stateDirectory, "pg")));
    }

    /// <summary>A fresh app each time, like two `dotnet run`s; only the data, the state folder and the password carry over.</summary>
    private async Task<object?> RunAsync(string sql, Action<IResourceBuilder<PostgresServerResource>> persist)
    {
        var options = DistributedApplicationTestingBuilder.CreateOptions(["--Parameters:pg-password=Kept-Pass-1"]);
        options.ForceEphemeralData = false;
        options.StateDirectory = _stateDirectory;
        var builder = DistributedApplication.CreateBuilder(options);
        var pg = builder.AddPostgres("pg", builder.AddParameter("pg-password", secret: true));
        persist(pg);
        pg.AddDatabase("appdb");
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
        var defaultData = Path.GetDirectoryName(Path.GetDirectoryName(ApplicationOrchestrator.DefaultPersistentDirectory(_stateDirectory, "pg")))!;
        foreach (var directory in new[] { _dataDirectory, _stateDirectory, defaultData })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
