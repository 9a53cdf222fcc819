using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD010 fix "Give the wait a timeout": where the analyzer says the timeout goes (its additional
/// location, possibly in a helper in another file), writes <c>TimeSpan.FromSeconds(30)</c> — replacing a
/// null or infinite argument, adding the argument a call leaves out, or adding it to a call of a wait
/// with no timeout parameter so that it binds to the overload that has one
/// (<c>cache.Flush()</c> → <c>cache.Flush(TimeSpan.FromSeconds(30))</c>). A timeout in milliseconds
/// gets 30000. Not offered when no overload takes the same parameters and a timeout.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GiveWaitTimeoutCodeFixProvider))]
[Shared]
public sealed class GiveWaitTimeoutCodeFixProvider : CodeFixProvider
{
    public const string Title = "Give the wait a timeout";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "SHD010.GiveTimeout";

    private const string WaitsOnHardwareAttribute = "ShutdownAnalyzers.DriverModel.WaitsOnHardwareAttribute";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.WaitsOnHardwareWithoutTimeout);

    /// <summary>Every target once, wherever it is, with the same edits as one fix at a time, each document edited and cleaned up once.</summary>
    public override FixAllProvider GetFixAllProvider() =>
        new OnePassFixAllProvider(Title, EquivalenceKey, (solution, diagnostics, cancellationToken) =>
            GiveTimeoutsAsync(solution, diagnostics.Select(Target).OfType<TimeoutTarget>(), cancellationToken));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Target(diagnostic) is { } target &&
                solution.GetDocument(target.Tree) is { } document &&
                await EditFor(document, target, context.CancellationToken).ConfigureAwait(false) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => GiveTimeoutsAsync(solution, new[] { target }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Where the timeout goes and how, from the diagnostic; null when the analyzer could not tell.</summary>
    private static TimeoutTarget? Target(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(WaitsOnHardwareWithoutTimeoutAnalyzer.TimeoutFixProperty, out var fix) || fix is null ||
            diagnostic.AdditionalLocations.Count != 1 || diagnostic.AdditionalLocations[0].SourceTree is not { } tree)
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(WaitsOnHardwareWithoutTimeoutAnalyzer.TimeoutParameterProperty, out var parameter);
        return new TimeoutTarget(tree, diagnostic.AdditionalLocations[0].SourceSpan, fix, parameter);
    }

    /// <summary>
    /// Edits every target once; several diagnostics often share one (a helper both callbacks call). Each
    /// document's edits are computed against its original code and made in one pass, then every changed
    /// document is cleaned up against the one solution that holds them all.
    /// </summary>
    private static async Task<Solution> GiveTimeoutsAsync(Solution solution, IEnumerable<TimeoutTarget> targets, CancellationToken cancellationToken)
    {
        var edited = solution;
        var changed = new List<DocumentId>();
        foreach (var group in targets.GroupBy(target => target.Tree))
        {
            if (solution.GetDocument(group.Key) is not { } document ||
                await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var target in group.GroupBy(t => t.Span).Select(same => same.First()))
            {
                if (await EditFor(document, target, cancellationToken).ConfigureAwait(false) is var (node, replacement) && !edits.ContainsKey(node))
                {
                    edits.Add(node, replacement);
                }
            }

            if (edits.Count == 0)
            {
                continue;
            }

            // A replaced argument may sit inside a call that gets an argument added: build each edit on its rewritten children.
            edited = edited.WithDocumentSyntaxRoot(document.Id, root.ReplaceNodes(edits.Keys, (original, rewritten) => Rebuild(original, rewritten, edits[original])));
            changed.Add(document.Id);
        }

        return await EditCleanup.CleanUpAllAsync(edited, changed, cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxNode Rebuild(SyntaxNode original, SyntaxNode rewritten, SyntaxNode replacement) =>
        original is InvocationExpressionSyntax && rewritten is InvocationExpressionSyntax call && replacement is InvocationExpressionSyntax withTimeout
            ? call.WithArgumentList(call.ArgumentList.AddArguments(withTimeout.ArgumentList.Arguments.Last()))
            : replacement;

    /// <summary>The node to replace and what replaces it; null when the code changed or no overload takes a timeout.</summary>
    private static async Task<(SyntaxNode Node, SyntaxNode Replacement)?> EditFor(Document document, TimeoutTarget target, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !root.FullSpan.Contains(target.Span))
        {
            return null;
        }

        var node = root.FindNode(target.Span, getInnermostNodeForTie: true);
        switch (target.Fix)
        {
            case WaitsOnHardwareWithoutTimeoutAnalyzer.ReplaceArgument when node is ExpressionSyntax argument && argument.Span == target.Span &&
                                                                             Timeout(model.GetTypeInfo(argument, cancellationToken).ConvertedType) is { } timeout:
                return (argument, timeout.WithTriviaFrom(argument));
            case WaitsOnHardwareWithoutTimeoutAnalyzer.AddArgument when node is InvocationExpressionSyntax call && target.Parameter is { } name &&
                                                                        model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method &&
                                                                        method.Parameters.FirstOrDefault(p => p.Name == name) is { } parameter &&
                                                                        Timeout(parameter.Type) is { } timeout:
                return (call, WithArgument(call, parameter, method, timeout));
            case WaitsOnHardwareWithoutTimeoutAnalyzer.UseOverload when node is InvocationExpressionSyntax call:
                return OverloadWithTimeout(model, call, cancellationToken) is { } withTimeout ? (call, withTimeout) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// <paramref name="call"/> with a timeout added, for the <c>[WaitsOnHardware]</c> overload that takes the
    /// same parameters as the method called now and a timeout besides.
    /// </summary>
    private static InvocationExpressionSyntax? OverloadWithTimeout(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol current ||
            model.Compilation.GetTypeByMetadataName(WaitsOnHardwareAttribute) is not { } waitsOnHardware)
        {
            return null;
        }

        foreach (var candidate in current.ContainingType.GetMembers(current.Name).OfType<IMethodSymbol>())
        {
            var attribute = candidate.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, waitsOnHardware));
            var name = attribute?.NamedArguments.FirstOrDefault(a => a.Key == "TimeoutParameter").Value.Value as string;
            if (name is not null && candidate.Parameters.FirstOrDefault(p => p.Name == name) is { } parameter &&
                Timeout(parameter.Type) is { } timeout && TakesTheSameAndATimeout(candidate, current, parameter))
            {
                return WithArgument(call, parameter, candidate, timeout);
            }
        }

        return null;
    }

    /// <summary>The candidate's parameters, its timeout left out, are the current method's, in order.</summary>
    private static bool TakesTheSameAndATimeout(IMethodSymbol candidate, IMethodSymbol current, IParameterSymbol timeout)
    {
        var others = candidate.Parameters.Where(p => !SymbolEqualityComparer.Default.Equals(p, timeout)).ToList();
        if (others.Count != current.Parameters.Length || candidate.IsStatic != current.IsStatic)
        {
            return false;
        }

        for (var i = 0; i < others.Count; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(others[i].Type, current.Parameters[i].Type) || others[i].RefKind != current.Parameters[i].RefKind)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The call with the timeout as its next positional argument when that is where the parameter is, else named.</summary>
    private static InvocationExpressionSyntax WithArgument(InvocationExpressionSyntax call, IParameterSymbol parameter, IMethodSymbol method, ExpressionSyntax timeout)
    {
        var arguments = call.ArgumentList.Arguments;
        var positional = parameter.Ordinal == arguments.Count && arguments.All(a => a.NameColon is null) && !method.IsExtensionMethod;
        var argument = positional
            ? SyntaxFactory.Argument(timeout)
            : SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameter.Name)), default, timeout);
        return call.WithArgumentList(call.ArgumentList.AddArguments(argument)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary><c>TimeSpan.FromSeconds(30)</c> for a <c>TimeSpan</c> (or <c>TimeSpan?</c>) timeout, 30000 for one in milliseconds; null for other types.</summary>
    private static ExpressionSyntax? Timeout(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return HardwareWaitTimeout.AsTimeSpan();
        }

        return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            ? HardwareWaitTimeout.AsMilliseconds()
            : null;
    }

    /// <summary>Where a timeout goes: a span in a tree, and which of the analyzer's three kinds of edit.</summary>
    private sealed class TimeoutTarget
    {
        public TimeoutTarget(SyntaxTree tree, TextSpan span, string fix, string? parameter)
        {
            Tree = tree;
            Span = span;
            Fix = fix;
            Parameter = parameter;
        }

        public SyntaxTree Tree { get; }

        public TextSpan Span { get; }

        public string Fix { get; }

        public string? Parameter { get; }
    }
}
