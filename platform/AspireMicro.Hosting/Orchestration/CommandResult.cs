namespace AspireMicro.Hosting.Orchestration;

public enum CommandResult
{
    Accepted,
    NotFound,
    NotApplicable,
    UnknownCommand,
}
