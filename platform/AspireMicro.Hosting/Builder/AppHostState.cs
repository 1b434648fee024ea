using System.Security.Cryptography;
using System.Text;

namespace AspireMicro.Hosting;

/// <summary>Per-AppHost folder under the user profile for remembered secrets and persistent data.</summary>
internal static class AppHostState
{
    public static string DefaultDirectory(string appHostName, string appHostDirectory)
    {
        // The hash keeps two clones of the same AppHost from sharing secrets and data.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(appHostDirectory))))[..8];
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".aspiremicro", $"{appHostName}-{hash}");
    }
}
