using AspireMicro.EventBus.Inbox;
using AspireMicro.EventBus.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AspireMicro.EventBus.Persistence;

public static class EventBusModelBuilderExtensions
{
    /// <summary>
    /// Maps the outbox and inbox tables into a service's DbContext so that its own writes, the events it
    /// enqueues and the messages it marks processed share one transaction. Create the tables with
    /// <see cref="EventBusSchema.Sql"/>.
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(EventBusSchema.OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            outbox.Property(m => m.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            outbox.Property(m => m.EventType).HasColumnName("event_type");
            outbox.Property(m => m.Payload).HasColumnName("payload");
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent");
            outbox.Property(m => m.TraceState).HasColumnName("trace_state");
            outbox.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(m => m.PublishedAt).HasColumnName("published_at");
            outbox.Property(m => m.PublishAttempts).HasColumnName("publish_attempts");
        });

        modelBuilder.Entity<ProcessedMessage>(inbox =>
        {
            inbox.ToTable(EventBusSchema.InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer");
            inbox.Property(m => m.EventType).HasColumnName("event_type");
            inbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });

        return modelBuilder;
    }
}
