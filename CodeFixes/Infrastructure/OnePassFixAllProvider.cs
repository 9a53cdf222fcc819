using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    private readonly IReadOnlyList<Fix> fixes;

    /// <param name="fixAll">The solution with every given diagnostic fixed as fixing them one by one would; diagnostics the fix is not offered for are skipped.</param>
    public OnePassFixAllProvider(string title, string equivalenceKey, Func<Solution, IReadOnlyList<Diagnostic>, CancellationToken, Task<Solution>> fixAll)
    {
        fixes = new[] { new Fix(title, equivalenceKey, null, fixAll) };
    }

    /// <summary>For a fixer that offers a fix of its own for each rule it fixes: each its equivalence key, FixAll title and function.</summary>
    public OnePassFixAllProvider(params (string Title, string EquivalenceKey, string DiagnosticId, Func<Solution, IReadOnlyList<Diagnostic>, CancellationToken, Task<Solution>> FixAll)[] fixes)
    {
        this.fixes = fixes.Select(fix => new Fix(fix.Title, fix.EquivalenceKey, fix.DiagnosticId, fix.FixAll)).ToList();
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
            .Where(diagnostic => fixAllContext.DiagnosticIds.Contains(diagnostic.Id) && chosen.IsFor(diagnostic.Id) && diagnostic.Location.IsInSource)
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
    private Fix? Choose(FixAllContext fixAllContext) =>
        fixes.FirstOrDefault(fix => fix.EquivalenceKey == fixAllContext.CodeActionEquivalenceKey && fix.IsForAny(fixAllContext.DiagnosticIds))
        ?? fixes.FirstOrDefault(fix => fix.IsForAny(fixAllContext.DiagnosticIds));

    /// <summary>One fix the provider offers; <see cref="DiagnosticId"/> is the rule it is for, or null for every rule the fixer fixes.</summary>
    private sealed class Fix
    {
        public Fix(string title, string equivalenceKey, string? diagnosticId, Func<Solution, IReadOnlyList<Diagnostic>, CancellationToken, Task<Solution>> fixAll)
        {
            Title = title;
            EquivalenceKey = equivalenceKey;
            DiagnosticId = diagnosticId;
            FixAll = fixAll;
        }

        public string Title { get; }

        public string EquivalenceKey { get; }

        public string? DiagnosticId { get; }

        public Func<Solution, IReadOnlyList<Diagnostic>, CancellationToken, Task<Solution>> FixAll { get; }

        public bool IsFor(string diagnosticId) => DiagnosticId is null || DiagnosticId == diagnosticId;

        public bool IsForAny(ImmutableHashSet<string> diagnosticIds) => DiagnosticId is null || diagnosticIds.Contains(DiagnosticId);
    }
}
