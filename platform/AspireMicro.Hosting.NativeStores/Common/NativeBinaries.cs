using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace AspireMicro.Hosting.NativeStores;

/// <summary>
/// Finds the programs a native store runs (Debian's packages by default) and their versions. Each location can be
/// overridden in configuration, e.g. <c>NativeStores:Redis:ServerPath</c>, for a server built by hand.
/// </summary>
internal sealed class NativeBinaries(IConfiguration configuration)
{
    public const string ConfigurationSection = "NativeStores";

    public string Setpriv() =>
        Find("setpriv (runs the servers as their own users with a parent-death signal)", "util-linux",
            Configured("Setpriv") ?? "/usr/bin/setpriv", "/bin/setpriv");

    /// <summary>The newest PostgreSQL server's bin folder, e.g. /usr/lib/postgresql/15/bin, and its major version.</summary>
    public (string BinDirectory, string Version) Postgres()
    {
        if (Configured("Postgres:BinDirectory") is { } configured)
        {
            Find("PostgreSQL server", "postgresql", Path.Combine(configured, "postgres"));
            Find("PostgreSQL initdb", "postgresql", Path.Combine(configured, "initdb"));
            return (configured, Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(configured))) ?? "?");
        }

        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (dir, version: decimal.TryParse(Path.GetFileName(dir), out var v) ? v : -1m))
                .Where(x => x.version >= 0
                    && File.Exists(Path.Combine(x.dir, "bin", "postgres"))
                    && File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .FirstOrDefault()
            : default;
        return newest.dir is null
            ? throw Missing("PostgreSQL server", "postgresql", $"{root}/*/bin/postgres")
            : (Path.Combine(newest.dir, "bin"), Path.GetFileName(newest.dir));
    }

    public string RedisServer() =>
        Find("Redis server", "redis-server", Configured("Redis:ServerPath") ?? "/usr/bin/redis-server", "/usr/local/bin/redis-server");

    /// <summary>
    /// The broker's start script. Not /usr/sbin/rabbitmq-server: that wrapper re-launches it through su, out of reach of
    /// the parent-death signal.
    /// </summary>
    public string RabbitMQServer() =>
        Find("RabbitMQ server", "rabbitmq-server", Configured("RabbitMQ:ServerPath") ?? "/usr/lib/rabbitmq/bin/rabbitmq-server");

    public string Erl() => Find("Erlang runtime (erl)", "rabbitmq-server", "/usr/bin/erl", "/usr/lib/erlang/bin/erl");

    public string Epmd() => Find("Erlang port mapper (epmd)", "rabbitmq-server", "/usr/bin/epmd", "/usr/lib/erlang/bin/epmd");

    public static string RedisVersion(string server)
    {
        // "Redis server v=7.0.15 sha=..."
        var output = RunForOutput(server, "--version");
        var start = output.IndexOf("v=", StringComparison.Ordinal);
        return start < 0 ? "?" : output[(start + 2)..].Split(' ', 2)[0].Trim();
    }

    public static string RabbitMQVersion(string serverScript)
    {
        // /usr/lib/rabbitmq/bin/rabbitmq-server -> /usr/lib/rabbitmq/lib/rabbitmq_server-3.10.8
        var lib = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(serverScript)))!, "lib");
        var folder = Directory.Exists(lib) ? Directory.GetDirectories(lib, "rabbitmq_server-*").Order().LastOrDefault() : null;
        return folder is null ? "?" : Path.GetFileName(folder)["rabbitmq_server-".Length..];
    }

    private string? Configured(string key) =>
        configuration[$"{ConfigurationSection}:{key}"] is { Length: > 0 } value ? value : null;

    private static string Find(string description, string debianPackage, params string[] candidates) =>
        candidates.FirstOrDefault(File.Exists) ?? throw Missing(description, debianPackage, string.Join(", ", candidates));

    private static MissingNativeStoreException Missing(string description, string debianPackage, string lookedAt) =>
        new($"{description} not found ({lookedAt}): install the Debian package '{debianPackage}' (apt-get install -y {debianPackage}).", debianPackage);

    private static string RunForOutput(string fileName, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, argument)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return string.Empty;
            }

            var output = process.StandardOutput.ReadToEnd();
            return process.WaitForExit(TimeSpan.FromSeconds(5)) ? output : string.Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return string.Empty;
        }
    }
}
