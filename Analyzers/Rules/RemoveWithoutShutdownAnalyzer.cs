using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD001: a concrete driver whose Remove is overridden while Shutdown is still the API's empty
/// default. kexec calls only Shutdown, so the hardware Remove would have stopped keeps running into
/// the next kernel (the lpfc case, seeds 000 and 003).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RemoveWithoutShutdownAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.RemoveWithoutShutdown,
        title: "Driver implements Remove but not Shutdown",
        messageFormat: "Driver '{0}' implements Remove but not Shutdown: on kexec only Shutdown runs, so the hardware is left running for the next kernel",
        category: RuleCategories.Lifecycle,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "kexec, reboot and power-off call a driver's Shutdown, never its Remove. A driver that quiesces its hardware in Remove but keeps the empty Shutdown leaves DMA, interrupts and firmware running into the next kernel, whose probe then fails. Map Shutdown to Remove.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RemoveWithoutShutdown));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!DriverModelSymbols.TryCreate(start.Compilation, out var symbols))
            {
                return;
            }

            start.RegisterSymbolAction(context => AnalyzeType(context, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, DriverModelSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!HasRemoveWithoutShutdown(type, symbols) || HasReportedBase(type, symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            symbols.GetFirstDeclarationLocation(type),
            type.ToDisplayString(DriverModelSymbols.DriverNameFormat)));
    }

    /// <summary>
    /// True for a concrete driver that overrides Remove (itself or through a base that is not part of
    /// the bus API) and leaves Shutdown to the API. A Shutdown that only hides the API's (<c>new</c>)
    /// is never called by the kernel, so it does not count.
    /// </summary>
    private static bool HasRemoveWithoutShutdown(INamedTypeSymbol type, DriverModelSymbols symbols)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsImplicitlyDeclared)
        {
            return false;
        }

        var driverBase = symbols.GetDriverBase(type);
        if (driverBase is null
            || DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Remove) is not { } apiRemove
            || DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Shutdown) is not { } apiShutdown)
        {
            return false;
        }

        return DriverModelSymbols.FindOverride(type, apiRemove) is { } remove
            && !symbols.IsBusApi(remove)
            && DriverModelSymbols.FindOverride(type, apiShutdown) is null;
    }

    /// <summary>
    /// True when a base of <paramref name="type"/> in this compilation is itself reported: fixing that
    /// base fixes this driver too, so one diagnostic at the root is enough and FixAll adds one Shutdown.
    /// </summary>
    private static bool HasReportedBase(INamedTypeSymbol type, DriverModelSymbols symbols)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, symbols.Compilation.Assembly)
                && HasRemoveWithoutShutdown(current, symbols))
            {
                return true;
            }
        }

        return false;
    }
}
