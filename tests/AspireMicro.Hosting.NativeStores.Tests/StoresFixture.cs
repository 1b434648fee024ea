using Aspire.Hosting;

namespace AspireMicro.Hosting.NativeStores.Tests;

/// <summary>
/// One app with the three native stores, a database child and an executable that waits for that database: the
/// read-only tests of the "stores" collection share it.
/// </summary>
public sealed class StoresFixture : IAsyncLifetime
{
    public const string Postgres = "pg";
    public const string Database = "appdb";
    public const string DatabaseName = "app_data";
    public const string Redis = "cache";
    public const string RabbitMQ = "broker";
    public const string Dependent = "dependent";

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = TestApps.CreateBuilder();
        var postgres = builder.AddNativePostgres(Postgres);
        var database = postgres.AddDatabase(Database, DatabaseName);
        builder.AddNativeRedis(Redis);
        builder.AddNativeRabbitMQ(RabbitMQ);
        builder.AddExecutable(Dependent, "sleep", Path.GetTempPath(), "3600").WaitFor(database);
        App = await TestApps.StartAsync(builder, Postgres, Database, Redis, RabbitMQ);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StoresCollection : ICollectionFixture<StoresFixture>
{
    public const string Name = "stores";
}
