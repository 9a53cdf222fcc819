using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHDCFG002: <c>shutdown_analyzers.kexec_policy</c> in .editorconfig is not shutdown,
/// shutdown-else-remove or remove. The rules then assume <c>shutdown</c>, what Linux does, so a typo
/// (<c>remvoe</c>) would otherwise change what they report without a word. Read where the rules read it,
/// in the file of each driver's first declaration, and reported once per compilation for each bad value
/// (an .editorconfig line has no location in the code): one warning for a typo under <c>[*.cs]</c>, not
/// one per driver.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownKexecPolicyAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnknownKexecPolicy,
        title: "Unknown kexec policy in .editorconfig",
        messageFormat: KexecPolicyOption.Key + " '{0}' in .editorconfig is not valid: use " + KexecPolicyOption.AcceptedNames + " (the analysis assumes shutdown)",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The rules that ask what kexec runs of a driver (SHD003, SHD004) read " + KexecPolicyOption.Key + " from .editorconfig. " +
                     "A value that names no policy is taken as shutdown, each driver's Shutdown, which is what Linux does.",
        helpLinkUri: RuleIdentifiers.ConfigurationHelpUri);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (!DriverModelSymbols.TryCreate(start.Compilation, out var symbols))
            {
                return;
            }

            var checkedTrees = new ConcurrentDictionary<SyntaxTree, bool>();
            var reportedValues = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            start.RegisterSymbolAction(
                context =>
                {
                    var type = (INamedTypeSymbol)context.Symbol;
                    if (type.TypeKind != TypeKind.Class || type.IsAbstract || symbols.GetDriverBase(type) is null ||
                        symbols.GetFirstDeclarationLocation(type).SourceTree is not { } tree ||
                        !checkedTrees.TryAdd(tree, true))
                    {
                        return;
                    }

                    if (KexecPolicyOption.FindUnknownValue(context.Options, tree) is { } unknown && reportedValues.TryAdd(unknown, true))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, unknown));
                    }
                },
                SymbolKind.NamedType);
        });
    }
}
