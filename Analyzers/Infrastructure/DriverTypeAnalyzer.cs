using System;
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
        context.RegisterCompilationStartAction(start =>
        {
            if (DriverModelSymbols.TryCreate(start.Compilation, out var symbols) && CreateDriverCheck(symbols) is { } check)
            {
                RegisterAfterMembers(start, symbols, check);
            }
        });
    }

    /// <summary>
    /// The check of one driver type for this compilation, or null when the bus API lacks what the rule
    /// asks about. Called once per compilation; the check runs on every type that derives from
    /// <c>Driver&lt;TDevice&gt;</c>, concurrently.
    /// </summary>
    internal abstract Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols);

    /// <summary>Runs <paramref name="check"/> on each driver type after the analyzer driver has seen all its members.</summary>
    internal static void RegisterAfterMembers(CompilationStartAnalysisContext start, DriverModelSymbols symbols, Action<SymbolAnalysisContext> check) =>
        start.RegisterSymbolStartAction(
            typeStart =>
            {
                if (symbols.GetDriverBase((INamedTypeSymbol)typeStart.Symbol) is not null)
                {
                    typeStart.RegisterSymbolEndAction(check);
                }
            },
            SymbolKind.NamedType);
}
