using AspireMicro.Dashboard.Frontend.Api;

namespace AspireMicro.Dashboard.Frontend.Pages;

/// <summary>What /traces/{traceId} first shows; Version is the store's change counter when it was read.</summary>
public sealed record TraceInitialData(long Version, TraceDetail Trace);
