using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting;

public interface IResourceBuilder<out T> where T : IResource
{
    T Resource { get; }

    IDistributedApplicationBuilder ApplicationBuilder { get; }

    IResourceBuilder<T> WithAnnotation(IResourceAnnotation annotation);
}
