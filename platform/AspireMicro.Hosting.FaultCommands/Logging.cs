using Microsoft.Extensions.Logging;

namespace AspireMicro.Hosting.FaultCommands;

internal static partial class Logging
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Sent signal {Signal} to '{Resource}' ({Count} processes).")]
    public static partial void LogSignal(this ILogger logger, string resource, int signal, int count);
}
