namespace Catalog.Api.Caching;

/// <summary>Why a read skipped Redis; surfaced as the X-Cache-Bypass response header so operators (and tests) can tell a
/// slow Redis from an open circuit without timing requests.</summary>
public enum CacheBypassReason
{
    None,
    /// <summary>Redis did not answer within the pipeline's timeout.</summary>
    Timeout,
    /// <summary>The circuit breaker is open: Redis was not asked at all.</summary>
    CircuitOpen,
    /// <summary>Redis refused or the connection failed.</summary>
    Error,
}
