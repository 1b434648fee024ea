using System.Net.Sockets;
using System.Text;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Backing;

/// <summary>
/// Redis from the Debian package. Settings go in a private <c>redis.conf</c> below the data directory rather than on
/// the command line, so the password never shows in <c>ps</c>. Persistent mode keeps an append-only file there.
/// </summary>
public sealed class RedisRecipe : INativeServerRecipe
{
    private const string DebianPackage = "redis-server";
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private string? _serverPath;

    public string Kind => "redis";

    /// <summary>Where to look for the server, first match wins; settable so tests can point it elsewhere.</summary>
    public IReadOnlyList<string> ServerCandidates { get; init; } = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    public string ServerPath => _serverPath ??= DataDirectories.FindBinary("redis-server", DebianPackage, [.. ServerCandidates]);

    public void EnsureInstalled() => _ = ServerPath;

    public async Task<ProcessSpec> PrepareAsync(NativeServerContext context, CancellationToken ct)
    {
        DataDirectories.CreatePrivate(context.DataDirectory);
        var configPath = Path.Combine(context.DataDirectory, "redis.conf");
        var config = new StringBuilder()
            .AppendLine($"port {context.Port}")
            .AppendLine("bind 127.0.0.1")
            .AppendLine("daemonize no")
            .AppendLine("logfile \"\"")
            .AppendLine($"requirepass {Quote(context.Password)}")
            .AppendLine($"dir {Quote(context.DataDirectory)}")
            .AppendLine("save \"\"")
            .AppendLine(context.PersistentData ? "appendonly yes" : "appendonly no");
        await DataDirectories.WriteSecretFileAsync(configPath, config.ToString(), ct);
        return new ProcessSpec(ServerPath, [configPath]) { WorkingDirectory = context.DataDirectory };
    }

    public async Task<bool> IsReadyAsync(NativeServerContext context, CancellationToken ct)
    {
        // Raw RESP rather than a client library: AUTH then PING must answer +OK and +PONG (not -LOADING while the
        // append-only file is replayed).
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", context.Port, timeout.Token);
            var stream = client.GetStream();
            var password = Encoding.UTF8.GetBytes(context.Password);
            var request = new MemoryStream();
            request.Write(Encoding.ASCII.GetBytes($"*2\r\n$4\r\nAUTH\r\n${password.Length}\r\n"));
            request.Write(password);
            request.Write("\r\n*1\r\n$4\r\nPING\r\n"u8);
            await stream.WriteAsync(request.ToArray(), timeout.Token);
            var reply = await ReadAtLeastLinesAsync(stream, 2, timeout.Token);
            return reply.StartsWith("+OK\r\n+PONG\r\n", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public Task StopGracefullyAsync(NativeServerContext context, IChildProcess process, CancellationToken ct) =>
        // Redis treats SIGTERM as SHUTDOWN: it flushes the append-only file when persistent, then exits.
        GracefulStop.SignalThenKillAsync(process, PosixSignals.SigTerm, StopGrace, ct);

    public string BuildConnectionString(NativeServerContext context, string? database) =>
        $"127.0.0.1:{context.Port},password={context.Password}";

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static async Task<string> ReadAtLeastLinesAsync(NetworkStream stream, int lines, CancellationToken ct)
    {
        var buffer = new byte[256];
        var text = new StringBuilder();
        while (text.ToString().Split("\r\n").Length <= lines)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
