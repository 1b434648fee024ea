using AspireMicro.Hosting.Processes;
using Npgsql;

namespace AspireMicro.Hosting.Backing;

/// <summary>
/// PostgreSQL from the Debian package, run as the <c>postgres</c> user when the AppHost is root. Layout below the
/// data directory: <c>data/</c> (PGDATA), <c>run/</c> (unix socket). TCP on 127.0.0.1 needs the password
/// (scram-sha-256); the unix socket trusts, which is how a persistent cluster gets its password updated.
/// </summary>
public sealed class PostgresRecipe : INativeServerRecipe
{
    private const int MaxConnections = 500;

    public const string SuperUser = "postgres";
    private const string ServiceUser = "postgres";
    private const string DebianPackage = "postgresql";
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private string? _binDirectory;

    public string Kind => "postgres";

    /// <summary>Where the Debian package puts the versioned server folders; settable so tests can point it elsewhere.</summary>
    public string InstallRoot { get; init; } = "/usr/lib/postgresql";

    public void EnsureInstalled() => _ = BinDirectory;

    public async Task<ProcessSpec> PrepareAsync(NativeServerContext context, CancellationToken ct)
    {
        var pgData = PgDataPath(context);
        var socketDir = SocketPath(context);
        Directory.CreateDirectory(context.DataDirectory);
        DataDirectories.CreatePrivate(socketDir);
        var initialised = File.Exists(Path.Combine(pgData, "PG_VERSION"));
        if (!initialised && Directory.Exists(pgData))
        {
            // A cluster whose initdb never finished cannot be started; start over.
            Directory.Delete(pgData, recursive: true);
        }

        await DataDirectories.GiveToServiceUserAsync(context.DataDirectory, ServiceUser, ct);
        if (!initialised)
        {
            await InitDbAsync(context, pgData, ct);
        }

        // One local server is shared by every service, replica and test host, each with its own Npgsql pool
        // (up to 100 connections per process): PostgreSQL's default of 100 runs out under a burst of orders.
        List<string> arguments =
        [
            "-D", pgData, "-p", $"{context.Port}", "-k", socketDir,
            "-c", "listen_addresses=127.0.0.1", "-c", $"max_connections={MaxConnections}",
        ];
        if (!context.PersistentData)
        {
            // Throw-away data: durability costs start-up and test time for nothing.
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return new ProcessSpec(Path.Combine(BinDirectory, "postgres"), arguments)
        {
            WorkingDirectory = context.DataDirectory,
            RunAsUser = ServiceUser,
        };
    }

    public async Task<bool> IsReadyAsync(NativeServerContext context, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(BuildProbeConnectionString(context, "postgres"));
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidPassword && context.PersistentData)
        {
            // A persistent cluster from an earlier run with another password: the socket trusts us, so adopt the new one.
            await SetPasswordOverSocketAsync(context, ct);
            return false;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
        {
            return false; // not accepting connections yet ("the database system is starting up", refused, ...)
        }
    }

    public Task StopGracefullyAsync(NativeServerContext context, IChildProcess process, CancellationToken ct) =>
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit. SIGTERM ("smart")
        // would wait for every client to disconnect, and services keep pooled connections open.
        GracefulStop.SignalThenKillAsync(process, PosixSignals.SigInt, StopGrace, ct);

    public string BuildConnectionString(NativeServerContext context, string? database)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = context.Port,
            Username = SuperUser,
            Password = context.Password,
        };
        if (database is not null)
        {
            builder.Database = database;
        }

        return builder.ConnectionString;
    }

    /// <summary>Creates the database of an AddDatabase child if it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(NativeServerContext context, string name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || System.Text.Encoding.UTF8.GetByteCount(name) > 63)
        {
            throw new ArgumentException($"Database name '{name}' must be 1 to 63 bytes long.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(BuildProbeConnectionString(context, "postgres"));
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                return;
            }
        }

        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another caller created it between our check and our CREATE: same outcome.
        }
    }

    /// <summary>The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin.</summary>
    public string BinDirectory => _binDirectory ??= FindBinDirectory();

    private string FindBinDirectory()
    {
        var root = InstallRoot;
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (dir, version: decimal.TryParse(Path.GetFileName(dir), out var v) ? v : -1m))
                .Where(x => x.version >= 0 && File.Exists(Path.Combine(x.dir, "bin", "postgres")) && File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? DataDirectories.FindBinary("PostgreSQL server", DebianPackage, $"{root}/*/bin/postgres");
    }

    private async Task InitDbAsync(NativeServerContext context, string pgData, CancellationToken ct)
    {
        var passwordFile = Path.Combine(context.DataDirectory, ".pwfile");
        await DataDirectories.WriteSecretFileAsync(passwordFile, context.Password + "\n", ct);
        try
        {
            await DataDirectories.GiveToServiceUserAsync(passwordFile, ServiceUser, ct);
            List<string> arguments =
            [
                "-D", pgData, "-U", SuperUser, $"--pwfile={passwordFile}",
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C",
            ];
            if (!context.PersistentData)
            {
                arguments.Add("--no-sync");
            }

            var result = await ToolRunner.RunAsync(
                new ProcessSpec(Path.Combine(BinDirectory, "initdb"), arguments) { RunAsUser = ServiceUser, WorkingDirectory = context.DataDirectory }, ct);
            if (!result.Succeeded)
            {
                var lastLine = result.Output.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim();
                throw new InvalidOperationException($"initdb for '{context.InstanceName}' failed (exit {result.ExitCode}): {lastLine}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task SetPasswordOverSocketAsync(NativeServerContext context, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = SocketPath(context),
            Port = context.Port,
            Username = SuperUser,
            Database = "postgres",
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        var literal = "'" + context.Password.Replace("'", "''", StringComparison.Ordinal) + "'";
        await using var command = new NpgsqlCommand($"ALTER ROLE {SuperUser} PASSWORD {literal}", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private string BuildProbeConnectionString(NativeServerContext context, string database) =>
        new NpgsqlConnectionStringBuilder(BuildConnectionString(context, database))
        {
            Pooling = false,
            Timeout = 3,
        }.ConnectionString;

    private static string PgDataPath(NativeServerContext context) => Path.Combine(context.DataDirectory, "data");

    private static string SocketPath(NativeServerContext context) => Path.Combine(context.DataDirectory, "run");
}
