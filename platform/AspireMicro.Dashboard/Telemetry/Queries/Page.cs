namespace AspireMicro.Dashboard.Telemetry.Queries;

/// <summary>One page of a server-side paged list; Total lets the UI page without loading everything.</summary>
public sealed record Page<T>(int Total, IReadOnlyList<T> Items);
