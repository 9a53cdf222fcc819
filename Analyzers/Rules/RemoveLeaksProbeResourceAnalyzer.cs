using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD006: a kernel resource Probe acquires (<c>[Acquires(DeviceResource.X)]</c>: the interrupt, a DMA
/// buffer, a register mapping, the I/O regions, a device link) is not released
/// (<c>[Releases(DeviceResource.X)]</c>) on some path through Remove — CA2213 for drivers. Unbind
/// leaks it, and a rebind fails while an exclusive one (the interrupt line, the regions) is still held.
/// Reported on Remove, with the acquiring call as additional location.
/// </summary>
/// <remarks>
/// Reported when Probe holds the resource when it returns on some path and Remove releases it on no
/// path, or when Probe holds it on every path and Remove can return without releasing it. When both
/// are conditional (Probe takes the interrupt only in MSI mode, Remove frees it only then) the analysis
/// cannot tell whether the conditions match, and says nothing.
/// </remarks>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = DriverTypeAnalyzer.ShippedByHost)]
public sealed class RemoveLeaksProbeResourceAnalyzer : DriverTypeAnalyzer
{
    /// <summary>Diagnostic property: the <c>DeviceResource</c> member that leaks.</summary>
    internal const string ResourceProperty = "Resource";

    /// <summary>Diagnostic property: "true" when Remove releases the resource on no path, so adding one release cannot release it twice.</summary>
    internal const string NeverReleasedProperty = "NeverReleased";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.RemoveLeaksProbeResource,
        title: "Remove does not release a resource Probe acquired",
        messageFormat: "Remove of {0} {1} DeviceResource.{2}, which Probe acquires ({3}); unbinding the driver leaks it, and a rebind fails while an exclusive resource is still held",
        RuleCategories.Lifecycle,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Remove must give back everything Probe took: free the interrupt, unmap DMA buffers and registers, release the " +
                     "regions, delete device links. Unbind (rmmod, VFIO assignment, echo > unbind) runs Remove in a kernel that lives " +
                     "on: what Remove keeps is leaked, and the next probe of the device finds the interrupt line or the regions busy.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RemoveLeaksProbeResource));

    private const string NeverReleases = "never releases";
    private const string CanSkipReleasing = "can return without releasing";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols)
    {
        if (RestartPathAnalysis.Create(symbols, PathAssumptions.AnySystemState) is not { } probeAnalysis ||
            RestartPathAnalysis.Create(symbols, PathAssumptions.AnySystemState.WithDriverStateSet()) is not { } removeAnalysis)
        {
            return null;
        }

        var resources = probeAnalysis.Effects.ResourceKinds
            .Select(kind => ResourceEffects.Create(kind, probeAnalysis.Effects, removeAnalysis.Effects))
            .OfType<ResourceEffects>()
            .ToImmutableArray();
        if (resources.IsEmpty)
        {
            return null;
        }

        var checker = new LeakChecker(symbols, probeAnalysis, removeAnalysis, resources);
        return checker.AnalyzeType;
    }

    /// <summary>The effects of one kind of resource, as each analysis asks about it.</summary>
    private sealed class ResourceEffects
    {
        private ResourceEffects(string kind, Effect acquires, Effect releasesInProbe, Effect releasesInRemove)
        {
            Kind = kind;
            Acquires = acquires;
            ReleasesInProbe = releasesInProbe;
            ReleasesInRemove = releasesInRemove;
        }

        public string Kind { get; }

        public Effect Acquires { get; }

        public Effect ReleasesInProbe { get; }

        public Effect ReleasesInRemove { get; }

        public static ResourceEffects? Create(string kind, EffectAttributes probe, EffectAttributes remove) =>
            probe.Acquires(kind) is { } acquires && probe.Releases(kind) is { } releasesInProbe && remove.Releases(kind) is { } releasesInRemove
                ? new ResourceEffects(kind, acquires, releasesInProbe, releasesInRemove)
                : null;
    }

    /// <summary>A leak of one kind of resource by one driver type's Probe and Remove.</summary>
    private sealed class Leak
    {
        public Leak(ResourceEffects resource, bool neverReleased, CallPath acquirePath)
        {
            Resource = resource;
            NeverReleased = neverReleased;
            AcquirePath = acquirePath;
        }

        public ResourceEffects Resource { get; }

        public bool NeverReleased { get; }

        public CallPath AcquirePath { get; }
    }

    private sealed class LeakChecker
    {
        private readonly DriverModelSymbols symbols;
        private readonly RestartPathAnalysis probeAnalysis;
        private readonly RestartPathAnalysis removeAnalysis;
        private readonly ImmutableArray<ResourceEffects> resources;

        public LeakChecker(DriverModelSymbols symbols, RestartPathAnalysis probeAnalysis, RestartPathAnalysis removeAnalysis, ImmutableArray<ResourceEffects> resources)
        {
            this.symbols = symbols;
            this.probeAnalysis = probeAnalysis;
            this.removeAnalysis = removeAnalysis;
            this.resources = resources;
        }

        /// <summary>
        /// Looks at each concrete driver, and at each abstract one that declares Probe or Remove itself,
        /// with the pair of callbacks in force for it and virtual calls on <c>this</c> resolved from it.
        /// A leak its nearest such base has too, with the same Remove, is reported there only.
        /// </summary>
        public void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsImplicitlyDeclared ||
                Callbacks.Of(type, symbols) is not { } callbacks || !IsAnalyzed(type, callbacks))
            {
                return;
            }

            foreach (var resource in resources)
            {
                if (FindLeak(type, callbacks, resource, context.CancellationToken) is not { } leak ||
                    IsReportedAtBase(type, callbacks, resource, context.CancellationToken))
                {
                    continue;
                }

                var reportedOnRemove = SymbolEqualityComparer.Default.Equals(callbacks.Remove.ContainingType, type);
                var location = reportedOnRemove ? IdentifierLocation(callbacks.Remove, context.CancellationToken) : symbols.GetFirstDeclarationLocation(type);
                var additional = leak.AcquirePath.Last.Call is { } acquireCall ? new[] { acquireCall.Syntax.GetLocation() } : null;
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(ResourceProperty, resource.Kind)
                    .Add(NeverReleasedProperty, leak.NeverReleased && reportedOnRemove ? "true" : "false");
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    location,
                    additional,
                    properties,
                    type.Name,
                    leak.NeverReleased ? NeverReleases : CanSkipReleasing,
                    resource.Kind,
                    leak.AcquirePath.ToString()));
            }
        }

        private Leak? FindLeak(INamedTypeSymbol type, Callbacks callbacks, ResourceEffects resource, CancellationToken cancellationToken)
        {
            var held = probeAnalysis.GetCoverage(callbacks.Probe, type, resource.Acquires, cancellationToken, undoneBy: resource.ReleasesInProbe);
            if (!held.OnSomePath)
            {
                return null;
            }

            var released = removeAnalysis.GetCoverage(callbacks.Remove, type, resource.ReleasesInRemove, cancellationToken);
            var leaks = released.OnNoPath || (released.OnSomePath && !released.OnEveryPath && held.OnEveryPath);
            return leaks && probeAnalysis.FindEffectPath(callbacks.Probe, type, resource.Acquires, cancellationToken) is { } path
                ? new Leak(resource, released.OnNoPath, path)
                : null;
        }

        private static bool IsAnalyzed(INamedTypeSymbol type, Callbacks callbacks) => !type.IsAbstract || callbacks.DeclaredIn(type);

        /// <summary>
        /// True when a base in source that is analysed itself has the same leak with the same Remove:
        /// that base is where it is reported, and fixing it there fixes this driver too.
        /// </summary>
        private bool IsReportedAtBase(INamedTypeSymbol type, Callbacks callbacks, ResourceEffects resource, CancellationToken cancellationToken)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (!SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, symbols.Compilation.Assembly) ||
                    Callbacks.Of(current, symbols) is not { } baseCallbacks || !IsAnalyzed(current, baseCallbacks))
                {
                    continue;
                }

                return SymbolEqualityComparer.Default.Equals(baseCallbacks.Remove, callbacks.Remove) &&
                       FindLeak(current, baseCallbacks, resource, cancellationToken) is not null;
            }

            return false;
        }

        private static Location IdentifierLocation(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
                {
                    return declaration.Identifier.GetLocation();
                }
            }

            return method.Locations.FirstOrDefault() ?? Location.None;
        }
    }

    /// <summary>
    /// The Probe and Remove in force for a driver type, when both are overridden and their bodies can be
    /// seen. A driver that keeps the API's empty Remove is not looked at: like CA2213, which checks the
    /// Dispose a type has and leaves a type with none to CA1001, the rule checks the Remove a driver
    /// wrote (a driver that is never unbound, an interrupt controller, writes none).
    /// </summary>
    private sealed class Callbacks
    {
        private Callbacks(IMethodSymbol probe, IMethodSymbol remove)
        {
            Probe = probe;
            Remove = remove;
        }

        public IMethodSymbol Probe { get; }

        public IMethodSymbol Remove { get; }

        public static Callbacks? Of(INamedTypeSymbol type, DriverModelSymbols symbols)
        {
            if (symbols.GetDriverBase(type) is not { } driverBase ||
                DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Probe) is not { } apiProbe ||
                DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Remove) is not { } apiRemove ||
                DriverModelSymbols.FindOverride(type, apiProbe) is not { } probe ||
                !HasSource(probe, symbols))
            {
                return null;
            }

            return DriverModelSymbols.FindOverride(type, apiRemove) is { } remove && HasSource(remove, symbols)
                ? new Callbacks(probe, remove)
                : null;
        }

        public bool DeclaredIn(INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(Probe.ContainingType, type) ||
            SymbolEqualityComparer.Default.Equals(Remove.ContainingType, type);

        private static bool HasSource(IMethodSymbol method, DriverModelSymbols symbols) =>
            !method.IsAbstract &&
            method.DeclaringSyntaxReferences.Any(reference => symbols.Compilation.ContainsSyntaxTree(reference.SyntaxTree));
    }
}
