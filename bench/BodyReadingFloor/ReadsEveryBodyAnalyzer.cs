using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Bench.BodyReadingFloor;

/// <summary>
/// Asks for every method body as operations and does nothing with them: the least any analyzer that
/// looks inside bodies as operations costs (CA2213 and most CA rules do this much before their own
/// work). Operation-block actions run after the compiler has bound the body, so what this costs is
/// making the operation tree from the compiler's bound tree, and the analyzer driver's work around it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReadsEveryBodyAnalyzer : FloorAnalyzer
{
    public ReadsEveryBodyAnalyzer()
        : base("FLOOR001", "body-reading")
    {
    }

    protected override void RegisterWork(AnalysisContext context) =>
        context.RegisterOperationBlockAction(static _ => { });
}
