using System.Text.Encodings.Web;
using System.Text.Json;

namespace AspireMicro.Dashboard.Frontend.Pages;

/// <summary>
/// Puts the data a page would fetch first into the page itself (<c>&lt;script type="application/json"
/// id="initial-data"&gt;</c>), so it can render as soon as its script runs instead of after a second round trip.
/// </summary>
public static class InitialData
{
    private const string BodyEnd = "</body>";

    // The default encoder escapes <, > and &, so no value can close the script element early.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default };

    public static string Embed<T>(string html, T data)
    {
        var json = JsonSerializer.Serialize(data, Options);
        var at = html.LastIndexOf(BodyEnd, StringComparison.Ordinal);
        var script = $"<script type=\"application/json\" id=\"initial-data\">{json}</script>\n";
        return at < 0 ? html + script : string.Concat(html.AsSpan(0, at), script, html.AsSpan(at));
    }
}
