using System.IO.Compression;

namespace AspireMicro.Dashboard.Otlp.Http;

/// <summary>Reads an OTLP/HTTP body, honouring Content-Encoding: gzip (which exporters may enable).</summary>
public static class OtlpHttpBody
{
    private const int MaxBodyBytes = 64 * 1024 * 1024;

    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        try
        {
            if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
            {
                await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress);
                await CopyBoundedAsync(gzip, buffer, ct);
            }
            else
            {
                await CopyBoundedAsync(request.Body, buffer, ct);
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static async Task CopyBoundedAsync(Stream source, MemoryStream target, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (target.Length + read > MaxBodyBytes)
            {
                throw new InvalidDataException("body too large");
            }

            target.Write(chunk, 0, read);
        }
    }
}
