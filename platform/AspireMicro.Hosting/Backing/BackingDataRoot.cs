namespace AspireMicro.Hosting.Backing;

/// <summary>Where the orchestrator keeps the data directories of its backing servers.</summary>
public static class BackingDataRoot
{
    /// <summary>
    /// A fresh temp folder for throw-away data directories. Unlike <see cref="Directory.CreateTempSubdirectory(string?)"/>
    /// (mode 0700) it can be searched by others, because as root the servers run as the postgres / rabbitmq users,
    /// who must reach their data directories below it.
    /// </summary>
    public static string CreateTemporary(string prefix = "aspiremicro-")
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}
