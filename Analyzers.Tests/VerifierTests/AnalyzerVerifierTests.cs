using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ShutdownAnalyzers.Tests.Verifiers;
using Xunit.Sdk;
using VerifyCS = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Tests.VerifierTests.BadClassAnalyzer>;

namespace ShutdownAnalyzers.Tests.VerifierTests;

public class AnalyzerVerifierTests
{
    [Fact]
    public Task Default_markup_expects_the_first_descriptor() => VerifyCS.VerifyAnalyzerAsync("class [|Bad|] { }");

    [Fact]
    public Task Id_markup_expects_that_descriptor() => VerifyCS.VerifyAnalyzerAsync("class {|TST001:Bad|} { } class {|TST002:Worse|} { }");

    [Fact]
    public Task Indexed_markup_is_a_location_for_an_expected_diagnostic()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            "class {|#0:Bad|} { } class {|#1:Worse|} { }",
            VerifyCS.Diagnostic(BadClassAnalyzer.BadId).WithLocation(0).WithArguments("Bad"),
            VerifyCS.Diagnostic(BadClassAnalyzer.WorseId).WithLocation(1).WithMessage("Class 'Worse' has a worse name"));
    }

    [Fact]
    public Task Nested_markup_works() => VerifyCS.VerifyAnalyzerAsync("namespace N { {|#0:class [|Bad|] { }|} }");

    [Fact]
    public Task Explicit_locations_and_spans_in_named_files_work()
    {
        var test = new VerifyCS.Test
        {
            TestState = { Sources = { "class Fine { }", "\nclass Bad { }", ("Named.cs", "class Worse { }") } },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic(BadClassAnalyzer.BadId).WithLocation("Test1.cs", 2, 7),
                VerifyCS.Diagnostic(BadClassAnalyzer.WorseId).WithSpan("/0/Named.cs", 1, 7, 1, 12),
            },
        };

        return test.RunAsync();
    }

    [Fact]
    public Task Location_without_a_path_is_in_the_first_file() => VerifyCS.VerifyAnalyzerAsync("class Bad { }", VerifyCS.Diagnostic().WithSpan(1, 7, 1, 10));

    [Fact]
    public Task Diagnostics_in_another_project_are_found_by_its_folder()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class Fine { }",
            TestState = { AdditionalProjects = { ["Other"] = { Sources = { "class [|Bad|] { }" } } } },
            ExpectedDiagnostics = { VerifyCS.Diagnostic(BadClassAnalyzer.WorseId).WithLocation("Other/Test1.cs", 1, 7) },
        };
        test.TestState.AdditionalProjects["Other"].Sources.Add("class Worse { }");

        return test.RunAsync();
    }

    [Fact]
    public Task Sources_compile_against_the_driver_model_runtime()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class [|Bad|] : PciDriver
            {
                public override string Name => "bad";

                public override void Probe(PciDevice device) { }

                [PowersOff]
                public void Park(PciPowerState state, SystemState system) { }
            }
            """);
    }

    [Fact]
    public async Task Additional_references_are_compiled_against()
    {
        const string Source = "class [|Bad|] { public Xunit.FactAttribute? Fact { get; set; } }";
        var failure = await Assert.ThrowsAsync<XunitException>(() => VerifyCS.VerifyAnalyzerAsync(Source));
        Assert.Contains("error CS0246: The type or namespace name 'Xunit'", failure.Message, StringComparison.Ordinal);

        var test = new VerifyCS.Test
        {
            TestCode = Source,
            AdditionalReferences = { MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location) },
        };
        await test.RunAsync();
    }

    [Fact]
    public Task Projects_can_reference_each_other()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class [|Bad|] : Other.Base { }",
            TestState =
            {
                AdditionalProjectReferences = { "Other" },
                AdditionalProjects = { ["Other"] = { Sources = { "namespace Other; public class Base { }" } } },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Disabled_diagnostics_are_not_reported()
    {
        var test = new VerifyCS.Test { TestCode = "class Bad { }", DisabledDiagnostics = { BadClassAnalyzer.BadId } };
        return test.RunAsync();
    }

    [Fact]
    public Task A_pragma_suppressed_diagnostic_is_expected_as_suppressed()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            "#pragma warning disable TST001\nclass Bad { }",
            VerifyCS.Diagnostic().WithSpan(2, 7, 2, 10).WithIsSuppressed(true));
    }

    [Fact]
    public async Task A_missing_diagnostic_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => VerifyCS.VerifyAnalyzerAsync("class [|Good|] { }"));

        Assert.Contains("Expected but not reported (1)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/0/Test0.cs(1,7,1,11): warning TST001", failure.Message, StringComparison.Ordinal);
        Assert.Contains("1 | class Good { }", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extra_diagnostic_fails_and_says_how_to_expect_it()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => VerifyCS.VerifyAnalyzerAsync("class [|Bad|] { }\nclass Worse { }"));

        Assert.Contains("Reported but not expected (1)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/0/Test0.cs(2,7,2,12): info TST002: Class 'Worse' has a worse name", failure.Message, StringComparison.Ordinal);
        Assert.Contains("to expect it: Diagnostic(\"TST002\").WithSpan(\"/0/Test0.cs\", 2, 7, 2, 12)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_span_fails_and_names_the_difference()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => VerifyCS.VerifyAnalyzerAsync("class [|Bad |]{ }"));

        Assert.Contains("which differs: location is /0/Test0.cs(1,7,1,10), not /0/Test0.cs(1,7,1,11)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_start_position_fails()
    {
        await Assert.ThrowsAsync<XunitException>(() => VerifyCS.VerifyAnalyzerAsync("class Bad { }", VerifyCS.Diagnostic().WithLocation(1, 8)));
    }

    [Fact]
    public async Task Wrong_arguments_fail()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(
            () => VerifyCS.VerifyAnalyzerAsync("class Bad { }", VerifyCS.Diagnostic().WithLocation(1, 7).WithArguments("Good")));

        Assert.Contains("message is \"Class 'Bad' has a bad name\", not \"Class 'Good' has a bad name\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_severity_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(
            () => VerifyCS.VerifyAnalyzerAsync("class Bad { }", VerifyCS.Diagnostic().WithLocation(1, 7).WithSeverity(DiagnosticSeverity.Error)));

        Assert.Contains("severity is Warning, not Error", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_diagnostic_id_is_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => VerifyCS.Diagnostic("TST404"));

        Assert.Contains("supports TST001, TST002", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_that_does_not_compile_fails_with_the_errors()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => VerifyCS.VerifyAnalyzerAsync("class [|Bad|] { int x = y; }"));

        Assert.Contains("The source does not compile", failure.Message, StringComparison.Ordinal);
        Assert.Contains("error CS0103: The name 'y' does not exist in the current context", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Expected_compiler_errors_are_accepted()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            "class [|Bad|] { int x = y; int z = {|CS0103:w|}; }",
            DiagnosticResult.CompilerError("CS0103").WithSpan(1, 21, 1, 22).WithArguments("y"));
    }

    [Fact]
    public Task Compiler_errors_can_be_left_out_of_the_comparison()
    {
        var test = new VerifyCS.Test { TestCode = "class [|Bad|] { int x = y; }", CompilerDiagnostics = CompilerDiagnostics.None };
        return test.RunAsync();
    }

    [Fact]
    public async Task Compiler_warnings_take_part_when_asked_for()
    {
        var test = new VerifyCS.Test { TestCode = "class [|Bad|] { void M() { int unused; } }", CompilerDiagnostics = CompilerDiagnostics.Warnings };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("warning CS0168", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_version_is_applied()
    {
        var test = new VerifyCS.Test { TestCode = "namespace N;\nclass [|Bad|] { }", LanguageVersion = LanguageVersion.CSharp9 };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("CS8773", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_output_kind_is_applied()
    {
        var test = new VerifyCS.Test { TestCode = "class [|Bad|] { }", OutputKind = OutputKind.ConsoleApplication };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("CS5001", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task EditorConfig_can_raise_the_severity_to_error()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class {|#0:Bad|} { }",
            EditorConfig = "dotnet_diagnostic.TST001.severity = error",
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task EditorConfig_severity_change_is_really_seen()
    {
        var test = new VerifyCS.Test { TestCode = "class [|Bad|] { }", EditorConfig = "dotnet_diagnostic.TST001.severity = error" };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("severity is Error, not Warning", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task EditorConfig_none_suppresses_the_diagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class Bad { } class {|TST002:Worse|} { }",
            EditorConfig = "dotnet_diagnostic.TST001.severity = none",
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task EditorConfig_none_really_removes_the_diagnostic()
    {
        var test = new VerifyCS.Test { TestCode = "class [|Bad|] { }", EditorConfig = "dotnet_diagnostic.TST001.severity = none" };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("Expected but not reported (1)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Analyzer_config_files_apply_to_every_project()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class {|#0:Bad|} { }",
            AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.TST001.severity = error\n") },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error),
                VerifyCS.Diagnostic().WithLocation("Other/Test0.cs", 1, 7).WithSeverity(DiagnosticSeverity.Error),
            },
        };
        test.TestState.AdditionalProjects["Other"].Sources.Add("class Bad { }");
        return test.RunAsync();
    }

    [Fact]
    public Task A_global_config_works_too()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class Bad { }",
            AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\ndotnet_diagnostic.TST001.severity = none\n") },
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task An_analyzer_reporting_in_generated_code_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(
            () => CSharpAnalyzerVerifier<GeneratedCodeReportingAnalyzer>.VerifyAnalyzerAsync("class [|Bad|] { }"));

        Assert.Contains("with every source starting '// <auto-generated>', the analyzer still reported", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/0/Test0.cs(2,7,2,10): warning TST001", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ConfigureGeneratedCodeAnalysis", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task The_generated_code_check_can_be_skipped()
    {
        var test = new CSharpAnalyzerVerifier<GeneratedCodeReportingAnalyzer>.Test
        {
            TestCode = "class [|Bad|] { }",
            TestBehaviors = TestBehaviors.SkipGeneratedCodeCheck,
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task An_analyzer_that_throws_fails_with_the_exception()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(
            () => CSharpAnalyzerVerifier<ThrowingAnalyzer>.VerifyAnalyzerAsync("class C { }"));

        Assert.Contains("The analyzer threw an exception", failure.Message, StringComparison.Ordinal);
        Assert.Contains(ThrowingAnalyzer.ExceptionMessage, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_diagnostic_the_analyzer_does_not_declare_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(
            () => CSharpAnalyzerVerifier<UndeclaredDiagnosticAnalyzer>.VerifyAnalyzerAsync("class C { }"));

        Assert.Contains("TST911", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_without_sources_is_rejected()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => new VerifyCS.Test().RunAsync());
    }

    [Fact]
    public async Task An_unmarked_location_index_is_rejected()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => VerifyCS.VerifyAnalyzerAsync("class Bad { }", VerifyCS.Diagnostic().WithLocation(3)));

        Assert.Contains("{|#3:...|}", exception.Message, StringComparison.Ordinal);
    }
}
