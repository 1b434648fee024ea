using System.Security.Cryptography;
using System.Text.Json;

namespace AspireMicro.Hosting;

/// <summary>
/// Remembers generated secrets so a persistent database keeps working across runs.
/// With no file (test runs) values live only in memory.
/// </summary>
internal sealed class ParameterValueStore(string? filePath)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _memory = [];

    public string GetOrGenerate(string name)
    {
        lock (_gate)
        {
            var values = Load();
            if (!values.TryGetValue(name, out var value))
            {
                // Letters and digits only: the value lands unescaped in URIs and connection strings.
                value = RandomNumberGenerator.GetString(Alphabet, 22);
                values[name] = value;
                Save(values);
            }

            return value;
        }
    }

    private Dictionary<string, string> Load()
    {
        if (filePath is null || !File.Exists(filePath))
        {
            return filePath is null ? _memory : [];
        }

        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(filePath)) ?? [];
    }

    private void Save(Dictionary<string, string> values)
    {
        if (filePath is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        File.WriteAllText(filePath, JsonSerializer.Serialize(values, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(filePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
