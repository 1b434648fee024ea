namespace AspireMicro.Bench.Startup;

/// <param name="WallMs">The bench's clock: launch of <c>dotnet</c> to the line that says all is healthy.</param>
/// <param name="Resources">How many resources (replicas counted) that line covers.</param>
/// <param name="SelfReportedSeconds">The AppHost's own figure (since its process started), when it prints one.</param>
public sealed record HealthyMark(double WallMs, int Resources, double? SelfReportedSeconds);
