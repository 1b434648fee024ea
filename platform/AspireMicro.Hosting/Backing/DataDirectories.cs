using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Backing;

/// <summary>File-system chores shared by the recipes: private dirs, secret files, handing a tree to a service user.</summary>
internal static class DataDirectories
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> readable by its owner only (it may hold passwords and sockets).</summary>
    public static string CreatePrivate(string path)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        return path;
    }

    public static async Task WriteSecretFileAsync(string path, string content, CancellationToken ct)
    {
        await File.WriteAllTextAsync(path, content, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// When we run as root, servers run as their own service user (postgres refuses root, RabbitMQ expects its user),
    /// so the tree must belong to that user. As anyone else the server runs as us and owns it already.
    /// </summary>
    public static async Task GiveToServiceUserAsync(string path, string user, CancellationToken ct)
    {
        if (!PosixSignals.IsRoot)
        {
            return;
        }

        EnsureSearchableByOthers(path, user);
        var result = await ToolRunner.RunAsync(new ProcessSpec("chown", ["-R", $"{user}:{user}", path]), ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"chown of '{path}' to '{user}' failed: {result.Output}");
        }
    }

    /// <summary>A service user can only reach its data directory if every folder above it lets others search it.</summary>
    private static void EnsureSearchableByOthers(string path, string user)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        for (var dir = Directory.GetParent(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
        {
            if ((File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"The '{user}' user cannot reach '{path}': '{dir.FullName}' is not searchable by others (chmod o+x it, or use BackingDataRoot.CreateTemporary).");
            }
        }
    }

    /// <summary>The first of <paramref name="candidates"/> that exists, or a one-line error naming the package.</summary>
    public static string FindBinary(string description, string debianPackage, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new MissingPrerequisiteException(
            $"{description} not found ({string.Join(", ", candidates)}): install the Debian package '{debianPackage}' (apt-get install -y {debianPackage}).",
            debianPackage);
    }
}
