using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// These analyzers only exercise the verifier inside the test assembly, which no compiler ever loads, so the
// rules for shipped analyzers (release tracking, no Workspaces reference, netstandard2.0) do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008

namespace ShutdownAnalyzers.Tests.VerifierTests;

/// <summary>
/// Reports TST001 on every class named <c>Bad</c> and TST002 on every class named <c>Worse</c>, at the
/// class name. A well-behaved analyzer: concurrent, and silent in generated code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public class BadClassAnalyzer : DiagnosticAnalyzer
{
    public const string BadId = "TST001";
    public const string WorseId = "TST002";

    public static readonly DiagnosticDescriptor BadRule = new(
        BadId, "Class named Bad", "Class '{0}' has a bad name", "Naming", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WorseRule = new(
        WorseId, "Class named Worse", "Class '{0}' has a worse name", "Naming", DiagnosticSeverity.Info, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BadRule, WorseRule);

#pragma warning disable RS1025 // Configured in ConfigureGeneratedCode, which a subclass overrides on purpose.
    public override void Initialize(AnalysisContext context)
#pragma warning restore RS1025
    {
        context.EnableConcurrentExecution();
        ConfigureGeneratedCode(context);
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    protected virtual void ConfigureGeneratedCode(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var rule = type.Name switch
        {
            "Bad" => BadRule,
            "Worse" => WorseRule,
            _ => null,
        };
        if (rule is not null && type.TypeKind == TypeKind.Class)
        {
            foreach (var location in type.Locations)
            {
                context.ReportDiagnostic(Diagnostic.Create(rule, location, type.Name));
            }
        }
    }
}

/// <summary>Like <see cref="BadClassAnalyzer"/>, but forgets to skip generated code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratedCodeReportingAnalyzer : BadClassAnalyzer
{
    protected override void ConfigureGeneratedCode(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
    }
}

/// <summary>Throws while analysing any class: the verifier must fail with the exception.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public const string ExceptionMessage = "Boom: the analyzer fell over";

    private static readonly DiagnosticDescriptor Rule = new(
        "TST900", "Never reported", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(_ => throw new InvalidOperationException(ExceptionMessage), SymbolKind.NamedType);
    }
}

/// <summary>Reports an ID its SupportedDiagnostics leaves out.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndeclaredDiagnosticAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Declared = new(
        "TST910", "Declared", "Declared", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor Undeclared = new(
        "TST911", "Undeclared", "Undeclared", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Declared);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
#pragma warning disable RS1005 // Reporting an unsupported descriptor is the point of this analyzer.
        context.RegisterSymbolAction(c => c.ReportDiagnostic(Diagnostic.Create(Undeclared, c.Symbol.Locations[0])), SymbolKind.NamedType);
#pragma warning restore RS1005
    }
}
