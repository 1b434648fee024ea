using System.Collections.Concurrent;
using System.Diagnostics;

namespace AspireMicro.Bench.Infrastructure;

/// <summary>
/// An AppHost started by the bench as a child process, with its output read line by line and a clock started just
/// before the launch: the external wall time every start-up figure is measured on.
/// </summary>
public sealed class LaunchedHost : IDisposable
{
    /// <summary>Inherited by every process the host starts: finds them in /proc even after they were re-parented.</summary>
    public const string MarkerVariable = "ASPIREMICRO_BENCH_RUN";

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly ConcurrentQueue<string> _output = new();

    private LaunchedHost(Process process, Stopwatch clock, string marker)
    {
        _process = process;
        _clock = clock;
        Marker = marker;
    }

    public int Pid => _process.Id;

    /// <summary><c>NAME=value</c> as it appears in /proc/PID/environ of every process of this run.</summary>
    public string Marker { get; }

    public bool HasExited => _process.HasExited;

    public double ElapsedMs => _clock.Elapsed.TotalMilliseconds;

    /// <summary>Starts <c>dotnet {dll}</c>; <paramref name="onLine"/> sees each output line with the ms since launch.</summary>
    public static LaunchedHost Start(string dll, IReadOnlyDictionary<string, string> environment, Action<string, double> onLine)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built (bench/run.sh builds it unless BENCH_NO_BUILD=1).", dll);
        }

        var id = Guid.NewGuid().ToString("N")[..12];
        // env --default-signal=INT: a process started from a background shell inherits SIGINT as ignored (and .NET
        // keeps an ignored disposition for its children), which would turn the Ctrl+C rounds into no-ops. exec keeps
        // the pid: the pid we signal is the AppHost's.
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment[MarkerVariable] = id;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new LaunchedHost(process, clock, $"{MarkerVariable}={id}");
        void Receive(string? line)
        {
            if (line is null)
            {
                return;
            }

            host._output.Enqueue(line);
            while (host._output.Count > 400 && host._output.TryDequeue(out _))
            {
            }

            onLine(line, clock.Elapsed.TotalMilliseconds);
        }

        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    public string Tail(int lines) => string.Join('\n', _output.TakeLast(lines));

    public void Dispose() => _process.Dispose();
}
