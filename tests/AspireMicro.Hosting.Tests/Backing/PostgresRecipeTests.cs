using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Tests.Processes;
using Npgsql;
using Xunit.Abstractions;

namespace AspireMicro.Hosting.Tests.Backing;

public sealed class PostgresRecipeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Postgres_starts_ready_for_password_logins_on_loopback_and_stops_cleanly()
    {
        var server = await RunningServer.StartAsync(new PostgresRecipe());
        await using (server)
        {
            output.WriteLine($"postgres ready after {server.TimeToReady.TotalMilliseconds:0} ms (initdb included)");

            await using var connection = new NpgsqlConnection(server.Recipe.BuildConnectionString(server.Context, "postgres"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_setting('listen_addresses')", connection);
            Assert.Equal("127.0.0.1", await command.ExecuteScalarAsync());
        }

        output.WriteLine($"stopped with exit code {server.ExitCodeAfterStop}");
        Assert.Equal(0, server.ExitCodeAfterStop);
        Assert.Empty(await ProcessTable.WaitUntilNoneAsync(server.Marker, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Postgres_rejects_a_wrong_password()
    {
        await using var server = await RunningServer.StartAsync(new PostgresRecipe());
        var wrong = server.Context with { Password = "wrong" };

        await using var connection = new NpgsqlConnection(server.Recipe.BuildConnectionString(wrong, "postgres"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task EnsureDatabase_creates_the_database_once_and_is_idempotent()
    {
        await using var server = await RunningServer.StartAsync(new PostgresRecipe());
        var recipe = (PostgresRecipe)server.Recipe;

        await recipe.EnsureDatabaseAsync(server.Context, "catalog-db", CancellationToken.None);
        await recipe.EnsureDatabaseAsync(server.Context, "catalog-db", CancellationToken.None);

        await using var connection = new NpgsqlConnection(recipe.BuildConnectionString(server.Context, "catalog-db"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal("catalog-db", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Connection_string_has_the_aspire_shape()
    {
        var context = new NativeServerContext("pg", "/unused", 5433, "pw", PersistentData: false);

        var connectionString = new PostgresRecipe().BuildConnectionString(context, "catalogdb");

        Assert.Equal("Host=127.0.0.1;Port=5433;Username=postgres;Password=pw;Database=catalogdb", connectionString);
    }

    [Fact]
    public async Task Persistent_data_survives_a_restart_and_adopts_a_changed_password()
    {
        var dataDirectory = Path.Combine(BackingDataRoot.CreateTemporary("aspiremicro-persist-"), "pg");
        try
        {
            await using (var first = await RunningServer.StartAsync(new PostgresRecipe(), dataDirectory, password: "first-password"))
            {
                await using var connection = new NpgsqlConnection(first.Recipe.BuildConnectionString(first.Context, "postgres"));
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')", connection);
                await create.ExecuteNonQueryAsync();
            }

            await using var second = await RunningServer.StartAsync(new PostgresRecipe(), dataDirectory, password: "second-password");
            output.WriteLine($"restart on existing data ready after {second.TimeToReady.TotalMilliseconds:0} ms");
            await using var reconnect = new NpgsqlConnection(second.Recipe.BuildConnectionString(second.Context, "postgres"));
            await reconnect.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT value FROM kept", reconnect);
            Assert.Equal("still here", await read.ExecuteScalarAsync());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);
        }
    }
}
