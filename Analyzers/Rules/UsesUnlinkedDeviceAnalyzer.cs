using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD009: a driver's Suspend, Shutdown or Remove, or what it calls, sends I/O (a <c>[PerformsIo]</c>
/// call) to a device that is not the one it was called for, nor an ancestor of it, nor linked to it by
/// a device link made in Probe. Suspend and shutdown walk the device list backwards and order only
/// children before parents and consumers before suppliers, so that other device may be suspended
/// already (the storvsc hibernation review, seed 004). Reported on each call in the callback's body
/// that leads there, naming the device and the path.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = DriverTypeAnalyzer.ShippedByHost)]
public sealed class UsesUnlinkedDeviceAnalyzer : DriverTypeAnalyzer
{
    /// <summary>Diagnostic property: where the other device comes from, a <see cref="DeviceOriginKind"/> (Member, DriverData, Lookup).</summary>
    internal const string OriginProperty = "Origin";

    /// <summary>Diagnostic property: the field or property the other device is kept in, for origin Member.</summary>
    internal const string MemberProperty = "Member";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UsesUnlinkedDevice,
        title: "Callback uses another device that is not linked to it",
        messageFormat: "{0} of {1} sends I/O to {2} ({3}), which is neither its device nor an ancestor and is not linked to it in Probe; suspend and shutdown order devices only by parent and by link, so it may already be suspended or shut down",
        RuleCategories.Lifecycle,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Suspend and shutdown walk the device list backwards: children before their parents, consumers before their " +
                     "suppliers, and otherwise in whatever order the devices were added and probed. A Suspend, Shutdown or Remove that " +
                     "sends I/O to some other device may find it suspended or shut down already. Make the dependency known: a device " +
                     "link created in Probe (device.AddAutoRemoveLink(other)) orders this device before the other one.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UsesUnlinkedDevice));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols)
    {
        if (symbols.DeviceLink is null ||
            RestartPathAnalysis.Create(symbols) is not { Effects.PerformsIo: { } performsIo } analysis)
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

            DriverUse? driver = null;
            foreach (var name in new[] { DriverModelSymbols.Suspend, DriverModelSymbols.Shutdown, DriverModelSymbols.Remove })
            {
                if (DriverModelSymbols.FindDeclaredCallback(driverType, driverBase, name) is not { } callback)
                {
                    continue;
                }

                var resolver = new DeviceOriginResolver(symbols, analysis, symbolContext.CancellationToken);
                if (resolver.EntryFrame(callback, driverType) is { } frame)
                {
                    driver ??= new DriverUse(symbols, analysis, performsIo, driverType, DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Probe));
                    driver.AnalyzeCallback(symbolContext, callback, resolver, frame);
                }
            }
        };
    }

    /// <summary>An I/O call on an unlinked device: the device, and the calls from the analysed method down to it.</summary>
    private sealed class Offense
    {
        public Offense(DeviceOrigin device, ImmutableArray<IMethodSymbol> path)
        {
            Device = device;
            Path = path;
        }

        public DeviceOrigin Device { get; }

        /// <summary>From the first call made by the method being summarised to the I/O call.</summary>
        public ImmutableArray<IMethodSymbol> Path { get; }

        public Offense Through(IMethodSymbol caller) => new(Device, Path.Insert(0, caller));
    }

    /// <summary>What Probe leaves behind that a callback may use: what it stores in the driver's members and in DriverData, and whom it links to.</summary>
    private sealed class ProbeFacts
    {
        public static readonly ProbeFacts None = new(new Dictionary<ISymbol, List<DeviceOrigin>>(SymbolEqualityComparer.Default), new List<DeviceOrigin>(), new List<DeviceOrigin>());

        public ProbeFacts(Dictionary<ISymbol, List<DeviceOrigin>> members, List<DeviceOrigin> driverData, List<DeviceOrigin> suppliers)
        {
            Members = members;
            DriverData = driverData;
            Suppliers = suppliers;
        }

        public Dictionary<ISymbol, List<DeviceOrigin>> Members { get; }

        public List<DeviceOrigin> DriverData { get; }

        /// <summary>The supplier of each device link Probe makes for its own device.</summary>
        public List<DeviceOrigin> Suppliers { get; }

        /// <summary>
        /// What a member or DriverData holds when a callback runs — what Probe stored there, followed
        /// through members filled from other members — with the storage on the way; the origin itself otherwise.
        /// </summary>
        public (DeviceOrigin Value, HashSet<DeviceOrigin> Names) Stored(DeviceOrigin origin)
        {
            var names = new HashSet<DeviceOrigin>();
            var current = origin;
            while (current.Kind is DeviceOriginKind.Member or DeviceOriginKind.DriverData && names.Add(current))
            {
                current = current.Kind == DeviceOriginKind.DriverData
                    ? DeviceOrigin.Agree(DriverData)
                    : Members.TryGetValue(current.Symbol!, out var values) ? DeviceOrigin.Agree(values) : DeviceOrigin.Unknown;
            }

            if (names.Contains(current))
            {
                current = DeviceOrigin.Unknown; // members filled from each other in a circle
            }

            names.Add(current);
            return (current, names);
        }
    }

    /// <summary>One walk from a callback: what Probe left, the methods being walked, and how often recursion was cut.</summary>
    private sealed class Walk
    {
        private readonly Func<ProbeFacts> collectProbe;
        private ProbeFacts? probe;

        public Walk(Func<ProbeFacts> collectProbe, DeviceOriginResolver resolver, MethodFrame entry)
        {
            this.collectProbe = collectProbe;
            Resolver = resolver;
            Stack = new HashSet<MethodFrame> { entry };
        }

        /// <summary>What Probe left, collected when an I/O call first needs it: most callbacks make none.</summary>
        public ProbeFacts Probe => probe ??= collectProbe();

        public DeviceOriginResolver Resolver { get; }

        public HashSet<MethodFrame> Stack { get; }

        public int Cuts { get; set; }
    }

    /// <summary>One driver type: its Probe's facts (found once), and the callbacks declared in it.</summary>
    private sealed class DriverUse
    {
        private const int MaxCallDepth = 16;

        private readonly DriverModelSymbols symbols;
        private readonly RestartPathAnalysis analysis;
        private readonly Effect performsIo;
        private readonly INamedTypeSymbol driverType;
        private readonly IMethodSymbol? apiProbe;
        private readonly ConcurrentDictionary<MethodFrame, Offense?> summaries = new();
        private readonly object factsLock = new();
        private ProbeFacts? facts;

        public DriverUse(DriverModelSymbols symbols, RestartPathAnalysis analysis, Effect performsIo, INamedTypeSymbol driverType, IMethodSymbol? apiProbe)
        {
            this.symbols = symbols;
            this.analysis = analysis;
            this.performsIo = performsIo;
            this.driverType = driverType;
            this.apiProbe = apiProbe;
        }

        public void AnalyzeCallback(SymbolAnalysisContext context, IMethodSymbol callback, DeviceOriginResolver resolver, MethodFrame frame)
        {
            var walk = new Walk(() => Facts(resolver), resolver, frame);
            var reported = new HashSet<SyntaxNode>();
            foreach (var invocation in frame.Operations().OfType<IInvocationOperation>().OrderBy(call => call.Syntax.SpanStart))
            {
                if (Check(invocation, frame, walk) is not { } offense || !reported.Add(invocation.Syntax))
                {
                    continue;
                }

                var path = string.Join(CallPath.Arrow, new[] { callback.Name }.Concat(offense.Path.Select(method => method.Name)));
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(OriginProperty, offense.Device.Kind.ToString())
                    .Add(MemberProperty, offense.Device.Symbol?.Name);
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule, invocation.Syntax.GetLocation(), properties, callback.Name, driverType.Name, Describe(offense.Device), path));
            }
        }

        private static string Describe(DeviceOrigin device) => device.Kind switch
        {
            DeviceOriginKind.Member when device.Symbol is IPropertySymbol => $"the device in property '{device.Symbol.Name}'",
            DeviceOriginKind.Member => $"the device in field '{device.Symbol!.Name}'",
            DeviceOriginKind.DriverData => "the device kept in DriverData",
            _ => "a device looked up in Kernel.Devices",
        };

        /// <summary>Whether a call sends I/O to an unlinked device, itself or through what it calls.</summary>
        private Offense? Check(IInvocationOperation invocation, MethodFrame frame, Walk walk)
        {
            var target = RestartPathAnalysis.ResolveTarget(invocation.TargetMethod, invocation.IsVirtual, ReachableCall.ReceiverOf(invocation), frame.ThisType);
            if (performsIo.Match(target, ImmutableArray.Create(new AbstractValue[target.Parameters.Length])).IsMatch)
            {
                var device = DeviceUsedBy(invocation, frame, walk.Resolver);
                return IsUnlinkedOther(device, walk.Probe) ? new Offense(device, ImmutableArray.Create(target)) : null;
            }

            if (walk.Stack.Count >= MaxCallDepth || walk.Resolver.CalleeFrame(invocation, frame) is not { } callee)
            {
                return null;
            }

            if (!walk.Stack.Add(callee))
            {
                walk.Cuts++; // recursion: the visit in progress finds what there is
                return null;
            }

            try
            {
                return Summarize(callee, walk)?.Through(target);
            }
            finally
            {
                walk.Stack.Remove(callee);
            }
        }

        /// <summary>The shortest path from the method of <paramref name="frame"/> to I/O on an unlinked device.</summary>
        private Offense? Summarize(MethodFrame frame, Walk walk)
        {
            if (summaries.TryGetValue(frame, out var cached))
            {
                return cached;
            }

            var cutsBefore = walk.Cuts;
            Offense? best = null;
            foreach (var invocation in frame.Operations().OfType<IInvocationOperation>().OrderBy(call => call.Syntax.SpanStart))
            {
                if (Check(invocation, frame, walk) is { } offense && (best is null || offense.Path.Length < best.Path.Length))
                {
                    best = offense;
                }
            }

            // A path found is a path; "none" is final only when no recursion was cut short on the way.
            return best is not null || walk.Cuts == cutsBefore ? summaries.GetOrAdd(frame, best) : best;
        }

        /// <summary>The device a <c>[PerformsIo]</c> call talks to: its receiver, or the device it was read from, or its first device argument.</summary>
        private DeviceOrigin DeviceUsedBy(IInvocationOperation invocation, MethodFrame frame, DeviceOriginResolver resolver)
        {
            if (invocation.Instance is { } receiver)
            {
                return resolver.DeviceOf(receiver, frame);
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && symbols.IsDevice(parameter.Type))
                {
                    return resolver.Resolve(argument.Value, frame);
                }
            }

            return DeviceOrigin.Unknown;
        }

        /// <summary>
        /// True for a device the analysis can see is another one (a member Probe filled from a lookup,
        /// what Probe put in DriverData, a lookup) that no device link made in Probe covers.
        /// </summary>
        private static bool IsUnlinkedOther(DeviceOrigin device, ProbeFacts probe)
        {
            var (stored, names) = probe.Stored(device);
            if (stored.Kind is DeviceOriginKind.Own or DeviceOriginKind.Unknown or DeviceOriginKind.Null)
            {
                return false;
            }

            foreach (var supplier in probe.Suppliers)
            {
                var (supplied, supplierNames) = probe.Stored(supplier);
                if (supplied.Kind == DeviceOriginKind.Unknown)
                {
                    return false; // a link to a device the analysis cannot see may be the one
                }

                // The same storage or the same value; and two lookups may find the same device, so a
                // link to any looked-up device may cover a device looked up in the callback.
                if (names.Overlaps(supplierNames) ||
                    (device.Kind == DeviceOriginKind.Lookup && supplied.Kind == DeviceOriginKind.Lookup))
                {
                    return false;
                }
            }

            return true;
        }

        private ProbeFacts Facts(DeviceOriginResolver resolver)
        {
            lock (factsLock)
            {
                return facts ??= CollectFacts(resolver);
            }
        }

        private ProbeFacts CollectFacts(DeviceOriginResolver resolver)
        {
            if (apiProbe is null || DriverModelSymbols.FindOverride(driverType, apiProbe) is not { } probe ||
                resolver.EntryFrame(probe, driverType) is not { } entry)
            {
                return ProbeFacts.None;
            }

            var members = new Dictionary<ISymbol, List<DeviceOrigin>>(SymbolEqualityComparer.Default);
            var driverData = new List<DeviceOrigin>();
            var suppliers = new List<DeviceOrigin>();
            var visited = new HashSet<MethodFrame>();
            Walk(entry, 0);
            return new ProbeFacts(members, driverData, suppliers);

            void Walk(MethodFrame frame, int depth)
            {
                if (depth > MaxCallDepth || !visited.Add(frame))
                {
                    return;
                }

                foreach (var operation in frame.Operations())
                {
                    switch (operation)
                    {
                        case ISimpleAssignmentOperation { Target: var target } assignment:
                            Store(target, resolver.Resolve(assignment.Value, frame), frame);
                            break;
                        case IInvocationOperation invocation when IsLinkCreation(invocation.TargetMethod):
                            if (invocation.Instance is { } consumer && resolver.Resolve(consumer, frame).Kind == DeviceOriginKind.Own)
                            {
                                suppliers.Add(invocation.Arguments.FirstOrDefault(a => symbols.IsDevice(a.Parameter?.Type)) is { } supplier
                                    ? resolver.Resolve(supplier.Value, frame)
                                    : DeviceOrigin.Unknown);
                            }

                            break;
                        case IInvocationOperation invocation when resolver.CalleeFrame(invocation, frame) is { } callee:
                            Walk(callee, depth + 1);
                            break;
                    }
                }
            }

            void Store(IOperation target, DeviceOrigin value, MethodFrame frame)
            {
                switch (target)
                {
                    case IPropertyReferenceOperation property when DriverModelSymbols.Is(property.Property, symbols.DeviceDriverData):
                        if (property.Instance is { } owner && resolver.Resolve(owner, frame).Kind == DeviceOriginKind.Own)
                        {
                            driverData.Add(value);
                        }

                        break;
                    case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member
                        when member.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                        var key = member.Member.OriginalDefinition;
                        if (!members.TryGetValue(key, out var values))
                        {
                            members[key] = values = new List<DeviceOrigin>();
                        }

                        values.Add(value);
                        break;
                }
            }
        }

        /// <summary>A member of the bus API's Device that makes a link and returns it (<c>AddLink</c>, <c>AddAutoRemoveLink</c>).</summary>
        private bool IsLinkCreation(IMethodSymbol method) =>
            symbols.IsBusApi(method) &&
            symbols.IsDevice(method.ContainingType) &&
            SymbolEqualityComparer.Default.Equals(method.ReturnType, symbols.DeviceLink) &&
            method.Parameters.Any(parameter => symbols.IsDevice(parameter.Type));
    }
}
