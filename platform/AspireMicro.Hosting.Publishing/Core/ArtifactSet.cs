using System.Text;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// Every file of one publish, built fully in memory before anything touches the disk, so a model the target
/// cannot express fails before the first byte is written. Ordinal path order keeps the output deterministic.
/// </summary>
public sealed class ArtifactSet
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Adds a text file; line endings are normalised to LF so output does not depend on the OS.</summary>
    public void Add(string relativePath, string content)
    {
        var normalized = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.EndsWith('\n'))
        {
            normalized += "\n";
        }

        if (!_files.TryAdd(relativePath.Replace('\\', '/'), Utf8NoBom.GetBytes(normalized)))
        {
            throw new InvalidOperationException($"Artifact '{relativePath}' was generated twice.");
        }
    }
}
