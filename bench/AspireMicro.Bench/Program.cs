using AspireMicro.Bench.Dashboard;
using AspireMicro.Bench.Gateway;
using AspireMicro.Bench.Pipeline;
using AspireMicro.Bench.Startup;

// Figures, not tests: each benchmark prints what it measured beside its baseline; the exit code only says whether
// the run itself was sound (nothing left running, nothing lost), never whether a time target was met.
var benchmark = args.FirstOrDefault() ?? "help";
int Option(string name, int fallback) =>
    Array.IndexOf(args, "--" + name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;

return benchmark switch
{
    "startup" => await StartupBenchmark.RunAsync(Option("rounds", 5)),
    "gateway" => await GatewayBenchmark.RunAsync(Option("rounds", 5), Option("connections", 16), TimeSpan.FromSeconds(Option("seconds", 10)), args.Contains("--quiet-logs")),
    "pipeline" => await PipelineBenchmark.RunAsync(Option("shoppers", 8), TimeSpan.FromSeconds(Option("seconds", 60)), TimeSpan.FromSeconds(Option("drain", 120))),
    "dashboard" => await DashboardBenchmark.RunAsync(Option("spans", 120_000), Option("logs", 50_000), Option("rounds", 5)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AspireMicro.Bench startup|gateway|pipeline|dashboard [--rounds N] [--connections N] [--seconds N] [--shoppers N] [--drain N] [--spans N] [--logs N] [--quiet-logs]");
    return 2;
}
