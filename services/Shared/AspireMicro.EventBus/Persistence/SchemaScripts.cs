using Microsoft.EntityFrameworkCore;

namespace AspireMicro.EventBus.Persistence;

/// <summary>The DDL scripts registered for one DbContext, run in order by <see cref="SchemaInitializer{TDbContext}"/>.</summary>
public sealed class SchemaScripts<TDbContext>(IReadOnlyList<string> scripts) where TDbContext : DbContext
{
    public IReadOnlyList<string> Scripts { get; } = scripts;
}
