namespace AspireMicro.Hosting.Processes;

public enum LogStream
{
    StdOut,
    StdErr,
}
