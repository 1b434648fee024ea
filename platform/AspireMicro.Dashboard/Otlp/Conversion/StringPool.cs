using System.Collections.Concurrent;

namespace AspireMicro.Dashboard.Otlp.Conversion;

/// <summary>
/// Shares repeated strings (attribute keys, service names, common values) between stored items. With
/// 100,000 spans the same few hundred keys would otherwise be held 100,000 times each.
/// </summary>
public static class StringPool
{
    private const int MaxEntries = 100_000;
    private const int MaxLength = 128;
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public static string Share(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }

        if (value.Length > MaxLength)
        {
            return value;
        }

        if (Pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        // Once full, new strings are simply not shared: unique values (ids, timestamps) must not grow the pool forever.
        return Pool.Count < MaxEntries ? Pool.GetOrAdd(value, value) : value;
    }
}
