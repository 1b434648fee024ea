using System.Text;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// The env-style file the user copies and fills in with parameter values (<c>.env</c>, <c>parameters.env</c>):
/// names only, never values, so no secret is ever part of the published artifacts.
/// </summary>
public static class ParameterTemplate
{
    /// <summary>Adds <paramref name="path"/> with one empty <c>NAME=</c> line per variable; nothing when there are none.</summary>
    public static void AddTo(ArtifactSet artifacts, string path, string header, IEnumerable<string> variables)
    {
        var text = new StringBuilder(header);
        var any = false;
        foreach (var variable in variables)
        {
            text.Append(variable).Append("=\n");
            any = true;
        }

        if (any)
        {
            artifacts.Add(path, text.ToString());
        }
    }
}
