using System.Diagnostics;
using AspireMicro.Bench.Infrastructure;
using RabbitMQ.Client;

namespace AspireMicro.Bench.Startup;

/// <summary>
/// The floor for start-up: one RabbitMQ node (the slowest backing process) started the way the platform starts it,
/// timed to the first successful AMQP connection, in a private temp dir on free ports, then stopped.
/// </summary>
public static class RabbitMqAlone
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static async Task<double> MeasureAsync()
    {
        var root = Directory.CreateTempSubdirectory("bench-rabbit-").FullName;
        var (port, distPort, epmdPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var password = Guid.NewGuid().ToString("N");
        foreach (var dir in (string[])["mnesia", "log", "home"])
        {
            Directory.CreateDirectory(Path.Combine(root, dir));
        }

        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"),
            $"listeners.tcp.default = 127.0.0.1:{port}\ndefault_user = guest\ndefault_pass = {password}\nloopback_users = none\nlog.console = true\nlog.file = false\n");
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[].\n");
        await RunAsync("chown", "-R", "rabbitmq:rabbitmq", root);

        // setsid: its own process group, so the whole Erlang tree can be signalled at once when done.
        // As the platform's recipe: the node's own epmd on a private port (in this process group, so it goes too).
        const string launch = """
            setpriv --pdeathsig KILL -- epmd -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
            tries=0
            until epmd -port "$ERL_EPMD_PORT" -names >/dev/null 2>&1; do
              tries=$((tries + 1)); [ "$tries" -gt 200 ] && break; sleep 0.05
            done
            exec "$0"
            """;
        var start = new ProcessStartInfo("setsid", ["setpriv", "--reuid=rabbitmq", "--regid=rabbitmq", "--init-groups", "/bin/sh", "-c", launch, Server])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        var node = $"bench-{Guid.NewGuid():N}"[..20] + "@localhost";
        var env = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = $"{port}",
            ["RABBITMQ_DIST_PORT"] = $"{distPort}",
            ["ERL_EPMD_PORT"] = $"{epmdPort}",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(root, "rabbitmq-env.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(root, "advanced.config"),
            ["HOME"] = Path.Combine(root, "home"),
            ["RUNNING_UNDER_SYSTEMD"] = "true",
        };
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var factory = new ConnectionFactory
            {
                HostName = "127.0.0.1",
                Port = port,
                UserName = "guest",
                Password = password,
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            };
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                try
                {
                    await using var connection = await factory.CreateConnectionAsync();
                    return clock.Elapsed.TotalMilliseconds;
                }
                catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException or OperationCanceledException)
                {
                    await Task.Delay(50);
                }
            }

            throw new TimeoutException("RabbitMQ alone did not accept AMQP within 120 s.");
        }
        finally
        {
            await StopGroupAsync(process);
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task StopGroupAsync(Process process)
    {
        // The group id is the setsid'd child's pid; SIGTERM lets Erlang stop cleanly, SIGKILL if it will not.
        var group = process.Id;
        Signals.Send(-group, "TERM");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ProcessTable.Snapshot().Any(p => p.ProcessGroup == group && p.Command != "epmd") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (ProcessTable.Snapshot().Any(p => p.ProcessGroup == group && p.Command != "epmd"))
        {
            Signals.Send(-group, "KILL");
        }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false })!;
        await p.WaitForExitAsync();
    }
}
