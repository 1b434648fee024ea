using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Rendering;

/// <summary>One piece of a rendered value. Kept apart so each target escapes literals its own way and never inlines a secret.</summary>
public abstract record ValuePart;

/// <summary>Plain text from the model; the target escapes it (e.g. <c>$</c> in Compose).</summary>
public sealed record LiteralPart(string Text) : ValuePart;

/// <summary>Text already in the target's syntax (a service DNS name, a CloudFormation <c>${Db.Endpoint.Address}</c>).</summary>
public sealed record TokenPart(string Text) : ValuePart;

/// <summary>A parameter's value: only ever rendered as a reference (secret, env interpolation), never resolved.</summary>
public sealed record ParameterPart(ParameterResource Parameter) : ValuePart;
