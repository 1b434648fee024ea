using System.Collections.Concurrent;

namespace AspireMicro.Dashboard.Frontend.Pages;

/// <summary>UI files compiled into the assembly (LogicalName assets/{file}); cached after first read.</summary>
public static class EmbeddedAssets
{
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static byte[]? Read(string file) => Cache.GetOrAdd(file, static name =>
    {
        using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream($"assets/{name}");
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static string? ReadText(string file) => Read(file) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;
}
