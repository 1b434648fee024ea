namespace AspireMicro.Dashboard.Frontend.Api;

/// <summary>Maps the level filter to the minimum OTLP severity number.</summary>
public static class LogLevels
{
    private static readonly Dictionary<string, int> Minimums = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Trace"] = 1,
        ["Debug"] = 5,
        ["Information"] = 9,
        ["Warning"] = 13,
        ["Error"] = 17,
        ["Critical"] = 21,
    };

    public static IEnumerable<string> Names => Minimums.Keys;

    public static int? MinimumSeverity(string? level) =>
        string.IsNullOrEmpty(level) ? 0 : Minimums.TryGetValue(level, out var minimum) ? minimum : null;
}
