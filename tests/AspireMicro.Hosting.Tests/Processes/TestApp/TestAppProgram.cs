using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Networking;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Tests.Processes.TestApp;

/// <summary>
/// Main of the test assembly (GenerateProgramFile is off). The test runner never calls it; tests re-launch this
/// assembly with <c>dotnet exec</c> as an AppHost-like process they can SIGKILL, or as a second "AppHost" that
/// competes for ports.
/// </summary>
public static class TestAppProgram
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["serve-backing", var kinds, var dataRoot]:
                await ServeBackingAsync(kinds.Split(','), dataRoot);
                return 0;
            case ["hold-ports", var count, var lockDirectory]:
                HoldPorts(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), lockDirectory);
                return 0;
            case ["reserve", var port, var lockDirectory]:
                var allocator = new PortAllocator(lockDirectory);
                allocator.Reserve(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
                Console.WriteLine("RESERVED");
                await Task.Delay(Timeout.Infinite);
                return 0;
            default:
                Console.Error.WriteLine("usage: serve-backing KINDS DATAROOT | hold-ports N LOCKDIR | reserve PORT LOCKDIR");
                return 2;
        }
    }

    private static async Task ServeBackingAsync(string[] kinds, string dataRoot)
    {
        // Deliberately never disposed: this process exists to be SIGKILLed with its servers running.
        var host = new ChildProcessHost();
        var ports = new PortAllocator();
        var started = kinds.Select(async kind =>
        {
            INativeServerRecipe recipe = kind switch
            {
                "postgres" => new PostgresRecipe(),
                "redis" => new RedisRecipe(),
                "rabbitmq" => new RabbitMqRecipe(),
                _ => throw new ArgumentException($"unknown kind {kind}"),
            };
            var context = new NativeServerContext(kind, Path.Combine(dataRoot, kind), ports.Allocate(), "Test-Pass-1", PersistentData: false)
            {
                ExtraPorts = recipe.ExtraPortNames.ToDictionary(name => name, _ => ports.Allocate()),
            };
            var process = await NativeServerLauncher.StartAsync(recipe, context, host, _ => { }, null, CancellationToken.None);
            if (recipe is PostgresRecipe postgres)
            {
                // An open connection gives the postmaster a backend child: one more grandchild that must die too.
                await postgres.EnsureDatabaseAsync(context, "probe", CancellationToken.None);
                var connection = new Npgsql.NpgsqlConnection(postgres.BuildConnectionString(context, "probe"));
                await connection.OpenAsync();
            }

            Console.WriteLine($"READY {kind} {process.Pid} {context.Port}");
        });
        await Task.WhenAll(started);
        Console.WriteLine("ALL-READY");
        await Task.Delay(Timeout.Infinite);
    }

    private static void HoldPorts(int count, string lockDirectory)
    {
        var allocator = new PortAllocator(lockDirectory);
        var ports = Enumerable.Range(0, count).Select(_ => allocator.Allocate()).ToList();
        Console.WriteLine($"PORTS {string.Join(',', ports)}");
        Thread.Sleep(Timeout.Infinite);
    }
}
