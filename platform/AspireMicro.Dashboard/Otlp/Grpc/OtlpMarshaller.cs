using Google.Protobuf;
using Grpc.Core;

namespace AspireMicro.Dashboard.Otlp.Grpc;

/// <summary>
/// Protobuf marshaller whose parse failures surface as InvalidArgument. With the generated marshallers a
/// malformed payload becomes "Unknown: exception was thrown by handler", which reads like a server bug.
/// </summary>
public static class OtlpMarshaller
{
    public static Marshaller<T> For<T>(MessageParser<T> parser)
        where T : IMessage<T> =>
        Marshallers.Create(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context =>
            {
                try
                {
                    return parser.ParseFrom(context.PayloadAsReadOnlySequence());
                }
                catch (InvalidProtocolBufferException ex)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"Not a valid OTLP message: {ex.Message}"));
                }
            });
}
