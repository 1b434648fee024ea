namespace Catalog.Api.Caching;

/// <summary>How a read was served; surfaced as the X-Cache response header.</summary>
public enum CacheOutcome
{
    Hit,
    Miss,
    /// <summary>Redis was slow, down or its circuit open: the database answered directly.</summary>
    Bypass,
}
