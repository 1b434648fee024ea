using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Startup;

/// <summary>
/// Start-up and stop on Aspire: the full AppHost, a one-project Aspire AppHost and RabbitMQ alone (and, when given,
/// the old home-made platform) launched in turn in every round, so all see the same machine load; each AppHost is
/// then stopped with the round's signal (SIGINT, SIGTERM, SIGKILL in turn) and every process of it accounted for.
/// </summary>
public static class StartupBenchmark
{
    public const string RabbitMq = "rabbitmq alone";
    private static readonly string[] StopSignals = ["INT", "TERM", "KILL"];

    public static async Task<int> RunAsync(int rounds, string? oldPlatformCheckout)
    {
        Console.WriteLine($"# startup — {Machine.Describe()}");
        var subjects = new List<AppHostSubject> { StartupSubjects.FullAppHost(), StartupSubjects.OneProjectAppHost() };
        if (oldPlatformCheckout is not null)
        {
            subjects.Add(StartupSubjects.OldPlatformAppHost(oldPlatformCheckout));
        }

        var floors = new List<double>();
        var results = new List<(int Round, AppHostRound Result)>();
        var names = subjects.Select(s => s.Name).Prepend(RabbitMq).ToList();
        for (var round = 1; round <= rounds; round++)
        {
            var signal = StopSignals[(round - 1) % StopSignals.Length];
            // Rotate who goes first, so no subject always starts right after another's stop.
            var order = names.Skip((round - 1) % names.Count).Concat(names.Take((round - 1) % names.Count)).ToList();
            Console.WriteLine($"round {round} (stop signal SIG{signal}, order: {string.Join(", ", order)}), load {Machine.LoadAverage()}");
            foreach (var name in order)
            {
                if (name == RabbitMq)
                {
                    var floor = await RabbitMqAlone.MeasureAsync();
                    floors.Add(floor);
                    Console.WriteLine($"  {RabbitMq,-24} first AMQP connection {Machine.Seconds(floor)}");
                    continue;
                }

                var result = await subjects.Single(s => s.Name == name).RunAsync(signal);
                results.Add((round, result));
                StartupSummary.PrintRound(result);
            }
        }

        StartupSummary.Print(floors, results, subjects.Select(s => s.Name).ToList());
        Console.WriteLine($"load average after: {Machine.LoadAverage()}");
        var leftBehind = results.Sum(r => r.Result.Stop.LeftBehind);
        return leftBehind == 0 && results.All(r => r.Result.Healthy is not null) ? 0 : 1;
    }
}
