using AspireMicro.Dashboard.Telemetry.Model;
using AspireMicro.Dashboard.Telemetry.Queries;

namespace AspireMicro.Dashboard.Frontend.Pages;

/// <summary>What /traces first shows: the resource filter's choices and the first page; Version is the store's change counter.</summary>
public sealed record TraceListInitialData(long Version, IReadOnlyList<TelemetryResource> Resources, Page<TraceSummary> Traces);
