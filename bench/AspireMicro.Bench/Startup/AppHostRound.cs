using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Startup;

/// <summary>One AppHost in one round: when it was all healthy (null if it never was: see Failure), and its stop.</summary>
public sealed record AppHostRound(string Subject, HealthyMark? Healthy, string? Failure, StopResult Stop);
