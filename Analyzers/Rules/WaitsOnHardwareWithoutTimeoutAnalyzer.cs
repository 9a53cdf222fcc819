using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD010: a driver's Shutdown or Remove, or anything it calls in the same compilation, waits on the
/// hardware with no timeout: a <c>[WaitsOnHardware]</c> call without a timeout parameter, or whose
/// timeout is null or infinite. Hardware that was pulled out (seed 000: "by the time you get the event
/// the hardware is gone") or hung never answers, and the callback, with the kernel's unbind or shutdown
/// behind it, hangs. Reported on each call in the callback's body that leads there, naming the path;
/// the additional location is where a timeout goes (an argument, or the call that lacks one).
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = DriverTypeAnalyzer.ShippedByHost)]
public sealed class WaitsOnHardwareWithoutTimeoutAnalyzer : DriverTypeAnalyzer
{
    /// <summary>Diagnostic property: how a timeout gets to the additional location (<see cref="ReplaceArgument"/>, <see cref="AddArgument"/>, <see cref="UseOverload"/>).</summary>
    internal const string TimeoutFixProperty = "TimeoutFix";

    /// <summary>Diagnostic property: the name of the wait's timeout parameter, when it has one.</summary>
    internal const string TimeoutParameterProperty = "TimeoutParameter";

    /// <summary>The additional location is the timeout argument, null or infinite: replace it.</summary>
    internal const string ReplaceArgument = "Replace";

    /// <summary>The additional location is a call that leaves its timeout out (the default is null or infinite): add it.</summary>
    internal const string AddArgument = "Add";

    /// <summary>The additional location is a call to a wait with no timeout parameter: call an overload that has one.</summary>
    internal const string UseOverload = "Overload";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.WaitsOnHardwareWithoutTimeout,
        title: "Shutdown or Remove waits on the hardware with no timeout",
        messageFormat: "{0} of {1} waits on the hardware with no timeout: {2}; hardware that is gone (hot-unplug) or hung never answers, and the callback hangs",
        RuleCategories.Lifecycle,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Remove runs when a device is unbound or surprise-removed, when the hardware may already be gone; Shutdown runs before " +
                     "reboot, power-off and kexec, whatever state the hardware is in. A wait for a ready bit, a command completion or a cache " +
                     "flush that has no timeout never ends when nothing answers, and hangs the unbind, the hot-plug handler or the shutdown " +
                     "of every device after it. Give every wait on hardware in these callbacks a finite timeout.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.WaitsOnHardwareWithoutTimeout));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols)
    {
        // Remove runs whatever the system does, and Shutdown's waits hang on power-off as on restart.
        if (symbols.WaitsOnHardwareAttribute is not { } waitsOnHardware ||
            RestartPathAnalysis.Create(symbols, PathAssumptions.AnySystemState) is not { Effects.WaitsWithoutTimeout: { } waitsWithoutTimeout } analysis)
        {
            return null;
        }

        return symbolContext =>
        {
            var driverType = (INamedTypeSymbol)symbolContext.Symbol;
            if (symbols.GetDriverBase(driverType) is not { } driverBase)
            {
                return;
            }

            CallbackChecker? checker = null;
            foreach (var name in new[] { DriverModelSymbols.Shutdown, DriverModelSymbols.Remove })
            {
                if (DriverModelSymbols.FindDeclaredCallback(driverType, driverBase, name) is { } callback &&
                    analysis.HasBody(callback))
                {
                    checker ??= new CallbackChecker(analysis, waitsWithoutTimeout, waitsOnHardware, driverType);
                    checker.Analyze(symbolContext, callback);
                }
            }
        };
    }

    /// <summary>Checks the Shutdown and Remove declared in one driver type (abstract bases included): reported where the bodies are.</summary>
    private sealed class CallbackChecker
    {
        private readonly RestartPathAnalysis analysis;
        private readonly Effect waitsWithoutTimeout;
        private readonly INamedTypeSymbol waitsOnHardware;
        private readonly INamedTypeSymbol driverType;

        public CallbackChecker(RestartPathAnalysis analysis, Effect waitsWithoutTimeout, INamedTypeSymbol waitsOnHardware, INamedTypeSymbol driverType)
        {
            this.analysis = analysis;
            this.waitsWithoutTimeout = waitsWithoutTimeout;
            this.waitsOnHardware = waitsOnHardware;
            this.driverType = driverType;
        }

        public void Analyze(SymbolAnalysisContext context, IMethodSymbol callback)
        {
            foreach (var call in analysis.FindEffectCalls(callback, driverType, waitsWithoutTimeout, context.CancellationToken))
            {
                var properties = ImmutableDictionary<string, string?>.Empty;
                var additional = Enumerable.Empty<Location>();
                if (FindWhereTheTimeoutGoes(call.Path) is var (location, fix, parameter))
                {
                    properties = properties.Add(TimeoutFixProperty, fix).Add(TimeoutParameterProperty, parameter);
                    additional = new[] { location };
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Rule, WholeCall(call.Call.Syntax).GetLocation(), additional, properties, callback.Name, driverType.Name, call.Path.ToString()));
            }
        }

        /// <summary><c>cache?.Flush()</c> rather than its <c>.Flush()</c>: what a reader sees as the call.</summary>
        private static SyntaxNode WholeCall(SyntaxNode call)
        {
            var node = call;
            while (node.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ConditionalAccessExpressionSyntax access && access.WhenNotNull == node)
            {
                node = access;
            }

            return node;
        }

        /// <summary>
        /// Where the wait at the end of <paramref name="path"/> gets its timeout: the null or infinite
        /// argument, followed back up the path while it is a parameter of the method that passes it on;
        /// the call that leaves it out; or the call to a wait that has no timeout parameter.
        /// </summary>
        private (Location Location, string Fix, string? Parameter)? FindWhereTheTimeoutGoes(CallPath path)
        {
            var steps = path.Steps;
            var index = steps.Length - 1;
            if (steps[index].Call is not { Operation: { } waitCall } call)
            {
                return null;
            }

            var timeoutName = TimeoutParameterOf(steps[index].Method);
            if (timeoutName is null)
            {
                return (call.Syntax.GetLocation(), UseOverload, null);
            }

            var ordinal = waitCall.TargetMethod.Parameters.FirstOrDefault(p => p.Name == timeoutName)?.Ordinal;
            var invocation = waitCall;
            while (ordinal is { } current)
            {
                var parameter = invocation.TargetMethod.Parameters[current];
                var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == current);
                if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    return (invocation.Syntax.GetLocation(), AddArgument, parameter.Name);
                }

                var value = argument.Value;
                while (value is IConversionOperation { IsImplicit: true } conversion)
                {
                    value = conversion.Operand;
                }

                if (value is IParameterReferenceOperation passedOn && index >= 2 &&
                    SymbolEqualityComparer.Default.Equals(passedOn.Parameter.ContainingSymbol.OriginalDefinition, steps[index - 1].Method.OriginalDefinition) &&
                    steps[index - 1].Call?.Operation is { } caller)
                {
                    index--;
                    invocation = caller;
                    ordinal = passedOn.Parameter.Ordinal;
                    continue;
                }

                return (argument.Value.Syntax.GetLocation(), ReplaceArgument, parameter.Name);
            }

            return null;
        }

        /// <summary>The <c>TimeoutParameter</c> of the method's <c>[WaitsOnHardware]</c> (or an overridden one's); null when it has none.</summary>
        private string? TimeoutParameterOf(IMethodSymbol method)
        {
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                foreach (var attribute in current.OriginalDefinition.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, waitsOnHardware))
                    {
                        return WaitsWithoutTimeoutEffect.TimeoutParameterOf(attribute);
                    }
                }
            }

            return null;
        }
    }
}
