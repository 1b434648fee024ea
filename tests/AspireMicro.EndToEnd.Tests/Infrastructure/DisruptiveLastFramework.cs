using System.Reflection;
using Xunit.Sdk;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// xUnit's own framework, with one change: test classes marked <see cref="DisruptiveAttribute"/> run after every
/// other test class, so one app serves both kinds instead of a second app started only for the restarts (about a
/// minute on two cores). xUnit v2 runs classes in the order their test cases arrive and offers no per-collection
/// class orderer; reordering the cases before its assembly runner is the documented extension point
/// (<see cref="XunitTestFrameworkExecutor.RunTestCases"/>). Within each group the order is by name, every run the same.
/// </summary>
public sealed class DisruptiveLastFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string TypeName = "AspireMicro.EndToEnd.Tests.Infrastructure.DisruptiveLastFramework";
    public const string AssemblyName = "AspireMicro.EndToEnd.Tests";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            var ordered = testCases
                .OrderBy(IsDisruptive)
                .ThenBy(c => c.TestMethod.TestClass.Class.Name, StringComparer.Ordinal)
                .ThenBy(c => c.TestMethod.Method.Name, StringComparer.Ordinal)
                .ThenBy(c => c.DisplayName, StringComparer.Ordinal)
                .ToList();
            using var runner = new XunitTestAssemblyRunner(TestAssembly, ordered, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }

        private static bool IsDisruptive(IXunitTestCase testCase) =>
            testCase.TestMethod.TestClass.Class.GetCustomAttributes(typeof(DisruptiveAttribute)).Any();
    }
}
