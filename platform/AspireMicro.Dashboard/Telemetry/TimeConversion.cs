namespace AspireMicro.Dashboard.Telemetry;

public static class TimeConversion
{
    public static DateTimeOffset FromUnixNano(long unixNano) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixNano / 100);

    public static double ToUnixMilliseconds(long unixNano) => unixNano / 1_000_000.0;
}
