using System.Text.RegularExpressions;

namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// Names end up in environment variable names, DNS names (Kubernetes) and file names,
/// so they are restricted to what all three accept.
/// </summary>
public static partial class ResourceNameValidator
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9-]{0,62}$")]
    private static partial Regex ValidName();

    public static void ThrowIfInvalid(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !ValidName().IsMatch(name) || name.EndsWith('-') || name.Contains("--", StringComparison.Ordinal))
        {
            throw new DistributedApplicationException(
                $"Resource name '{name}' is invalid: use letters, digits and single hyphens, starting with a letter (max 63 chars).");
        }
    }
}
