using Aspire.Hosting;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// Puts an <see cref="ArtifactSet"/> into the output folder without leaving half a publish behind:
/// files are written to a staging folder inside the output first, then moved over the previous ones.
/// Files a previous publish of the same target wrote but this one does not are removed (they are listed in
/// <c>.aspiremicro-{target}.files</c>); anything else in the folder belongs to the user and is left alone.
/// </summary>
public static class ArtifactWriter
{
    public static void Commit(string outputDirectory, string target, ArtifactSet artifacts)
    {
        var output = Path.GetFullPath(outputDirectory);
        var createdOutput = !Directory.Exists(output);
        var staging = Path.Combine(output, $".aspiremicro-staging-{target}");
        var listFile = $".aspiremicro-{target}.files";
        try
        {
            Directory.CreateDirectory(output);
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            foreach (var (path, bytes) in artifacts.Files)
            {
                var file = Path.Combine(staging, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
            }

            File.WriteAllLines(Path.Combine(staging, listFile), artifacts.Files.Keys);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            if (createdOutput)
            {
                TryDelete(output);
            }

            throw new DistributedApplicationException($"Cannot write to output directory '{output}': {ex.Message}", ex);
        }

        var previous = ReadPreviousList(Path.Combine(output, listFile));
        foreach (var path in artifacts.Files.Keys.Append(listFile))
        {
            var destination = Path.Combine(output, path);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(Path.Combine(staging, path), destination, overwrite: true);
        }

        foreach (var stale in previous.Where(p => !artifacts.Files.ContainsKey(p)))
        {
            var file = Path.GetFullPath(Path.Combine(output, stale));
            // The list is a file in the user's folder: never follow it outside the output directory.
            if (file.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(file))
            {
                File.Delete(file);
            }
        }

        TryDelete(staging);
    }

    private static string[] ReadPreviousList(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one worth reporting.
        }
    }
}
