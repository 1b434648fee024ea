using System.ComponentModel.DataAnnotations;

namespace AspireMicro.Dashboard.Configuration;

/// <summary>Browser login settings (section Dashboard:Frontend).</summary>
public sealed class FrontendOptions
{
    public const string Section = "Dashboard:Frontend";

    /// <summary>The token accepted by /login?t=. Generated and printed at start-up when not configured.</summary>
    [Required]
    [MinLength(8)]
    public string BrowserToken { get; set; } = "";
}
