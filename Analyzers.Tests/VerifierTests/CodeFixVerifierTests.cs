using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Tests.Verifiers;
using Xunit.Sdk;
using VerifyCS = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Tests.VerifierTests.BadClassAnalyzer,
    ShutdownAnalyzers.Tests.VerifierTests.RenameBadCodeFix>;

namespace ShutdownAnalyzers.Tests.VerifierTests;

public class CodeFixVerifierTests
{
    private const CodeFixTestBehaviors OnlyDocumentScope = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
    private const CodeFixTestBehaviors OnlyProjectScope = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
    private const CodeFixTestBehaviors OnlySolutionScope = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck;

    [Fact]
    public Task A_single_fix_is_applied() => VerifyCS.VerifyCodeFixAsync("class [|Bad|] { }", "class Good { }");

    [Fact]
    public Task A_fix_with_an_explicit_expected_diagnostic() =>
        VerifyCS.VerifyCodeFixAsync("class Bad { }", VerifyCS.Diagnostic().WithSpan(1, 7, 1, 10).WithArguments("Bad"), "class Good { }");

    [Fact]
    public async Task A_wrong_fixed_code_fails_with_a_diff()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(
            () => VerifyCS.VerifyCodeFixAsync("class A { }\nclass [|Bad|] { }\nclass B { }", "class A { }\nclass Nice { }\nclass B { }"));

        Assert.Contains("Applying code fixes one at a time does not produce FixedState", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- class Nice { }", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+ class Good { }", failure.Message, StringComparison.Ordinal);
        Assert.Contains("  class A { }", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Rename to Fine' (EquivalenceKey \"RenameToFine\")", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whitespace_difference_is_pointed_out()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => VerifyCS.VerifyCodeFixAsync("class [|Bad|] { }", "class Good { } "));

        Assert.Contains("differ only in whitespace", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- class Good { }·", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Line_endings_do_not_matter() => VerifyCS.VerifyCodeFixAsync("class A { }\r\nclass [|Bad|] { }\r\n", "class A { }\nclass Good { }\n");

    [Fact]
    public Task A_fix_is_chosen_by_equivalence_key()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class [|Bad|] { }",
            FixedCode = "class Fine { }",
            CodeActionEquivalenceKey = RenameBadCodeFix.RenameToFineKey,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_fix_is_chosen_by_index()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class [|Bad|] { }",
            FixedCode = "class Fine { }",
            CodeActionIndex = 1,
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task An_index_and_a_key_that_disagree_fail()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class [|Bad|] { }",
            FixedCode = "class Fine { }",
            CodeActionIndex = 1,
            CodeActionEquivalenceKey = RenameBadCodeFix.RenameToGoodKey,
        };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("CodeActionIndex 1 selects 'Rename to Fine'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_equivalence_key_no_action_has_applies_nothing_and_fails()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class [|Bad|] { }",
            FixedCode = "class Good { }",
            CodeActionEquivalenceKey = "NoSuchKey",
        };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("selecting CodeActionEquivalenceKey \"NoSuchKey\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Rename to Good' (EquivalenceKey \"RenameToGood\")", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Without_fixed_code_the_fix_must_change_nothing()
    {
        // TST002 has no fix: the fixed state inherits the test state's sources and diagnostics.
        return new VerifyCS.Test { TestCode = "class {|TST002:Worse|} { }" }.RunAsync();
    }

    [Fact]
    public async Task The_fixed_code_must_compile()
    {
        // Renaming Bad to Good clashes with the existing Good: CS0101.
        var failure = await Assert.ThrowsAsync<XunitException>(
            () => VerifyCS.VerifyCodeFixAsync("class [|Bad|] { }\nclass Good { }", "class Good { }\nclass Good { }"));

        Assert.Contains("FixedState: the reported diagnostics do not match", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The source does not compile", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CS0101", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Remaining_diagnostics_are_expected_in_the_fixed_state()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class [|Bad|] { }\nclass {|TST002:Worse|} { }",
            FixedCode = "class Good { }\nclass {|#0:Worse|} { }",
            FixedState = { ExpectedDiagnostics = { VerifyCS.Diagnostic(BadClassAnalyzer.WorseId).WithLocation(0) } },
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task An_unexpected_remaining_diagnostic_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(
            () => VerifyCS.VerifyCodeFixAsync("class [|Bad|] { }\nclass {|TST002:Worse|} { }", "class Good { }\nclass Worse { }"));

        Assert.Contains("FixedState: the reported diagnostics do not match", failure.Message, StringComparison.Ordinal);
        Assert.Contains("TST002", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Fixes_are_applied_until_none_is_left_and_FixAll_agrees_in_every_scope()
    {
        var test = new VerifyCS.Test
        {
            TestState = { Sources = { "namespace A { class [|Bad|] { } }", "namespace B { class [|Bad|] { } }\nnamespace C { class [|Bad|] { } }" } },
            FixedState = { Sources = { "namespace A { class Good { } }", "namespace B { class Good { } }\nnamespace C { class Good { } }" } },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task FixOne_applies_a_single_fix_while_FixAll_fixes_everything()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "namespace A { class [|Bad|] { } }\nnamespace B { class [|Bad|] { } }",
            FixedCode = "namespace A { class Good { } }\nnamespace B { class [|Bad|] { } }",
            BatchFixedCode = "namespace A { class Good { } }\nnamespace B { class Good { } }",
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne,
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task A_wrong_batch_fixed_code_fails_the_FixAll_check()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "namespace A { class [|Bad|] { } }\nnamespace B { class [|Bad|] { } }",
            FixedCode = "namespace A { class Good { } }\nnamespace B { class Good { } }",
            BatchFixedCode = "namespace A { class Good { } }\nnamespace B { class Fine { } }",
        };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("FixAll in Document scope does not produce BatchFixedState", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task FixAll_in_document_scope_fixes_each_document()
    {
        var test = new VerifyCS.Test
        {
            TestState = { Sources = { "namespace A { class [|Bad|] { } }\nnamespace B { class [|Bad|] { } }", "class [|Bad|] { }" } },
            FixedState = { Sources = { "namespace A { class Good { } }\nnamespace B { class Good { } }", "class Good { }" } },
            CodeFixTestBehaviors = OnlyDocumentScope,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_in_project_scope_fixes_every_document_of_the_project()
    {
        var test = new VerifyCS.Test
        {
            TestState = { Sources = { "namespace A { class [|Bad|] { } }", "namespace B { class [|Bad|] { } }" } },
            FixedState = { Sources = { "namespace A { class Good { } }", "namespace B { class Good { } }" } },
            CodeFixTestBehaviors = OnlyProjectScope,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_in_solution_scope_fixes_every_project()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources = { "namespace A { class [|Bad|] { } }", "namespace B { class [|Bad|] { } }" },
                AdditionalProjects = { ["Other"] = { Sources = { "class [|Bad|] { }" } } },
            },
            FixedState =
            {
                Sources = { "namespace A { class Good { } }", "namespace B { class Good { } }" },
                AdditionalProjects = { ["Other"] = { Sources = { "class Good { }" } } },
            },
            CodeFixTestBehaviors = OnlySolutionScope,
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task A_FixAll_that_stops_at_its_document_fails_in_project_scope()
    {
        var test = new CSharpCodeFixVerifier<BadClassAnalyzer, DocumentOnlyFixAllCodeFix>.Test
        {
            TestState = { Sources = { "namespace A { class [|Bad|] { } }", "namespace B { class [|Bad|] { } }" } },
            FixedState = { Sources = { "namespace A { class Good { } }", "namespace B { class Good { } }" } },
            CodeFixTestBehaviors = OnlyProjectScope,
        };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("FixAll in Project scope still leaves a fixable diagnostic after 1 pass(es)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_FixAll_that_stops_at_its_document_fails_in_solution_scope()
    {
        var test = new CSharpCodeFixVerifier<BadClassAnalyzer, DocumentOnlyFixAllCodeFix>.Test
        {
            TestState = { Sources = { "class [|Bad|] { }" }, AdditionalProjects = { ["Other"] = { Sources = { "class [|Bad|] { }" } } } },
            FixedState = { Sources = { "class Good { }" }, AdditionalProjects = { ["Other"] = { Sources = { "class Good { }" } } } },
            CodeFixTestBehaviors = OnlySolutionScope,
        };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("FixAll in Solution scope still leaves a fixable diagnostic", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_FixAll_that_stops_at_its_document_is_fine_in_document_scope()
    {
        var test = new CSharpCodeFixVerifier<BadClassAnalyzer, DocumentOnlyFixAllCodeFix>.Test
        {
            TestState = { Sources = { "class [|Bad|] { }", "namespace B { class [|Bad|] { } }" } },
            FixedState = { Sources = { "class Good { }", "namespace B { class Good { } }" } },
            CodeFixTestBehaviors = OnlyDocumentScope,
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task A_fix_that_never_removes_its_diagnostic_hits_the_iteration_limit()
    {
        var test = new CSharpCodeFixVerifier<BadClassAnalyzer, NoOpCodeFix>.Test
        {
            TestCode = "class [|Bad|] { }",
            FixedCode = "class [|Bad|] { }",
        };

        var failure = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
        Assert.Contains("still leave a fixable diagnostic after 1 iteration(s)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_fix_that_throws_fails_with_the_exception()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(
            () => CSharpCodeFixVerifier<BadClassAnalyzer, ThrowingCodeFix>.VerifyCodeFixAsync("class [|Bad|] { }", "class Good { }"));

        Assert.Contains("ThrowingCodeFix.RegisterCodeFixesAsync threw", failure.Message, StringComparison.Ordinal);
        Assert.Contains(ThrowingCodeFix.ExceptionMessage, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_fix_verifier_checks_analyzer_diagnostics_too()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => VerifyCS.VerifyAnalyzerAsync("class Bad { }"));

        Assert.Contains("Reported but not expected (1)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_severity_raised_by_editorconfig_is_still_fixed()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class {|#0:Bad|} { }",
            FixedCode = "class Good { }",
            EditorConfig = "dotnet_diagnostic.TST001.severity = error",
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
        };
        return test.RunAsync();
    }
}
