using AspireMicro.EventBus.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>A service database with nothing but the outbox and inbox, for stand-in services.</summary>
public sealed class TestBusDbContext(DbContextOptions<TestBusDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
