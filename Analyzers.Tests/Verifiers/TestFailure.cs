using Xunit.Sdk;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>How the verifier fails a test: with xunit's own exception, so runners show the message as is.</summary>
internal static class TestFailure
{
    public static XunitException Create(string message) => new(message);
}
