using System.Diagnostics;
using System.Net;
using AspireMicro.Messaging.Tests.Infrastructure;
using AspireMicro.Messaging.Tests.Ordering;
using Ordering.Api.Infrastructure;
using Xunit.Abstractions;

namespace AspireMicro.Messaging.Tests.Outbox;

/// <summary>Ordering under WithReplicas(2): one database, two processes starting and relaying together.</summary>
[Collection(MessagingCollection.Name)]
public sealed class TwoReplicaTests(MessagingFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const int OrdersPerReplica = 50;
    private readonly string _database = MessagingFixture.UniqueDatabaseName("ordering");
    private readonly BrokerClient _broker = new(fixture.AmqpConnectionString);
    private string _probe = string.Empty;

    public async Task InitializeAsync() => _probe = await _broker.CreateProbeQueueAsync("OrderSubmitted");

    public Task DisposeAsync() => _broker.DeleteQueueAsync(_probe);

    [Fact]
    public async Task Two_replicas_start_together_on_one_database_and_every_row_is_published()
    {
        // Both hosts run their schema script at the same moment; the advisory lock must serialise them.
        var replicas = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var factory = Services.Ordering(fixture, _database);
            return (Factory: factory, Client: factory.CreateClient());
        })));

        try
        {
            var clock = Stopwatch.StartNew();
            // Eight callers per replica at a time, like a gateway in front of them would send.
            var responses = await Task.WhenAll(replicas.Select(r => PlaceOrdersAsync(r.Client, parallelism: 8)));
            var accepted = clock.Elapsed;
            Assert.All(responses.SelectMany(r => r), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

            var connection = fixture.PostgresConnectionString(_database);
            await Eventually.GetAsync(
                () => Sql.CountAsync(connection, "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL"),
                unpublished => unpublished == 0, TimeSpan.FromSeconds(60), "both relays to drain the outbox");
            var drained = clock.Elapsed;

            var committed = await Sql.ColumnAsync(connection,
                "SELECT id FROM outbox_messages WHERE event_type = 'OrderSubmitted'");
            var delivered = await _broker.DrainAsync(_probe);
            Assert.Equal(2 * OrdersPerReplica, committed.Count);
            Assert.Equal(committed.Order(), delivered.Select(m => m.MessageId!).Distinct().Order());
            // SKIP LOCKED hands each row to one relay, so no row should have gone out twice.
            Assert.Equal(committed.Count, delivered.Count);
            output.WriteLine($"{2 * OrdersPerReplica} orders accepted in {accepted.TotalMilliseconds:F0} ms, " +
                $"all {2 * committed.Count} outbox rows confirmed by {drained.TotalMilliseconds:F0} ms");
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.Factory.DisposeAsync();
            }
        }
    }

    private static async Task<List<HttpResponseMessage>> PlaceOrdersAsync(HttpClient client, int parallelism)
    {
        var responses = new System.Collections.Concurrent.ConcurrentBag<HttpResponseMessage>();
        await Parallel.ForEachAsync(Enumerable.Range(0, OrdersPerReplica),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (_, ct) => responses.Add(await client.SendAsync(
                OrderRequests.Post(OrderRequests.Body("buyer-replicas"), Guid.NewGuid().ToString()), ct)));
        return [.. responses];
    }
}
