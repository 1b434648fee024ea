using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspireMicro.Hosting.NativeStores;

/// <summary>
/// What the native stores of one app model share: this run's private folder (ephemeral data and the launcher
/// scripts), the stable folder for <c>WithDataDirectory()</c>, and the programs found on the machine. One per builder.
/// </summary>
internal sealed class NativeStoresRun
{
    private const string RunPrefix = "run-";
    private readonly IDistributedApplicationBuilder _builder;
    private readonly Dictionary<NativeStoreKind, IReadOnlyDictionary<string, string>> _programs = [];
    private bool _prepared;

    private NativeStoresRun(IDistributedApplicationBuilder builder)
    {
        _builder = builder;
        Binaries = new NativeBinaries(builder.Configuration);
        var pid = Environment.ProcessId;
        // pid + start time name the owning process unambiguously (pids are reused); the random part keeps two app
        // models of one process (tests) apart.
        RunFolder = Path.Combine(EphemeralRoot, $"{RunPrefix}{pid}-{Posix.StartTime(pid) ?? 0}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var appHostKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.AppHostDirectory)))[..10];
        var appName = Sanitize(builder.Environment.ApplicationName);
        StableFolder = Path.Combine(StableRoot, $"{appName}-{appHostKey}");
    }

    /// <summary>/tmp/aspiremicro-native-stores-UID: every run's private folder lives below it.</summary>
    public static string EphemeralRoot => Path.Combine(Path.GetTempPath(), $"aspiremicro-native-stores-{Posix.EffectiveUserId}");

    /// <summary>Where <c>WithDataDirectory()</c> keeps data: reachable by the service users when we are root.</summary>
    public static string StableRoot => Posix.IsRoot
        ? "/var/lib/aspiremicro/native-stores"
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "aspiremicro", "native-stores");

    public string RunFolder { get; }

    public string StableFolder { get; }

    public NativeBinaries Binaries { get; }

    public string EphemeralDataFolder(string resourceName) => Path.Combine(RunFolder, Sanitize(resourceName));

    public string StableDataFolder(string resourceName) => Path.Combine(StableFolder, Sanitize(resourceName));

    public string LauncherPath(NativeStoreKind kind) => Path.Combine(RunFolder, "launchers", $"{kind.ToString().ToLowerInvariant()}.sh");

    /// <summary>The programs of a kind found by <see cref="PrepareAsync"/> (run mode only), as launcher variables.</summary>
    public IReadOnlyDictionary<string, string> Programs(NativeStoreKind kind) =>
        _programs.TryGetValue(kind, out var programs)
            ? programs
            : throw new InvalidOperationException($"The native {kind} programs were not looked up: the app is not in run mode.");

    public static NativeStoresRun For(IDistributedApplicationBuilder builder)
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(NativeStoresRun))?.ImplementationInstance is NativeStoresRun existing)
        {
            return existing;
        }

        StartupErrors.PrintOneLineWhenUnhandled();
        var run = new NativeStoresRun(builder);
        builder.Services.AddSingleton(run);
        builder.Services.AddSingleton(sp => new RunFolderCleanup(
            run.RunFolder, sp.GetRequiredService<ILoggerFactory>().CreateLogger("AspireMicro.Hosting.NativeStores")));
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) => run.PrepareAsync(e.Services, ct));
        return run;
    }

    /// <summary>
    /// Run mode, before anything starts: sweeps the folders of dead runs, finds the programs (a missing one is a
    /// one-line error naming its package), writes the launchers, and removes this run's folder when the app stops.
    /// </summary>
    private async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        if (_prepared || !_builder.ExecutionContext.IsRunMode)
        {
            return;
        }

        _prepared = true;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AspireMicro.Hosting.NativeStores");
        var stores = _builder.Resources.OfType<NativeStoreResource>().ToList();
        if (stores.Count == 0)
        {
            return;
        }

        foreach (var kind in stores.Select(s => s.Kind).Distinct())
        {
            _programs[kind] = FindPrograms(kind);
        }

        SweepDeadRuns(logger);
        CreateSearchable(EphemeralRoot);
        CreateSearchable(RunFolder);
        CreateSearchable(Path.Combine(RunFolder, "launchers"));
        foreach (var kind in _programs.Keys)
        {
            await WriteLauncherAsync(kind, ct);
        }

        if (stores.Any(s => s.IsPersistent))
        {
            foreach (var store in stores.Where(s => s.IsPersistent))
            {
                CreateSearchableParents(store.DataDirectory);
            }
        }

        // Removed once the app has stopped its processes: when the host stops, and at the latest when its services are
        // disposed (the testing builder's DisposeAsync does not always raise ApplicationStopped). The cleanup object is
        // created here, after the orchestrator, so the container disposes it after the orchestrator.
        var cleanup = services.GetRequiredService<RunFolderCleanup>();
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(cleanup.Delete);
    }

    private Dictionary<string, string> FindPrograms(NativeStoreKind kind)
    {
        var setpriv = Binaries.Setpriv();
        switch (kind)
        {
            case NativeStoreKind.Postgres:
                var (bin, version) = Binaries.Postgres();
                return new() { ["NATIVE_STORE_BIN"] = bin, ["version"] = version, ["setpriv"] = setpriv };
            case NativeStoreKind.Redis:
                var server = Binaries.RedisServer();
                return new() { ["NATIVE_STORE_SERVER"] = server, ["version"] = NativeBinaries.RedisVersion(server), ["setpriv"] = setpriv };
            case NativeStoreKind.RabbitMQ:
                var script = Binaries.RabbitMQServer();
                Binaries.Erl();
                return new()
                {
                    ["NATIVE_STORE_SERVER"] = script,
                    ["NATIVE_STORE_EPMD"] = Binaries.Epmd(),
                    ["version"] = NativeBinaries.RabbitMQVersion(script),
                    ["setpriv"] = setpriv,
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private async Task WriteLauncherAsync(NativeStoreKind kind, CancellationToken ct)
    {
        var name = $"AspireMicro.Hosting.NativeStores.Launchers.{kind.ToString().ToLowerInvariant()}.sh";
        await using var source = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Launcher '{name}' is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        var path = LauncherPath(kind);
        await using (var target = File.Create(path))
        {
            await source.CopyToAsync(target, ct);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Removes the folders of runs whose AppHost is gone (killed before it could clean up).</summary>
    private static void SweepDeadRuns(ILogger logger)
    {
        if (!Directory.Exists(EphemeralRoot))
        {
            return;
        }

        foreach (var dir in Directory.GetDirectories(EphemeralRoot, RunPrefix + "*"))
        {
            var parts = Path.GetFileName(dir)[RunPrefix.Length..].Split('-');
            if (parts.Length == 3 && int.TryParse(parts[0], out var pid) && long.TryParse(parts[1], out var started)
                && Posix.StartTime(pid) is { } actual && actual == started)
            {
                continue; // its AppHost still runs
            }

            logger.LogInformation("Removing the native stores' data of a run that has ended: {Folder}", dir);
            DeleteQuietly(dir, logger);
        }
    }

    private static void CreateSearchable(string path)
    {
        Directory.CreateDirectory(path);
        // The service users (postgres, rabbitmq) must reach their folders below; they cannot list this one.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    private static void CreateSearchableParents(string dataDirectory)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(dataDirectory));
        if (parent is not null && !Directory.Exists(parent))
        {
            Directory.CreateDirectory(parent);
        }
    }

    internal sealed class RunFolderCleanup(string folder, ILogger logger) : IDisposable
    {
        private int _done;

        public void Delete()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                DeleteQuietly(folder, logger);
            }
        }

        public void Dispose() => Delete();
    }

    private static void DeleteQuietly(string path, ILogger logger)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not remove {Folder}: {Message}", path, ex.Message);
        }
    }

    internal static string Sanitize(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
}
