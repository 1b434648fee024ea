using System.ComponentModel.DataAnnotations;

namespace Analytics.Api.Streaming;

/// <summary>Reading of the order-events stream, bound from <c>Analytics:Stream</c>.</summary>
public sealed class StreamOptions
{
    public const string SectionName = "Analytics:Stream";

    /// <summary>Unacknowledged messages in flight; RabbitMQ streams refuse consumers without a prefetch.</summary>
    [Range(1, 10_000)]
    public ushort Prefetch { get; set; } = 200;

    /// <summary>Where a fresh process starts: "first" rebuilds the figures from the whole history.</summary>
    [Required, AllowedValues("first", "last", "next")]
    public string StartOffset { get; set; } = "first";
}
