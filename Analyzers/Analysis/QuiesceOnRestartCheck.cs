using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// "What Probe starts, the callback kexec runs must stop": Probe (or what it calls) has
/// <see cref="Starts"/> on some path in any system state, and the restart callback
/// (<see cref="RestartCallback"/>) reaches none of <see cref="Stops"/> on the restart path. SHD003 asks it
/// about DMA, SHD004 about interrupts. Thread-safe; create one per compilation and rule.
/// </summary>
/// <remarks>
/// The check reports only what it can see: nothing when Probe's or the callback's body is not in the
/// compilation, and nothing when the callback's restart path reaches a call the analysis cannot follow
/// (<see cref="UnfollowedCallEffect"/>), since the stop may hide there. When the driver has no Shutdown
/// but a Remove that does the stop, SHD001 reports it and its fix (Map Shutdown to Remove) fixes this
/// too; the check then leaves the driver to SHD001 unless the caller says SHD001 is off.
/// </remarks>
internal sealed class QuiesceOnRestartCheck
{
    private readonly DriverModelSymbols symbols;
    private readonly RestartPathAnalysis restartPath;
    private readonly RestartPathAnalysis anyState;

    private QuiesceOnRestartCheck(DriverModelSymbols symbols, RestartPathAnalysis restartPath, RestartPathAnalysis anyState, Effect starts, Effect? startsHarmlessAfter, Effect stops)
    {
        this.symbols = symbols;
        this.restartPath = restartPath;
        this.anyState = anyState;
        Starts = starts;
        StartsHarmlessAfter = startsHarmlessAfter;
        Stops = stops;
    }

    /// <summary>What Probe starts: <c>[EnablesDma]</c>, <c>[Acquires(Interrupt)]</c>.</summary>
    public Effect Starts { get; }

    /// <summary>A call after which Probe's start needs no stop (<c>[ReservesAcrossKexec]</c> for DMA), or null.</summary>
    public Effect? StartsHarmlessAfter { get; }

    /// <summary>What stops it: <c>[QuiescesDma]</c> or <c>[Resets]</c>; freeing, disabling or masking the interrupt.</summary>
    public Effect Stops { get; }

    /// <summary>Null when the bus API lacks what the check needs (its effects, <c>Kernel.SystemState</c>).</summary>
    /// <param name="startsHarmlessAfter">
    /// What makes a start that follows it on every path harmless across kexec (DMA into memory reserved
    /// from the next kernel); null when nothing does.
    /// </param>
    public static QuiesceOnRestartCheck? Create(
        DriverModelSymbols symbols,
        System.Func<EffectAttributes, Effect?> starts,
        System.Func<EffectAttributes, Effect?> stops,
        System.Func<EffectAttributes, Effect?>? startsHarmlessAfter = null)
    {
        if (RestartPathAnalysis.Create(symbols) is not { } restartPath ||
            RestartPathAnalysis.Create(symbols, PathAssumptions.AnySystemState) is not { } anyState ||
            starts(anyState.Effects) is not { } start ||
            stops(restartPath.Effects) is not { } stop)
        {
            return null;
        }

        return new QuiesceOnRestartCheck(symbols, restartPath, anyState, start, startsHarmlessAfter?.Invoke(anyState.Effects), stop);
    }

    /// <summary>
    /// A symbol action: checks the named type with the kexec policy of its file, and reports
    /// <paramref name="rule"/> with the driver, Probe's path and what kexec runs as message arguments.
    /// </summary>
    public void AnalyzeType(SymbolAnalysisContext context, DiagnosticDescriptor rule)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || symbols.GetDriverBase(type) is null)
        {
            return;
        }

        var tree = symbols.GetFirstDeclarationLocation(type).SourceTree;
        var policy = KexecPolicyOption.Read(context.Options, tree);
        var removeWithoutShutdownIsOn = !ConfiguredSeverity.IsTurnedOff(context.Compilation, tree, RuleIdentifiers.RemoveWithoutShutdown, context.CancellationToken);
        if (Check(type, policy, removeWithoutShutdownIsOn, context.CancellationToken) is not { } finding)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            rule,
            finding.Location,
            finding.AdditionalLocations,
            finding.Properties,
            type.ToDisplayString(DriverModelSymbols.DriverNameFormat),
            finding.Started.Path.ToString(),
            finding.Callback.Describe()));
    }

    /// <summary>
    /// The finding for one driver type, or null. <paramref name="removeWithoutShutdownIsOn"/> says whether
    /// SHD001 is on for the driver's file, so drivers it reports can be left to it.
    /// </summary>
    public MissingQuiesce? Check(INamedTypeSymbol driverType, KexecPolicy policy, bool removeWithoutShutdownIsOn, CancellationToken cancellationToken)
    {
        var finding = CheckType(driverType, policy, removeWithoutShutdownIsOn, cancellationToken);
        return finding is not null && !HasSameFindingInBase(driverType, policy, removeWithoutShutdownIsOn, cancellationToken) ? finding : null;
    }

    private MissingQuiesce? CheckType(INamedTypeSymbol driverType, KexecPolicy policy, bool removeWithoutShutdownIsOn, CancellationToken cancellationToken)
    {
        if (driverType.TypeKind != TypeKind.Class || driverType.IsAbstract || driverType.IsStatic || driverType.IsImplicitlyDeclared ||
            symbols.GetDriverBase(driverType) is not { } driverBase ||
            RestartCallback.Find(driverType, driverBase, DriverModelSymbols.Probe) is not { } probe)
        {
            return null;
        }

        var started = StartsHarmlessAfter is { } harmlessAfter
            ? anyState.FindEffectCallsAvoiding(probe, driverType, Starts, harmlessAfter, cancellationToken)
            : anyState.FindEffectCalls(probe, driverType, Starts, cancellationToken);
        if (started.IsEmpty)
        {
            return null;
        }

        var callback = RestartCallback.Resolve(driverType, driverBase, policy);
        if (callback.Method is { } method)
        {
            if (symbols.IsBusApi(method) || !restartPath.HasBody(method) ||
                restartPath.FindEffectPath(method, driverType, Stops, cancellationToken) is not null ||
                restartPath.FindEffectPath(method, driverType, restartPath.Effects.UnfollowedCall, cancellationToken) is not null)
            {
                return null;
            }
        }
        else if (policy == KexecPolicy.Shutdown && removeWithoutShutdownIsOn && RemoveStops(driverType, driverBase, cancellationToken))
        {
            return null; // SHD001 reports it, and mapping Shutdown to Remove fixes both.
        }

        var canMap = callback.Name == DriverModelSymbols.Shutdown &&
                     ShutdownToRemoveMapping.CanMapToRemove(restartPath, driverType, driverBase, Stops, cancellationToken);
        return new MissingQuiesce(driverType, started[0], callback, canMap, ReportLocation(driverType, callback));
    }

    /// <summary>The driver overrides Remove (not the bus API's) and its Remove reaches the stop on the restart path.</summary>
    private bool RemoveStops(INamedTypeSymbol driverType, INamedTypeSymbol driverBase, CancellationToken cancellationToken) =>
        RestartCallback.Find(driverType, driverBase, DriverModelSymbols.Remove) is { } remove &&
        !symbols.IsBusApi(remove) &&
        restartPath.FindEffectPath(remove, driverType, Stops, cancellationToken) is not null;

    /// <summary>The callback's name when the driver declares it, else the driver's name (its first declaration).</summary>
    private Location ReportLocation(INamedTypeSymbol driverType, RestartCallback callback)
    {
        if (callback.Method is { } method &&
            SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, driverType.OriginalDefinition) &&
            method.Locations.FirstOrDefault(location => location.IsInSource) is { } declared)
        {
            return declared;
        }

        return symbols.GetFirstDeclarationLocation(driverType);
    }

    /// <summary>
    /// A concrete base in this compilation with the same Probe, Shutdown and Remove that is reported
    /// already: fixing it fixes this driver too, so one diagnostic at the root is enough.
    /// </summary>
    private bool HasSameFindingInBase(INamedTypeSymbol driverType, KexecPolicy policy, bool removeWithoutShutdownIsOn, CancellationToken cancellationToken)
    {
        if (symbols.GetDriverBase(driverType) is not { } driverBase)
        {
            return false;
        }

        var callbacks = Callbacks(driverType, driverBase);
        for (var current = driverType.BaseType; current is not null && !symbols.IsBusApi(current); current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, symbols.Compilation.Assembly) &&
                !current.IsAbstract &&
                Callbacks(current, driverBase).SequenceEqual(callbacks, SymbolEqualityComparer.Default) &&
                CheckType(current, policy, removeWithoutShutdownIsOn, cancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<ISymbol?> Callbacks(INamedTypeSymbol type, INamedTypeSymbol driverBase) =>
        new[] { DriverModelSymbols.Probe, DriverModelSymbols.Shutdown, DriverModelSymbols.Remove }
            .Select(name => (ISymbol?)RestartCallback.Find(type, driverBase, name)?.OriginalDefinition);
}

/// <summary>What <see cref="QuiesceOnRestartCheck"/> found about one driver.</summary>
internal sealed class MissingQuiesce
{
    /// <summary>Diagnostic property: the callback that needs the stop, "Shutdown" or "Remove".</summary>
    public const string CallbackProperty = "Callback";

    public MissingQuiesce(INamedTypeSymbol driver, EffectCall started, RestartCallback callback, bool canMapToRemove, Location location)
    {
        Driver = driver;
        Started = started;
        Callback = callback;
        CanMapToRemove = canMapToRemove;
        Location = location;
    }

    public INamedTypeSymbol Driver { get; }

    /// <summary>The first call in Probe that starts what is never stopped, with its path (<c>Probe → Start → SetMaster</c>).</summary>
    public EffectCall Started { get; }

    public RestartCallback Callback { get; }

    /// <summary>The driver's Remove does the missing stop, and Shutdown can be mapped to it.</summary>
    public bool CanMapToRemove { get; }

    /// <summary>Where to report: the callback's name when the driver declares it, else the driver's name.</summary>
    public Location Location { get; }

    /// <summary>The properties code fixes read: which callback to fix, and whether it can be mapped to Remove.</summary>
    public ImmutableDictionary<string, string?> Properties => ImmutableDictionary<string, string?>.Empty
        .Add(CallbackProperty, Callback.Name)
        .Add(ShutdownToRemoveMapping.CanMapToRemoveProperty, CanMapToRemove ? "true" : "false");

    /// <summary>Probe's call that starts it, where the IDE shows the second location.</summary>
    public IEnumerable<Location> AdditionalLocations => new[] { Started.Call.Syntax.GetLocation() };
}
