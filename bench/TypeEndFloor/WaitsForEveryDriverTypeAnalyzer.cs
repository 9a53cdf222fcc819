using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Bench.TypeEndFloor;

/// <summary>
/// Waits, as the SHD rules that read bodies do (<c>DriverTypeRulesAnalyzer</c>), for each driver type's
/// members to be compiled, and then does nothing: a symbol-start action on every named type, and on
/// each type deriving from <c>Driver&lt;TDevice&gt;</c> a symbol-end action that returns at once. What the
/// compiler charges it is the least any rule checked per type this way costs, before reading a body.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WaitsForEveryDriverTypeAnalyzer : FloorAnalyzer
{
    public WaitsForEveryDriverTypeAnalyzer()
        : base("FLOOR003", "per-type")
    {
    }

    protected override void RegisterWork(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName("ShutdownAnalyzers.DriverModel.Driver`1") is not { } driver)
            {
                return;
            }

            start.RegisterSymbolStartAction(
                typeStart =>
                {
                    if (DerivesFrom((INamedTypeSymbol)typeStart.Symbol, driver))
                    {
                        typeStart.RegisterSymbolEndAction(static _ => { });
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol driver)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, driver))
            {
                return true;
            }
        }

        return false;
    }
}
