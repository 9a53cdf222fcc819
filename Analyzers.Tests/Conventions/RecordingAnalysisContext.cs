using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Tests.Conventions;

/// <summary>
/// Stands in for the compiler when an analyzer initializes: records what it configures and registers,
/// and keeps the compilation-start actions so a test can run them on a compilation of its choice.
/// </summary>
internal sealed class RecordingAnalysisContext : AnalysisContext
{
    public bool ConcurrentExecutionEnabled { get; private set; }

    public GeneratedCodeAnalysisFlags? GeneratedCodeAnalysis { get; private set; }

    public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new();

    /// <summary>Every other action registered directly in Initialize, by kind.</summary>
    public List<string> OtherActions { get; } = new();

    /// <summary>What the compilation-start actions register on <paramref name="compilation"/>, by kind.</summary>
    public IReadOnlyList<string> RunCompilationStart(Compilation compilation)
    {
        var start = new RecordingCompilationStartContext(compilation);
        foreach (var action in CompilationStartActions)
        {
            action(start);
        }

        return start.Registered;
    }

    public override void EnableConcurrentExecution() => ConcurrentExecutionEnabled = true;

    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCodeAnalysis = analysisMode;

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => OtherActions.Add("Compilation");

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => OtherActions.Add("SemanticModel");

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => OtherActions.Add("Symbol");

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => OtherActions.Add("SymbolStart");

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => OtherActions.Add("CodeBlockStart");

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => OtherActions.Add("CodeBlock");

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => OtherActions.Add("SyntaxTree");

    public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => OtherActions.Add("AdditionalFile");

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => OtherActions.Add("SyntaxNode");

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => OtherActions.Add("Operation");

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => OtherActions.Add("OperationBlockStart");

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => OtherActions.Add("OperationBlock");

    private sealed class RecordingCompilationStartContext : CompilationStartAnalysisContext
    {
        public RecordingCompilationStartContext(Compilation compilation)
            : base(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
        {
        }

        public List<string> Registered { get; } = new();

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Registered.Add("CompilationEnd");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Registered.Add("SemanticModel");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Registered.Add("Symbol");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Registered.Add("SymbolStart");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Registered.Add("CodeBlockStart");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registered.Add("CodeBlock");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Registered.Add("SyntaxTree");

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Registered.Add("AdditionalFile");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Registered.Add("SyntaxNode");

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Registered.Add("Operation");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Registered.Add("OperationBlockStart");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Registered.Add("OperationBlock");
    }
}
