using AspireMicro.EventBus.Inbox;
using AspireMicro.EventBus.Outbox;
using AspireMicro.EventBus.Persistence;
using Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<CatalogItem> Items => Set<CatalogItem>();
    public DbSet<StockReservation> Reservations => Set<StockReservation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CatalogItem>(item =>
        {
            item.ToTable("catalog_items");
            item.HasKey(i => i.Id);
            // Ids are assigned by the deterministic seed so they are stable across databases and tests.
            item.Property(i => i.Id).ValueGeneratedNever();
            item.Property(i => i.Name).HasMaxLength(200).IsRequired();
            item.Property(i => i.Description).HasMaxLength(1000).IsRequired();
            item.Property(i => i.Brand).HasMaxLength(100).IsRequired();
            item.Property(i => i.Category).HasMaxLength(100).IsRequired();
            item.Property(i => i.Price).HasPrecision(18, 2);
            item.HasIndex(i => i.Name);
            item.ToTable(t => t.HasCheckConstraint("ck_catalog_items_stock_non_negative", "\"AvailableStock\" >= 0"));
        });

        modelBuilder.Entity<StockReservation>(reservation =>
        {
            reservation.ToTable("stock_reservations");
            reservation.HasKey(r => new { r.OrderId, r.ProductId });
        });

        // The EventBus creates its own outbox/inbox tables (EventBusSchema.Sql); migrations must not fight it.
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<OutboxMessage>().ToTable(EventBusSchema.OutboxTable, t => t.ExcludeFromMigrations());
        modelBuilder.Entity<ProcessedMessage>().ToTable(EventBusSchema.InboxTable, t => t.ExcludeFromMigrations());
    }
}
