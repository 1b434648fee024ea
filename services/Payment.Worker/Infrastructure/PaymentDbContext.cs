using AspireMicro.EventBus.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Payment.Worker.Infrastructure;

public sealed class PaymentDbContext(DbContextOptions<PaymentDbContext> options) : DbContext(options)
{
    public DbSet<Domain.Payment> Payments => Set<Domain.Payment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Domain.Payment>(payment =>
        {
            payment.ToTable("payments");
            payment.HasKey(p => p.OrderId);
            payment.Property(p => p.OrderId).HasColumnName("order_id").ValueGeneratedNever();
            payment.Property(p => p.Amount).HasColumnName("amount").HasPrecision(18, 2);
            payment.Property(p => p.Succeeded).HasColumnName("succeeded");
            payment.Property(p => p.FailureReason).HasColumnName("failure_reason");
            payment.Property(p => p.ProcessedAt).HasColumnName("processed_at");
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
