using System.ComponentModel.DataAnnotations;

namespace Catalog.Api.Caching;

/// <summary>Bound from "CatalogCache". Short Redis timeouts keep a hung Redis from stalling product reads.</summary>
public sealed class CatalogCacheOptions
{
    public const string SectionName = "CatalogCache";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
