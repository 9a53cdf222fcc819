using System;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>Which compiler diagnostics take part in the comparison with the expected diagnostics.</summary>
public enum CompilerDiagnostics
{
    /// <summary>No compiler diagnostics: the input need not compile.</summary>
    None,

    /// <summary>Compiler errors (the default): the input must compile unless errors are expected.</summary>
    Errors,

    Warnings,

    /// <summary>Errors, warnings and info diagnostics.</summary>
    Suggestions,

    /// <summary>Every compiler diagnostic, hidden ones included.</summary>
    Info,
}

/// <summary>Checks an analyzer test may skip.</summary>
[Flags]
public enum TestBehaviors
{
    None = 0,

    /// <summary>
    /// Skip re-running the analyzers on the sources marked <c>// &lt;auto-generated&gt;</c>, which expects
    /// no analyzer diagnostics there. For analyzers that are meant to report in generated code.
    /// </summary>
    SkipGeneratedCodeCheck = 1,
}

/// <summary>Checks a code-fix test may skip.</summary>
[Flags]
public enum CodeFixTestBehaviors
{
    None = 0,

    SkipFixAllInDocumentCheck = 1,

    SkipFixAllInProjectCheck = 2,

    SkipFixAllInSolutionCheck = 4,

    SkipFixAllCheck = SkipFixAllInDocumentCheck | SkipFixAllInProjectCheck | SkipFixAllInSolutionCheck,

    /// <summary>Apply a single code fix instead of fixing until no fixable diagnostic is left.</summary>
    FixOne = 8,
}
