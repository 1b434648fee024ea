using AspireMicro.Bench.Gateway;
using AspireMicro.Bench.Startup;

// Figures, not tests: each benchmark prints what it measured beside its baseline; the exit code only says whether
// the run itself was sound (nothing left running), never whether a time target was met.
// The pipeline benchmark measured the deleted home-made platform and is being ported to Aspire (bench/README.md).
var benchmark = args.FirstOrDefault() ?? "help";
int Option(string name, int fallback) =>
    Array.IndexOf(args, "--" + name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
string? Text(string name) =>
    Array.IndexOf(args, "--" + name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

var rounds = Option("rounds", 5);
return benchmark switch
{
    "startup" when rounds >= 1 => await StartupBenchmark.RunAsync(
        rounds,
        Text("old-platform") ?? (Environment.GetEnvironmentVariable("BENCH_OLD_PLATFORM") is { Length: > 0 } dir ? dir : null)),
    "gateway" when rounds >= 1 => await GatewayBenchmark.RunAsync(
        rounds, Option("connections", 32), TimeSpan.FromSeconds(Option("seconds", 10)), Text("telemetry") != "off"),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AspireMicro.Bench startup [--rounds N] [--old-platform DIR] | gateway [--rounds N] [--connections C] [--seconds S] [--telemetry on|off]");
    return 2;
}
