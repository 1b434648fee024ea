using System.Security.Cryptography;
using System.Text.Json;

namespace AspireMicro.Hosting;

/// <summary>
/// Remembers generated secrets so a persistent database keeps working across runs. With no file (test runs) values
/// live only in memory. Two AppHosts of the same project may start at once, so generation happens under an
/// exclusive lock file, and a value once read is cached: one run never sees two different passwords.
/// </summary>
internal sealed class ParameterValueStore(string? filePath)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _cache = [];

    public string GetOrGenerate(string name)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(name, out var cached))
            {
                return cached;
            }

            var value = filePath is null ? Generate() : GetOrGenerateInFile(filePath, name);
            _cache[name] = value;
            return value;
        }
    }

    private static string GetOrGenerateInFile(string path, string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var fileLock = AcquireLock(path + ".lock");
        var values = File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [] : [];
        if (values.TryGetValue(name, out var value))
        {
            return value;
        }

        value = Generate();
        values[name] = value;
        File.WriteAllText(path, JsonSerializer.Serialize(values, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return value;
    }

    private static FileStream AcquireLock(string lockPath)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(50);
            }
        }
    }

    // Letters and digits only: the value lands unescaped in URIs and connection strings.
    private static string Generate() => RandomNumberGenerator.GetString(Alphabet, 22);
}
