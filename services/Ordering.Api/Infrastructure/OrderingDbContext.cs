using AspireMicro.EventBus.Persistence;
using Microsoft.EntityFrameworkCore;
using Ordering.Api.Domain;

namespace Ordering.Api.Infrastructure;

/// <summary>Orders plus the outbox/inbox tables, so state changes and their events commit together.</summary>
public sealed class OrderingDbContext(DbContextOptions<OrderingDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.ToTable("orders");
            order.HasKey(o => o.Id);
            order.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
            order.Property(o => o.BuyerId).HasColumnName("buyer_id");
            order.Property(o => o.Status).HasColumnName("status").HasConversion<string>();
            order.Property(o => o.Total).HasColumnName("total").HasPrecision(18, 2);
            order.Property(o => o.CancellationReason).HasColumnName("cancellation_reason");
            order.Property(o => o.IdempotencyKey).HasColumnName("idempotency_key");
            order.Property(o => o.RequestHash).HasColumnName("request_hash");
            order.Property(o => o.CreatedAt).HasColumnName("created_at");
            order.Property(o => o.UpdatedAt).HasColumnName("updated_at");
            order.HasMany(o => o.Items).WithOne().HasForeignKey(i => i.OrderId);
        });

        modelBuilder.Entity<OrderItem>(item =>
        {
            item.ToTable("order_items");
            item.HasKey(i => new { i.OrderId, i.LineNumber });
            item.Property(i => i.OrderId).HasColumnName("order_id");
            item.Property(i => i.LineNumber).HasColumnName("line_no").ValueGeneratedNever();
            item.Property(i => i.ProductId).HasColumnName("product_id");
            item.Property(i => i.ProductName).HasColumnName("product_name");
            item.Property(i => i.UnitPrice).HasColumnName("unit_price").HasPrecision(18, 2);
            item.Property(i => i.Quantity).HasColumnName("quantity");
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
