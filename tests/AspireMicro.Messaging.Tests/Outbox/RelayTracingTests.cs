using System.Diagnostics;
using AspireMicro.EventBus.Outbox;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AspireMicro.Messaging.Tests.Outbox;

/// <summary>
/// The relay polls every 50 ms here. With the real OpenTelemetry SDK listening to Npgsql and the bus (as
/// the service defaults do), the only spans must be those of the request that wrote a row and its publish.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class RelayTracingTests(MessagingFixture fixture) : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("AspireMicro.Messaging.Tests");
    private readonly BrokerClient _broker = new(fixture.AmqpConnectionString);
    private readonly string _service = $"tracetest-{Guid.NewGuid():N}"[..20];
    private readonly SpanCollector _spans = new();
    private string _probe = string.Empty;
    private IHost _host = null!;
    private TracerProvider? _tracing;

    private string _database = string.Empty;

    private string Database => fixture.PostgresConnectionString(_database);

    public async Task InitializeAsync()
    {
        _probe = await _broker.CreateProbeQueueAsync("OrderStockRejected");
        _host = await TestBusHost.StartAsync(fixture, _service, _ => { });
        using (var scope = _host.Services.CreateScope())
        {
            var connectionString = scope.ServiceProvider.GetRequiredService<TestBusDbContext>().Database.GetConnectionString();
            _database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        }

        // Listening starts after the schema set-up, which is start-up work and may well be traced.
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource("Npgsql", "AspireMicro.*")
            .AddProcessor(_spans)
            .Build();
    }

    public async Task DisposeAsync()
    {
        _tracing?.Dispose();
        await _host.StopAsync();
        _host.Dispose();
        await _broker.DeleteQueueAsync(_probe);
    }

    [Fact]
    public async Task Idle_polls_export_no_spans_and_a_published_row_continues_the_writer_trace()
    {
        var scansBefore = await OutboxScansAsync();
        var rejected = new OrderStockRejected(Guid.NewGuid(), "traced");
        ActivityTraceId writerTrace;
        using (var request = TestSource.StartActivity("checkout request", ActivityKind.Server))
        {
            Assert.NotNull(request);
            writerTrace = request.TraceId;
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestBusDbContext>();
            db.AddIntegrationEvent(rejected);
            await db.SaveChangesAsync();
        }

        await Eventually.GetAsync(() => _broker.DrainAsync(_probe),
            messages => messages.Any(m => m.MessageId == rejected.EventId.ToString()),
            TimeSpan.FromSeconds(30), "the row to be published");
        // Proof that the relay went on polling (and finding nothing) for a while: PostgreSQL counts the scans.
        await Eventually.GetAsync(OutboxScansAsync, scans => scans >= scansBefore + 20,
            TimeSpan.FromSeconds(60), "twenty more polls of the outbox");
        _tracing!.ForceFlush();

        var spans = _spans.Ended;
        Assert.Contains(spans, s => s.Kind == ActivityKind.Producer && s.TraceId == writerTrace
            && s.DisplayName.EndsWith("publish", StringComparison.Ordinal));
        // Other in-process activity (the fixture's own health probes) is not the relay's: keep to this service.
        var strays = spans
            .Where(s => s.TraceId != writerTrace)
            .Where(s => s.Source.Name == "AspireMicro.EventBus" || s.TagObjects.Any(t => Equals(t.Value, _database)))
            .Select(s => $"{s.Source.Name}: {s.DisplayName}")
            .ToList();
        Assert.True(strays.Count == 0, "Spans outside the writer's trace: " + string.Join("; ", strays.Take(5)));
    }

    private async Task<long> OutboxScansAsync()
    {
        // The test's own probe is not what is under test.
        using var quiet = SuppressInstrumentationScope.Begin();
        return await Sql.CountAsync(Database,
            "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'outbox_messages'");
    }
}
