using System.Globalization;

namespace AspireMicro.Bench.Infrastructure;

/// <summary>The context every figure needs: cores and how busy the machine was while measuring.</summary>
public static class Machine
{
    public static string Describe() =>
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, nproc {Environment.ProcessorCount}, load average {LoadAverage()}";

    public static string LoadAverage() =>
        string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static string Seconds(double ms) => (ms / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);
}
