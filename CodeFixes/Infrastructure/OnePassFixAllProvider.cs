using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// FixAll that hands every diagnostic of the scope to one function, which plans each edit against the
/// original code, edits each document once and cleans the changed documents up against the one edited
/// solution (<see cref="EditCleanup.CleanUpAllAsync(Solution, IEnumerable{DocumentId}, CancellationToken)"/>).
/// <c>BatchFixer</c> and <c>FixAllProvider.Create</c> compute each fix or document in a solution of its
/// own, and simplifying there builds a compilation per driver.
/// </summary>
internal sealed class OnePassFixAllProvider : FixAllProvider
{
    private readonly IReadOnlyList<(string Title, string EquivalenceKey, string? DiagnosticId, Func<Solution, IReadOnlyList<Diagnostic>, CancellationToken, Task<Solution>> FixAll)> fixes;

    /// <param name="fixAll">The solution with every given diagnostic fixed as fixing them one by one would; diagnostics the fix is not offered for are skipped.</param>
    public OnePassFixAllProvider(string title, string equivalenceKey, Func<Solution, IReadOnlyList<Diagnostic>, CancellationToken, Task<Solution>> fixAll)
    {
        fixes = new[] { (title, equivalenceKey, (string?)null, fixAll) };
    }

    /// <summary>For a fixer that offers a fix of its own for each rule it fixes: each its equivalence key, FixAll title and function.</summary>
    public OnePassFixAllProvider(params (string Title, string EquivalenceKey, string DiagnosticId, Func<Solution, IReadOnlyList<Diagnostic>, CancellationToken, Task<Solution>> FixAll)[] fixes)
    {
        this.fixes = fixes.Select(fix => (fix.Title, fix.EquivalenceKey, (string?)fix.DiagnosticId, fix.FixAll)).ToList();
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (Choose(fixAllContext) is not { } chosen)
        {
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        switch (fixAllContext.Scope)
        {
            case FixAllScope.Document when fixAllContext.Document is { } document:
                diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
                break;
            case FixAllScope.Project:
                diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                break;
            case FixAllScope.Solution:
                foreach (var project in fixAllContext.Solution.Projects)
                {
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                break;
        }

        var solution = fixAllContext.Solution;
        var fixable = diagnostics
            .Where(diagnostic => fixAllContext.DiagnosticIds.Contains(diagnostic.Id) && (chosen.DiagnosticId is null || chosen.DiagnosticId == diagnostic.Id) && diagnostic.Location.IsInSource)
            .ToList();
        return fixable.Count == 0
            ? null
            : CodeAction.Create(chosen.Title, cancellationToken => chosen.FixAll(solution, fixable, cancellationToken), chosen.EquivalenceKey);
    }

    /// <summary>
    /// The fix the equivalence key names, if it is for a diagnostic being fixed; else the first fix for one.
    /// <c>dotnet format</c> takes the key from what the fixer offers for the first diagnostic of the analyzer
    /// that reports the rule, and <c>DriverTypeRulesAnalyzer</c> reports several rules: that diagnostic may
    /// be another rule's, so the key is none (nothing offered) or another rule's fix (SHD003's "Stop DMA" while
    /// SHD004 is being fixed).
    /// </summary>
    private (string Title, string EquivalenceKey, string? DiagnosticId, Func<Solution, IReadOnlyList<Diagnostic>, CancellationToken, Task<Solution>> FixAll)? Choose(FixAllContext fixAllContext)
    {
        bool IsForFixedRule((string Title, string EquivalenceKey, string? DiagnosticId, Func<Solution, IReadOnlyList<Diagnostic>, CancellationToken, Task<Solution>> FixAll) fix) =>
            fix.DiagnosticId is null || fixAllContext.DiagnosticIds.Contains(fix.DiagnosticId);

        foreach (var fix in fixes)
        {
            if (fix.EquivalenceKey == fixAllContext.CodeActionEquivalenceKey && IsForFixedRule(fix))
            {
                return fix;
            }
        }

        foreach (var fix in fixes)
        {
            if (IsForFixedRule(fix))
            {
                return fix;
            }
        }

        return null;
    }
}
