using System.Security.Cryptography;

namespace AspireMicro.IntegrationEvents;

/// <summary>
/// Time-ordered event ids: strictly increasing (by <see cref="Guid.CompareTo(Guid)"/>) within a process,
/// random in the low half. EF Core inserts the rows of one SaveChanges sorted by key, and the outbox key is
/// the event id, so increasing ids are what make the outbox sequence follow the order events were created.
/// </summary>
public static class EventIds
{
    private static long _last;

    public static Guid Next()
    {
        var now = DateTime.UtcNow.Ticks;
        long last, next;
        do
        {
            last = Interlocked.Read(ref _last);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);

        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        // Guid compares its first int, then its two shorts, as unsigned: the 64-bit counter goes there.
        return new Guid((int)(next >> 32), (short)(next >> 16), (short)next, random.ToArray());
    }
}
