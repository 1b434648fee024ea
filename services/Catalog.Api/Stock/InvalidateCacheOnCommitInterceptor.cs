using System.Data.Common;
using Catalog.Api.Caching;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Catalog.Api.Stock;

/// <summary>
/// Evicts cached products only after the stock change is committed. Evicting earlier would let a read
/// in between put the old stock level straight back into Redis for a whole TTL.
/// </summary>
public sealed class InvalidateCacheOnCommitInterceptor(ChangedProducts changed, CatalogItemCache cache) : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await cache.InvalidateAsync(changed.TakeAll(), cancellationToken);
        await base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        changed.TakeAll();
        return base.TransactionRolledBackAsync(transaction, eventData, cancellationToken);
    }
}
