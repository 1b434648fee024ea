using System.Net;
using System.Net.Sockets;

namespace AspireMicro.Hosting.Networking;

/// <summary>
/// Hands out free loopback ports that no other AppHost on this machine gets at the same time. A port is ours while
/// we hold an exclusive OS lock on <c>{LockDirectory}/{port}.lock</c>: a bind probe alone is not enough, because the
/// server that will use the port has not bound it yet when a second AppHost probes. The kernel drops the lock when
/// its owner dies, so a crashed AppHost leaves at most a stale file that the next allocator simply takes over.
/// </summary>
public sealed class PortAllocator : IDisposable
{
    public static readonly string DefaultLockDirectory = Path.Combine(Path.GetTempPath(), "aspiremicro", "ports");

    private const int MaxAttempts = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, FileStream> _held = [];
    private bool _disposed;

    public PortAllocator(string? lockDirectory = null)
    {
        LockDirectory = lockDirectory ?? DefaultLockDirectory;
        if (!Directory.Exists(LockDirectory))
        {
            Directory.CreateDirectory(LockDirectory);
            ShareWithEveryUser(LockDirectory);
        }
    }

    public string LockDirectory { get; }

    /// <summary>Ports this allocator currently holds.</summary>
    public IReadOnlyCollection<int> HeldPorts
    {
        get
        {
            lock (_gate)
            {
                return [.. _held.Keys];
            }
        }
    }

    /// <summary>A free loopback port, held until <see cref="Release"/> or disposal.</summary>
    public int Allocate()
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // The kernel picks a currently unbound port; the lock file then settles races with other AppHosts.
            var candidate = ProbeEphemeralPort();
            lock (_gate)
            {
                // The kernel may offer a port we already hold (held, not yet bound). Trying to lock it again would
                // fail against our own lock, and releasing it then would free a port our caller already uses.
                if (_held.ContainsKey(candidate))
                {
                    continue;
                }
            }

            if (!TryHold(candidate, out _))
            {
                continue;
            }

            if (IsFree(candidate))
            {
                return candidate;
            }

            Release(candidate);
        }

        throw new InvalidOperationException($"No free loopback port found after {MaxAttempts} attempts.");
    }

    /// <summary>Claims a fixed port; throws <see cref="PortInUseException"/> naming the port if it is taken.</summary>
    public void Reserve(int port)
    {
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is between 1 and 65535.");
        }

        lock (_gate)
        {
            if (_held.ContainsKey(port))
            {
                throw new PortInUseException(port, "already reserved by this AppHost");
            }
        }

        if (!TryHold(port, out var reason))
        {
            throw new PortInUseException(port, reason);
        }

        if (!IsFree(port))
        {
            Release(port);
            throw new PortInUseException(port, "another process is listening on it");
        }
    }

    public void Release(int port)
    {
        FileStream? lockFile;
        lock (_gate)
        {
            if (!_held.Remove(port, out lockFile))
            {
                return;
            }
        }

        // Delete while still holding the lock, so nobody else can be holding this very file when it goes.
        TryDelete(LockPath(port));
        lockFile.Dispose();
    }

    public void Dispose()
    {
        int[] ports;
        lock (_gate)
        {
            _disposed = true;
            ports = [.. _held.Keys];
        }

        foreach (var port in ports)
        {
            Release(port);
        }
    }

    private bool TryHold(int port, out string reason)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }

        try
        {
            // FileShare.None takes an exclusive flock on Unix; a second holder gets an IOException.
            var stream = new FileStream(LockPath(port), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            if (IsUnlinked(stream))
            {
                // The previous owner deleted the file between our open and our lock: our lock is on an orphan inode
                // while someone else may already lock a fresh file at the same path.
                stream.Dispose();
                reason = "reserved by another AppHost";
                return false;
            }

            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            stream.Flush();
            lock (_gate)
            {
                _held[port] = stream;
            }

            reason = "";
            return true;
        }
        catch (IOException)
        {
            reason = "reserved by another AppHost";
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            reason = "its reservation file is not ours to take";
            return false;
        }
    }

    private static int ProbeEphemeralPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            // Without SO_REUSEADDR a listener anywhere on the port, or a lingering connection, makes this fail too.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// AppHosts of different users on one machine must see each other's reservations, so the shared folder (and its
    /// parent) is world-writable with the sticky bit, like /tmp itself.
    /// </summary>
    private static void ShareWithEveryUser(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode likeTmp = UnixFileMode.StickyBit
            | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        foreach (var dir in new[] { directory, Path.GetDirectoryName(directory) })
        {
            try
            {
                if (dir is not null && dir.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) && dir.Length > Path.GetTempPath().Length)
                {
                    File.SetUnixFileMode(dir, likeTmp);
                }
            }
            catch (UnauthorizedAccessException)
            {
                // Someone else's folder: they made it shareable already, or we cannot help it.
            }
        }
    }

    private static bool IsUnlinked(FileStream stream)
    {
        var fd = stream.SafeFileHandle.DangerousGetHandle();
        var target = new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        return target is null || target.EndsWith(" (deleted)", StringComparison.Ordinal);
    }

    private string LockPath(int port) => Path.Combine(LockDirectory, $"{port}.lock");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
