namespace AspireMicro.Dashboard.Telemetry.Model;

public static class SpanStatus
{
    public const string Unset = "Unset";
    public const string Ok = "Ok";
    public const string Error = "Error";
}
