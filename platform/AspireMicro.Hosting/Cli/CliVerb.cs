namespace AspireMicro.Hosting;

internal enum CliVerb
{
    Run,
    Publish,
    Help,
    Invalid,
}
