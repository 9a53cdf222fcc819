using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// A rule that reads a driver's method bodies and checks each driver type once its members are compiled:
/// a symbol-end action on the type, so the bodies it follows come with the bound trees the compiler made
/// for them instead of being bound a second time (a symbol action on the type runs before any member is
/// compiled). The package ships these rules through <see cref="DriverTypeRulesAnalyzer"/>, which runs them
/// all from one symbol-start action; alone, each is the same check, which its tests and code fixes run.
/// </summary>
public abstract class DriverTypeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Why the rule classes carry no <c>[DiagnosticAnalyzer]</c>: the compiler and the IDE load the host.</summary>
    internal const string ShippedByHost =
        "Shipped through DriverTypeRulesAnalyzer, which runs every driver-type rule from one symbol-start action; " +
        "loaded on its own as well, each rule would be reported twice.";

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        RegisterChecks(context, ImmutableArray.Create(this));
    }

    /// <summary>
    /// The check of one driver type for this compilation, or null when the bus API lacks what the rule
    /// asks about. Called once per compilation; the check runs on every type that derives from
    /// <c>Driver&lt;TDevice&gt;</c>, concurrently.
    /// </summary>
    internal abstract Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols);

    /// <summary>
    /// Runs the checks of <paramref name="rules"/> on each driver type, in turn, once the analyzer driver
    /// has seen all the type's members: one rule for its own class, all of them for
    /// <see cref="DriverTypeRulesAnalyzer"/>. A rule set to <c>none</c> for the driver's file is not checked there.
    /// </summary>
    internal static void RegisterChecks(AnalysisContext context, ImmutableArray<DriverTypeAnalyzer> rules) =>
        context.RegisterCompilationStartAction(start =>
        {
            if (!DriverModelSymbols.TryCreate(start.Compilation, out var symbols))
            {
                return;
            }

            var checks = ImmutableArray.CreateBuilder<(string Id, Action<SymbolAnalysisContext> Check)>(rules.Length);
            foreach (var rule in rules)
            {
                if (rule.CreateDriverCheck(symbols) is { } check)
                {
                    checks.Add((rule.SupportedDiagnostics[0].Id, check));
                }
            }

            if (checks.Count == 0)
            {
                return;
            }

            var ruleChecks = checks.ToImmutable();
            start.RegisterSymbolStartAction(
                typeStart =>
                {
                    if (symbols.GetDriverBase((INamedTypeSymbol)typeStart.Symbol) is not null)
                    {
                        typeStart.RegisterSymbolEndAction(typeEnd => CheckDriverType(typeEnd, symbols, ruleChecks));
                    }
                },
                SymbolKind.NamedType);
        });

    private static void CheckDriverType(SymbolAnalysisContext context, DriverModelSymbols symbols, ImmutableArray<(string Id, Action<SymbolAnalysisContext> Check)> checks)
    {
        var tree = symbols.GetFirstDeclarationLocation((INamedTypeSymbol)context.Symbol).SourceTree;
        foreach (var (id, check) in checks)
        {
            if (!ConfiguredSeverity.IsTurnedOff(context.Compilation, tree, id, context.CancellationToken))
            {
                check(context);
            }
        }
    }
}
