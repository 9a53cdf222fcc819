using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Bench.BodyReadingFloor;
using ShutdownAnalyzers.Bench.CallResolvingFloor;
using ShutdownAnalyzers.Bench.TypeEndFloor;
using Xunit;

namespace ShutdownAnalyzers.Tests.Benchmarks;

/// <summary>
/// The floors the overhead benchmarks measure the SHD analyzers against must run in a command-line
/// build: csc without <c>/errorlog</c> skips every analyzer whose diagnostics are all Hidden or Info
/// (the compiler's severity filter), and a floor skipped that way reads as free.
/// </summary>
public sealed class FloorAnalyzerTests
{
    public static IEnumerable<object[]> Floors()
    {
        yield return new object[] { new ReadsEveryBodyAnalyzer() };
        yield return new object[] { new ResolvesEveryCallAnalyzer() };
        yield return new object[] { new WaitsForEveryDriverTypeAnalyzer() };
    }

    [Theory]
    [MemberData(nameof(Floors))]
    public void A_floor_has_a_warning_so_command_line_builds_run_it(DiagnosticAnalyzer floor)
    {
        Assert.NotEmpty(floor.SupportedDiagnostics);
        Assert.All(floor.SupportedDiagnostics, descriptor =>
        {
            Assert.True(descriptor.IsEnabledByDefault, $"{descriptor.Id} is off by default");
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        });
    }
}
