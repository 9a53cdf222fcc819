using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD008: a PCI driver's error handler (ErrorDetected, SlotReset, ResumeAfterError), or what it
/// calls, tests the bound driver (<c>device.Driver</c>) or its data (<c>device.DriverData</c>) to tell
/// whether the device is still there, on a path where it has not tested <c>device.IsAdded</c>. A
/// removal racing with recovery takes the device off the bus first and unbinds the driver only once
/// recovery lets go of the device, so the proxy still says "present" (the s390 zpci case, seed 001).
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = DriverTypeAnalyzer.ShippedByHost)]
public sealed class RecoveryTestsBoundDriverAnalyzer : DriverTypeAnalyzer
{
    /// <summary>Diagnostic property: "true" when the reported node is the test itself (in the handler's body), not a call leading to it.</summary>
    internal const string IsTestProperty = "IsTest";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.RecoveryTestsBoundDriver,
        title: "Error recovery tests the bound driver instead of IsAdded",
        messageFormat: "{0} of {1} tests {2} to tell whether the device is still there ({3}); a removal racing with recovery leaves it set until Remove runs, so recovery carries on with a device that is gone: test IsAdded",
        RuleCategories.Lifecycle,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A removal that races with PCI error recovery takes the device off the bus first (IsAdded becomes false) and " +
                     "unbinds its driver only when recovery lets go of the device. Until then Driver and DriverData are still set, " +
                     "so an error handler that tests them to decide whether the device is still there goes on touching a device " +
                     "that is gone. Test device.IsAdded (pci_dev_is_added) instead.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RecoveryTestsBoundDriver));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols)
    {
        if (symbols.PciDriver is not { } pciDriver ||
            symbols.DeviceIsAdded is null || symbols.DeviceDriver is null || symbols.DeviceDriverData is null ||
            RestartPathAnalysis.Create(symbols) is not { } analysis)
        {
            return null;
        }

        var handlers = new[] { "ErrorDetected", "SlotReset", "ResumeAfterError" }
            .SelectMany(name => pciDriver.GetMembers(name).OfType<IMethodSymbol>())
            .Where(method => method.IsVirtual)
            .ToImmutableArray();
        if (handlers.IsEmpty)
        {
            return null;
        }

        var recoveryCode = new RecoveryCode(symbols, analysis);
        return symbolContext =>
        {
            var driverType = (INamedTypeSymbol)symbolContext.Symbol;
            if (!DerivesFrom(driverType, pciDriver))
            {
                return;
            }

            foreach (var api in handlers)
            {
                if (DriverModelSymbols.FindDeclaredOverride(driverType, api) is { } handler &&
                    analysis.GetControlFlowGraph(handler, symbolContext.CancellationToken) is { } graph)
                {
                    AnalyzeHandler(symbolContext, driverType, handler, graph, recoveryCode);
                }
            }
        };
    }

    private static void AnalyzeHandler(SymbolAnalysisContext context, INamedTypeSymbol driverType, IMethodSymbol handler, ControlFlowGraph graph, RecoveryCode recoveryCode)
    {
        foreach (var finding in recoveryCode.FindInHandler(handler, driverType, graph, context.CancellationToken))
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(IsTestProperty, finding.Through.IsEmpty ? "true" : "false");
            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                finding.ReportAt.GetLocation(),
                properties,
                handler.Name,
                driverType.Name,
                finding.What,
                finding.Describe(handler)));
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A proxy test reached with no IsAdded test before it: where it is reported, and the calls that lead there.</summary>
    private sealed class Finding
    {
        public Finding(SyntaxNode reportAt, string what, SyntaxNode test, ImmutableArray<IMethodSymbol> through)
        {
            ReportAt = reportAt;
            What = what;
            Test = test;
            Through = through;
        }

        /// <summary>The test itself, or the call in the handler's body that leads to it.</summary>
        public SyntaxNode ReportAt { get; }

        /// <summary>"the bound driver" or "the driver data".</summary>
        public string What { get; }

        public SyntaxNode Test { get; }

        /// <summary>The methods called from the handler down to the one holding the test; empty when the test is in the handler.</summary>
        public ImmutableArray<IMethodSymbol> Through { get; }

        public string Describe(IMethodSymbol handler)
        {
            var test = Regex.Replace(Test.ToString(), @"\s+", " ");
            return Through.IsEmpty
                ? test
                : string.Join(CallPath.Arrow, new[] { handler.Name }.Concat(Through.Select(method => method.Name)).Concat(new[] { test }));
        }
    }

    /// <summary>
    /// What the rule knows about one compilation's error-recovery code: which methods test IsAdded, and
    /// which reach a proxy test with no IsAdded test before it. Shared by the driver types analysed
    /// concurrently; cached per (method, type of <c>this</c>).
    /// </summary>
    private sealed class RecoveryCode
    {
        /// <summary>Deeper call chains are not followed.</summary>
        private const int MaxCallDepth = 16;

        private readonly DriverModelSymbols symbols;
        private readonly RestartPathAnalysis analysis;
        private readonly ConcurrentDictionary<(IMethodSymbol, INamedTypeSymbol?), bool> testsIsAdded = new();
        private readonly ConcurrentDictionary<(IMethodSymbol, INamedTypeSymbol?), Finding?> proxyTests = new();

        public RecoveryCode(DriverModelSymbols symbols, RestartPathAnalysis analysis)
        {
            this.symbols = symbols;
            this.analysis = analysis;
        }

        /// <summary>Each proxy test in the handler's body, and each call there that leads to one, with no IsAdded test before.</summary>
        public IEnumerable<Finding> FindInHandler(IMethodSymbol handler, INamedTypeSymbol driverType, ControlFlowGraph graph, CancellationToken cancellationToken)
        {
            var stack = new HashSet<(IMethodSymbol, INamedTypeSymbol?)> { (handler.OriginalDefinition, driverType) };
            var reported = new HashSet<SyntaxNode>();
            foreach (var (operation, finding) in Walk(handler, graph, driverType, stack, 0, cancellationToken))
            {
                var result = operation is IInvocationOperation
                    ? new Finding(operation.Syntax, finding.What, finding.Test, finding.Through)
                    : finding;
                if (reported.Add(result.ReportAt))
                {
                    yield return result;
                }
            }
        }

        /// <summary>The unguarded proxy tests of one body, and its unguarded calls that lead to one (with what they lead to).</summary>
        private IEnumerable<(IOperation Operation, Finding Finding)> Walk(
            IMethodSymbol method, ControlFlowGraph graph, INamedTypeSymbol? thisType, HashSet<(IMethodSymbol, INamedTypeSymbol?)> stack, int depth, CancellationToken cancellationToken)
        {
            var frame = new MethodFrame(method, graph, ImmutableArray<DeviceOrigin>.Empty, thisType, outer: null);
            var isAddedReads = frame.Operations().Where(ReadsIsAdded).Select(read => read.Syntax).ToList();
            var targets = UnguardedPaths.Find(
                graph,
                operation => ReadsIsAdded(operation) || (operation is IInvocationOperation call && CallTestsIsAdded(call, thisType, cancellationToken)),
                operation => operation is IInvocationOperation || ProxyTested(operation, frame) is not null,
                cancellationToken);

                foreach (var target in targets)
            {
                if (target is IInvocationOperation invocation)
                {
                    if (depth < MaxCallDepth && FindInCallee(invocation, thisType, stack, depth, cancellationToken) is { } found)
                    {
                        yield return (invocation, found);
                    }
                }
                else if (ProxyTested(target, frame) is { } what && !ConditionTestsIsAdded(target.Syntax, isAddedReads))
                {
                    yield return (target, new Finding(target.Syntax, what, target.Syntax, ImmutableArray<IMethodSymbol>.Empty));
                }
            }
        }

        /// <summary>The first proxy test a call leads to, through the callee's body and what it calls.</summary>
        private Finding? FindInCallee(IInvocationOperation invocation, INamedTypeSymbol? thisType, HashSet<(IMethodSymbol, INamedTypeSymbol?)> stack, int depth, CancellationToken cancellationToken)
        {
            var (target, calleeThis) = Resolve(invocation, thisType);
            var key = (target, calleeThis);
            if (proxyTests.TryGetValue(key, out var cached))
            {
                return cached;
            }

            if (!analysis.HasBody(target) || analysis.GetControlFlowGraph(target, cancellationToken) is not { } graph || !stack.Add(key))
            {
                return null; // no body, or recursion: the first visit finds what there is
            }

            Finding? first = null;
            foreach (var (_, finding) in Walk(target, graph, calleeThis, stack, depth + 1, cancellationToken))
            {
                first = new Finding(finding.ReportAt, finding.What, finding.Test, finding.Through.Insert(0, target));
                break;
            }

            stack.Remove(key);
            return depth == 0 ? proxyTests.GetOrAdd(key, first) : first;
        }

        /// <summary>Whether a call runs code that reads IsAdded (anywhere in it): counted as a test, to report only what is surely missing one.</summary>
        private bool CallTestsIsAdded(IInvocationOperation invocation, INamedTypeSymbol? thisType, CancellationToken cancellationToken)
        {
            var (target, calleeThis) = Resolve(invocation, thisType);
            return TestsIsAdded(target, calleeThis, new HashSet<(IMethodSymbol, INamedTypeSymbol?)>(), cancellationToken);
        }

        private bool TestsIsAdded(IMethodSymbol method, INamedTypeSymbol? thisType, HashSet<(IMethodSymbol, INamedTypeSymbol?)> visiting, CancellationToken cancellationToken)
        {
            var key = (method, thisType);
            if (testsIsAdded.TryGetValue(key, out var known))
            {
                return known;
            }

            if (visiting.Count >= MaxCallDepth || !visiting.Add(key) || analysis.GetControlFlowGraph(method, cancellationToken) is not { } graph)
            {
                return false;
            }

            var frame = new MethodFrame(method, graph, ImmutableArray<DeviceOrigin>.Empty, thisType, outer: null);
            var result = frame.Operations().Any(operation =>
                ReadsIsAdded(operation) ||
                (operation is IInvocationOperation call && Resolve(call, thisType) is var (target, calleeThis) && TestsIsAdded(target, calleeThis, visiting, cancellationToken)));
            visiting.Remove(key);
            return visiting.Count == 0 ? testsIsAdded.GetOrAdd(key, result) : result;
        }

        private static (IMethodSymbol Target, INamedTypeSymbol? ThisType) Resolve(IInvocationOperation invocation, INamedTypeSymbol? thisType)
        {
            var receiver = ReachableCall.ReceiverOf(invocation);
            var target = RestartPathAnalysis.ResolveTarget(invocation.TargetMethod, invocation.IsVirtual, receiver, thisType);
            var calleeThis = receiver == CallReceiver.This || target.MethodKind == MethodKind.LocalFunction ? thisType : null;
            return ((target.PartialImplementationPart ?? target).OriginalDefinition, calleeThis);
        }

        private bool ReadsIsAdded(IOperation operation) =>
            operation is IPropertyReferenceOperation reference && DriverModelSymbols.Is(reference.Property, symbols.DeviceIsAdded);

        /// <summary>
        /// "the bound driver" or "the driver data" when <paramref name="operation"/> tests Driver or
        /// DriverData (against null, a type, a pattern, another value); null otherwise.
        /// </summary>
        private string? ProxyTested(IOperation operation, MethodFrame frame)
        {
            IEnumerable<IOperation> tested = operation switch
            {
                IIsPatternOperation isPattern => new[] { isPattern.Value },
                IIsTypeOperation isType => new[] { isType.ValueOperand },
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.ObjectValueEquals or BinaryOperatorKind.ObjectValueNotEquals } binary =>
                    new[] { binary.LeftOperand, binary.RightOperand },
                IPropertySubpatternOperation subpattern => new[] { subpattern.Member },
                _ => Enumerable.Empty<IOperation>(),
            };

            foreach (var value in tested)
            {
                if (Proxy(value, frame, 0) is { } what)
                {
                    return what;
                }
            }

            return null;
        }

        private string? Proxy(IOperation value, MethodFrame frame, int depth)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    return Proxy(conversion.Operand, frame, depth);
                case IFlowCaptureReferenceOperation capture when depth < 4:
                    var captured = frame.CapturedValues(capture.Id).Select(v => Proxy(v, frame, depth + 1)).Distinct().ToList();
                    return captured.Count == 1 ? captured[0] : null;
                case IPropertyReferenceOperation reference when DriverModelSymbols.Is(reference.Property, symbols.DeviceDriver):
                    return "the bound driver";
                case IPropertyReferenceOperation reference when DriverModelSymbols.Is(reference.Property, symbols.DeviceDriverData):
                    return "the driver data";
                default:
                    return null;
            }
        }

        /// <summary>
        /// True when the condition the test is part of (through <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>,
        /// parentheses and patterns) also reads IsAdded: <c>device.Driver != null &amp;&amp; device.IsAdded</c>.
        /// </summary>
        private static bool ConditionTestsIsAdded(SyntaxNode test, List<SyntaxNode> isAddedReads)
        {
            var condition = test;
            while (condition.Parent is { } parent && IsPartOfCondition(parent))
            {
                condition = parent;
            }

            return isAddedReads.Any(read => read.SyntaxTree == condition.SyntaxTree && condition.Span.Contains(read.Span));
        }

        private static bool IsPartOfCondition(SyntaxNode node) => node switch
        {
            BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression),
            PrefixUnaryExpressionSyntax unary => unary.IsKind(SyntaxKind.LogicalNotExpression),
            ParenthesizedExpressionSyntax or IsPatternExpressionSyntax or PatternSyntax or SubpatternSyntax or PropertyPatternClauseSyntax => true,
            _ => false,
        };
    }
}
