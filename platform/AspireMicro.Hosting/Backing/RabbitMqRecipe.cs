using System.Security.Cryptography;
using System.Text;
using AspireMicro.Hosting.Processes;
using RabbitMQ.Client;

namespace AspireMicro.Hosting.Backing;

/// <summary>
/// RabbitMQ from the Debian package, run as the <c>rabbitmq</c> user when the AppHost is root. Every instance gets
/// its own Erlang node name (derived from its data directory, so two AppHosts never share one and a persistent
/// instance keeps its own), its own distribution port, config, plugins file, cookie (HOME) and mnesia below the
/// data directory. Each instance also gets its own <c>epmd</c> (Erlang's port mapper) on a private port, started
/// in the foreground under a parent-death signal: the VM would otherwise start a machine-wide <c>epmd -daemon</c>
/// that outlives the AppHost.
/// </summary>
public sealed class RabbitMqRecipe(bool managementPlugin = false) : INativeServerRecipe
{
    public const string UserName = "guest";
    public const string DistPortName = "dist";
    public const string EpmdPortName = "epmd";
    public const string ManagementPortName = "management";
    private const string ServiceUser = "rabbitmq";
    private const string DebianPackage = "rabbitmq-server";
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private string? _serverScript;

    public string Kind => "rabbitmq";

    public IReadOnlyList<string> ExtraPortNames => managementPlugin ? [DistPortName, EpmdPortName, ManagementPortName] : [DistPortName, EpmdPortName];

    // Starts this instance's epmd (killed when the shell, which then becomes the VM through exec, dies), waits until
    // it answers, then execs the broker. "-start_epmd false" keeps the VM from starting a daemon of its own.
    private const string LaunchScript =
        """
        setpriv --pdeathsig KILL -- epmd -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
        tries=0
        until epmd -port "$ERL_EPMD_PORT" -names >/dev/null 2>&1; do
          tries=$((tries + 1)); [ "$tries" -gt 200 ] && break; sleep 0.05
        done
        exec "$0"
        """;

    /// <summary>
    /// Where to look for the broker's start script. Not /usr/sbin/rabbitmq-server: that wrapper re-launches it
    /// through su, out of reach of our parent-death signal. Settable so tests can point it elsewhere.
    /// </summary>
    public IReadOnlyList<string> ServerCandidates { get; init; } = ["/usr/lib/rabbitmq/bin/rabbitmq-server"];

    public string ServerScript => _serverScript ??= DataDirectories.FindBinary("RabbitMQ server", DebianPackage, [.. ServerCandidates]);

    public void EnsureInstalled()
    {
        _ = ServerScript;
        DataDirectories.FindBinary("Erlang runtime (erl)", DebianPackage, "/usr/bin/erl", "/usr/lib/erlang/bin/erl");
    }

    /// <summary>Erlang node name of this instance, e.g. <c>aspiremicro-messaging-1a2b3c4d@localhost</c>.</summary>
    public static string NodeName(NativeServerContext context)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(context.DataDirectory))))[..10];
        var safe = new string([.. context.InstanceName.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
        return $"aspiremicro-{safe[..Math.Min(safe.Length, 24)]}-{hash}@localhost";
    }

    public async Task<ProcessSpec> PrepareAsync(NativeServerContext context, CancellationToken ct)
    {
        if (!context.ExtraPorts.TryGetValue(DistPortName, out var distPort))
        {
            throw new ArgumentException($"RabbitMQ '{context.InstanceName}' needs an extra port named '{DistPortName}'.", nameof(context));
        }

        if (!context.ExtraPorts.TryGetValue(EpmdPortName, out var epmdPort))
        {
            throw new ArgumentException($"RabbitMQ '{context.InstanceName}' needs an extra port named '{EpmdPortName}'.", nameof(context));
        }

        var root = context.DataDirectory;
        foreach (var dir in (string[])["mnesia", "log", "home"])
        {
            DataDirectories.CreatePrivate(Path.Combine(root, dir));
        }

        var config = new StringBuilder()
            .AppendLine($"listeners.tcp.default = 127.0.0.1:{context.Port}")
            .AppendLine($"default_user = {UserName}")
            .AppendLine($"default_pass = {context.Password}")
            // guest may only log in from localhost by default; we listen on loopback only anyway.
            .AppendLine("loopback_users = none")
            .AppendLine("log.console = true")
            .AppendLine("log.console.level = info")
            .AppendLine("log.file = false");
        if (managementPlugin)
        {
            var managementPort = context.ExtraPorts.TryGetValue(ManagementPortName, out var port)
                ? port
                : throw new ArgumentException($"RabbitMQ '{context.InstanceName}' needs an extra port named '{ManagementPortName}'.", nameof(context));
            config.AppendLine("management.tcp.ip = 127.0.0.1").AppendLine($"management.tcp.port = {managementPort}");
        }

        var configFile = Path.Combine(root, "rabbitmq.conf");
        var pluginsFile = Path.Combine(root, "enabled_plugins");
        await DataDirectories.WriteSecretFileAsync(configFile, config.ToString(), ct);
        await File.WriteAllTextAsync(pluginsFile, managementPlugin ? "[rabbitmq_management].\n" : "[].\n", ct);
        await DataDirectories.GiveToServiceUserAsync(root, ServiceUser, ct);

        return new ProcessSpec("/bin/sh", ["-c", LaunchScript, ServerScript])
        {
            WorkingDirectory = root,
            RunAsUser = ServiceUser,
            Environment = new Dictionary<string, string>
            {
                ["RABBITMQ_NODENAME"] = NodeName(context),
                ["ERL_EPMD_PORT"] = $"{epmdPort}",
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false",
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = $"{context.Port}",
                ["RABBITMQ_DIST_PORT"] = $"{distPort}",
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
                ["RABBITMQ_LOGS"] = "-",
                ["RABBITMQ_CONFIG_FILE"] = configFile,
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = pluginsFile,
                // Keep the machine-wide /etc/rabbitmq files out of this instance.
                ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(root, "rabbitmq-env.conf"),
                ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(root, "advanced.config"),
                // The Erlang cookie lives in HOME; a private one per instance.
                ["HOME"] = Path.Combine(root, "home"),
                // Makes the start script exec the Erlang VM instead of running it as a background job: the VM then
                // keeps our pid and with it the parent-death signal.
                ["RUNNING_UNDER_SYSTEMD"] = "true",
            },
        };
    }

    public async Task<bool> IsReadyAsync(NativeServerContext context, CancellationToken ct)
    {
        // A full AMQP handshake and login, which only succeeds once the broker has booted and created the user.
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = context.Port,
            UserName = UserName,
            Password = context.Password,
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            ClientProvidedName = "aspiremicro-readiness",
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(ct);
            await connection.CloseAsync(ct);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException ex)
            when (context.PersistentData && ex.InnerException is RabbitMQ.Client.Exceptions.AuthenticationFailureException)
        {
            // default_pass only applies when the node is first created: a persistent node from an earlier run still
            // has the old password, so set the new one through the node's own CLI.
            await ChangePasswordAsync(context, ct);
            return false;
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    private async Task ChangePasswordAsync(NativeServerContext context, CancellationToken ct)
    {
        var cli = Path.Combine(Path.GetDirectoryName(ServerScript)!, "rabbitmqctl");
        var result = await ToolRunner.RunAsync(
            new ProcessSpec(cli, ["-n", NodeName(context), "change_password", UserName, context.Password])
            {
                RunAsUser = ServiceUser,
                WorkingDirectory = context.DataDirectory,
                // Same HOME as the node, hence the same Erlang cookie.
                Environment = new Dictionary<string, string>
                {
                    ["HOME"] = Path.Combine(context.DataDirectory, "home"),
                    ["ERL_EPMD_PORT"] = $"{context.ExtraPorts[EpmdPortName]}",
                },
            },
            ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"RabbitMQ '{context.InstanceName}': could not set the new password on the persistent node: {result.Output.Split('\n')[^1]}");
        }
    }

    public Task StopGracefullyAsync(NativeServerContext context, IChildProcess process, CancellationToken ct) =>
        // The Erlang VM answers SIGTERM with init:stop(), the same orderly shutdown `rabbitmqctl stop` asks for,
        // without booting a second VM for the CLI.
        GracefulStop.SignalThenKillAsync(process, PosixSignals.SigTerm, StopGrace, ct);

    public string BuildConnectionString(NativeServerContext context, string? database) =>
        $"amqp://{UserName}:{Uri.EscapeDataString(context.Password)}@127.0.0.1:{context.Port}";
}
