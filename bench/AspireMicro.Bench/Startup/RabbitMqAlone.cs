using System.Diagnostics;
using AspireMicro.Bench.Infrastructure;
using RabbitMQ.Client;

namespace AspireMicro.Bench.Startup;

/// <summary>
/// The floor for start-up: one RabbitMQ node (the slowest backing store) started by the very launcher the platform
/// gives DCP (platform/AspireMicro.Hosting.NativeStores/Launchers/rabbitmq.sh: own epmd, own user, private data), on
/// free ports in a private temp folder, timed from launch to the first successful AMQP connection, then stopped.
/// </summary>
public static class RabbitMqAlone
{
    private const string User = "bench";

    public static async Task<double> MeasureAsync()
    {
        var root = Directory.CreateTempSubdirectory("bench-rabbit-").FullName;
        // The launcher switches to the rabbitmq user when run as root: it must be able to reach its data folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        var port = FreePort.Next();
        var password = Guid.NewGuid().ToString("N");
        // setsid: its own process group, so the Erlang VM and its epmd can be signalled at once when done.
        var start = new ProcessStartInfo("setsid", ["/bin/sh", RepoPaths.RabbitMqLauncher])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["NATIVE_STORE_DATA"] = Path.Combine(root, "messaging");
        start.Environment["NATIVE_STORE_EPHEMERAL"] = "1";
        start.Environment["NATIVE_STORE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["NATIVE_STORE_DIST_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["NATIVE_STORE_EPMD_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["NATIVE_STORE_USER"] = User;
        start.Environment["NATIVE_STORE_PASSWORD"] = password;
        start.Environment["NATIVE_STORE_NODE"] = $"bench-{Guid.NewGuid():N}"[..18] + "@localhost";
        start.Environment["NATIVE_STORE_SERVER"] = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        start.Environment["NATIVE_STORE_EPMD"] = File.Exists("/usr/bin/epmd") ? "/usr/bin/epmd" : "/usr/lib/erlang/bin/epmd";

        var factory = new ConnectionFactory
        {
            Uri = new Uri($"amqp://{User}:{password}@127.0.0.1:{port}"),
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(120) && !process.HasExited)
            {
                try
                {
                    await using var connection = await factory.CreateConnectionAsync();
                    return clock.Elapsed.TotalMilliseconds;
                }
                catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException)
                {
                    await Task.Delay(50);
                }
            }

            throw new TimeoutException("RabbitMQ alone did not accept AMQP (exited: " + process.HasExited + "):\n"
                + string.Join('\n', output.TakeLast(20)));
        }
        finally
        {
            await StopGroupAsync(process);
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task StopGroupAsync(Process process)
    {
        // The group id is the setsid'd child's pid; SIGTERM is the VM's orderly stop, SIGKILL if it will not.
        var group = process.Id;
        Signals.Send(-group, "TERM");
        var deadline = Stopwatch.StartNew();
        while (ProcessTable.Snapshot().Any(p => p.ProcessGroup == group && p.State != 'Z') && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }

        if (ProcessTable.Snapshot().Any(p => p.ProcessGroup == group && p.State != 'Z'))
        {
            Signals.Send(-group, "KILL");
            await Task.Delay(500);
        }

        await process.WaitForExitAsync();
    }
}
