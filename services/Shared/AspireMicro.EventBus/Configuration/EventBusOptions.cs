using System.ComponentModel.DataAnnotations;

namespace AspireMicro.EventBus.Configuration;

/// <summary>Settings of the event bus, bound from the <c>EventBus</c> section and validated at start-up.</summary>
public sealed class EventBusOptions
{
    public const string SectionName = "EventBus";

    /// <summary>Owner of the <c>{service}.events</c> queue and name of the consumer in the inbox table.</summary>
    [Required, RegularExpression("^[a-z][a-z0-9-]*$")]
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>
    /// amqp://user:pass@host:port, as Aspire's RabbitMQ client reads it (<c>ConnectionStrings:messaging</c>); checked
    /// here so a missing or wrong one stops the service at start-up, naming the setting.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Unacknowledged deliveries the broker hands this consumer; at least <see cref="ConsumerConcurrency"/>.</summary>
    [Range(1, 1000)]
    public ushort PrefetchCount { get; set; } = 16;

    /// <summary>
    /// Deliveries handled at once by one consumer (each in its own scope and transaction). One at a time
    /// let a busy service fall minutes behind; each handler needs a pooled database connection, so keep
    /// it well under the pool size.
    /// </summary>
    [Range(1, 64)]
    public ushort ConsumerConcurrency { get; set; } = 8;

    /// <summary>Handler attempts per message before it is dead-lettered.</summary>
    [Range(1, 20)]
    public int MaxDeliveryAttempts { get; set; } = 3;

    /// <summary>
    /// Base delay between handler attempts; attempt n waits n times this in the service's retry queue
    /// (per-message TTL), so a failing message never holds up the ones behind it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the relay looks for new outbox rows when the previous look found none.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(1, 10_000)]
    public int RelayBatchSize { get; set; } = 100;

    /// <summary>Cap of the exponential back-off used while the broker or the database is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}
