using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// Tells where a device value in driver code comes from (<see cref="DeviceOrigin"/>), following what
/// the code shows: parameters to the device the caller passed, locals and the compiler's temporaries
/// to every value assigned to them (which must agree), <c>Parent</c> of the callback's device to that
/// device, fields and properties of the driver to their member, <c>DriverData</c> of the callback's
/// device to what Probe stored there, anything computed from <c>Kernel.Devices</c> to that lookup, and
/// calls into methods with source to what they return. Everything else is unknown.
/// </summary>
internal sealed class DeviceOriginResolver
{
    /// <summary>Helpers returning devices are followed this deep.</summary>
    private const int MaxCallDepth = 8;

    private readonly DriverModelSymbols symbols;
    private readonly RestartPathAnalysis analysis;
    private readonly CancellationToken cancellationToken;

    public DeviceOriginResolver(DriverModelSymbols symbols, RestartPathAnalysis analysis, CancellationToken cancellationToken)
    {
        this.symbols = symbols;
        this.analysis = analysis;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The frame of a callback: its device parameter is <see cref="DeviceOrigin.Own"/>.</summary>
    /// <summary>Null when the callback's body is not in this compilation.</summary>
    public MethodFrame? EntryFrame(IMethodSymbol callback, INamedTypeSymbol thisType) =>
        NewFrame(
            callback,
            callback.Parameters.Select(p => symbols.IsDevice(p.Type) ? DeviceOrigin.Own : DeviceOrigin.Unknown).ToImmutableArray(),
            thisType,
            outer: null);

    /// <summary>
    /// The frame <paramref name="invocation"/> in <paramref name="caller"/> enters, with the origins of
    /// the devices it passes; null when the target's body is not in this compilation.
    /// </summary>
    public MethodFrame? CalleeFrame(IInvocationOperation invocation, MethodFrame caller)
    {
        var receiver = ReachableCall.ReceiverOf(invocation);
        var target = RestartPathAnalysis.ResolveTarget(invocation.TargetMethod, invocation.IsVirtual, receiver, caller.ThisType);
        if (!analysis.HasBody(target))
        {
            return null;
        }

        var definition = (target.PartialImplementationPart ?? target).OriginalDefinition;
        var parameters = new DeviceOrigin[definition.Parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = DeviceOrigin.Unknown;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Ordinal < parameters.Length &&
                argument.ArgumentKind != ArgumentKind.ParamArray && symbols.IsDevice(parameter.Type))
            {
                parameters[parameter.Ordinal] = Resolve(argument.Value, caller);
            }
        }

        var thisType = receiver == CallReceiver.This ? caller.ThisType : null;
        MethodFrame? outer = null;
        if (definition.MethodKind == MethodKind.LocalFunction)
        {
            for (var frame = caller; frame is not null && outer is null; frame = frame.Outer)
            {
                if (SymbolEqualityComparer.Default.Equals(definition.ContainingSymbol.OriginalDefinition, frame.Method))
                {
                    outer = frame;
                }
            }

            thisType = caller.ThisType;
        }

        return NewFrame(definition, parameters.ToImmutableArray(), thisType, outer);
    }

    /// <summary>A frame on the method's straight-line body, or on its graph when it branches; null without a body here.</summary>
    private MethodFrame? NewFrame(IMethodSymbol method, ImmutableArray<DeviceOrigin> parameters, INamedTypeSymbol? thisType, MethodFrame? outer)
    {
        if (analysis.GetStraightLineBody(method, cancellationToken) is { } straightLine)
        {
            return new MethodFrame(method, straightLine, parameters, thisType, outer);
        }

        return analysis.GetControlFlowGraph(method, cancellationToken) is { } graph
            ? new MethodFrame(method, graph, parameters, thisType, outer)
            : null;
    }

    /// <summary>Where the value of <paramref name="operation"/>, evaluated in <paramref name="frame"/>, comes from.</summary>
    public DeviceOrigin Resolve(IOperation operation, MethodFrame frame) => Resolve(operation, frame, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    /// <summary>
    /// The device a call's receiver is or belongs to: the receiver itself when it is a device, else the
    /// device it was read from (<c>device.WriteCache</c>, through locals and <c>?.</c>).
    /// </summary>
    public DeviceOrigin DeviceOf(IOperation receiver, MethodFrame frame) => DeviceOf(receiver, frame, 0);

    private DeviceOrigin DeviceOf(IOperation receiver, MethodFrame frame, int depth)
    {
        if (symbols.IsDevice(receiver.Type))
        {
            return Resolve(receiver, frame);
        }

        if (depth > MaxCallDepth)
        {
            return DeviceOrigin.Unknown;
        }

        switch (receiver)
        {
            case IConversionOperation conversion:
                return DeviceOf(conversion.Operand, frame, depth + 1);
            case IFlowCaptureReferenceOperation capture:
                return DeviceOrigin.Agree(frame.CapturedValues(capture.Id).Select(value => DeviceOf(value, frame, depth + 1)).ToList());
            case ILocalReferenceOperation local when frame.WritesTo(local.Local) is { Count: > 0 } values:
                return DeviceOrigin.Agree(values.Select(value => DeviceOf(value, frame, depth + 1)).ToList());
            case IPropertyReferenceOperation { Instance: { } instance }:
                return DeviceOf(instance, frame, depth + 1);
            case IFieldReferenceOperation { Instance: { } instance }:
                return DeviceOf(instance, frame, depth + 1);
            default:
                return DeviceOrigin.Unknown;
        }
    }

    private DeviceOrigin Resolve(IOperation operation, MethodFrame frame, int depth, HashSet<ISymbol> visiting)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (operation)
        {
            case IConversionOperation { OperatorMethod: null } conversion:
                return Resolve(conversion.Operand, frame, depth, visiting);
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
            case IDefaultValueOperation:
                return DeviceOrigin.Null;
            case IParameterReferenceOperation parameter:
                return ResolveParameter(parameter.Parameter, frame);
            case ILocalReferenceOperation local:
                return ResolveVariable(local.Local, frame, depth, visiting);
            case IFlowCaptureReferenceOperation capture:
                return DeviceOrigin.Agree(frame.CapturedValues(capture.Id).Select(value => Resolve(value, frame, depth, visiting)).ToList());
            case IPropertyReferenceOperation property:
                return ResolveMember(property.Property, property.Instance, property.Syntax, frame, depth, visiting);
            case IFieldReferenceOperation field:
                return ResolveMember(field.Field, field.Instance, field.Syntax, frame, depth, visiting);
            case IArrayElementReferenceOperation element:
                return DerivedFrom(Resolve(element.ArrayReference, frame, depth, visiting));
            case IInvocationOperation invocation:
                return ResolveCall(invocation, frame, depth, visiting);
            default:
                return DeviceOrigin.Unknown;
        }
    }

    private static DeviceOrigin ResolveParameter(IParameterSymbol parameter, MethodFrame frame)
    {
        var owner = frame.OwnerOf(parameter);
        if (owner is null || parameter.Ordinal >= owner.Parameters.Length || owner.WritesTo(parameter) is not { Count: 0 })
        {
            return DeviceOrigin.Unknown; // assigned in the body: the walk does not follow which value is current
        }

        return owner.Parameters[parameter.Ordinal];
    }

    private DeviceOrigin ResolveVariable(ILocalSymbol local, MethodFrame frame, int depth, HashSet<ISymbol> visiting)
    {
        // A local function sees the locals of the method that declares it.
        for (var owner = frame; owner is not null; owner = owner.Outer)
        {
            var values = owner.WritesTo(local);
            if (values is { Count: 0 } && owner.Outer is not null)
            {
                continue;
            }

            if (values is null || !visiting.Add(local))
            {
                return DeviceOrigin.Unknown;
            }

            var origin = DeviceOrigin.Agree(values.Select(value => Resolve(value, owner, depth, visiting)).ToList());
            visiting.Remove(local);
            return origin;
        }

        return DeviceOrigin.Unknown;
    }

    private DeviceOrigin ResolveMember(ISymbol member, IOperation? instance, SyntaxNode syntax, MethodFrame frame, int depth, HashSet<ISymbol> visiting)
    {
        if (member is IPropertySymbol property)
        {
            if (DriverModelSymbols.Is(property, symbols.KernelDevices))
            {
                return DeviceOrigin.Lookup(syntax);
            }

            if (DriverModelSymbols.Is(property, symbols.DeviceParent))
            {
                return IsOwn(instance, frame, depth, visiting) ? DeviceOrigin.Own : DeviceOrigin.Unknown;
            }

            if (DriverModelSymbols.Is(property, symbols.DeviceDriverData))
            {
                return IsOwn(instance, frame, depth, visiting) ? DeviceOrigin.DriverData : DeviceOrigin.Unknown;
            }

            if (property.IsIndexer)
            {
                return instance is null ? DeviceOrigin.Unknown : DerivedFrom(Resolve(instance, frame, depth, visiting));
            }
        }

        if (instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
        {
            return DeviceOrigin.Member(member);
        }

        return DerivedFrom(Resolve(instance, frame, depth, visiting));
    }

    private bool IsOwn(IOperation? instance, MethodFrame frame, int depth, HashSet<ISymbol> visiting) =>
        instance is not null && Resolve(instance, frame, depth, visiting).Kind == DeviceOriginKind.Own;

    /// <summary>A device found in the kernel's list, or what a helper with source returns.</summary>
    private DeviceOrigin ResolveCall(IInvocationOperation invocation, MethodFrame frame, int depth, HashSet<ISymbol> visiting)
    {
        var operands = invocation.Instance is null
            ? invocation.Arguments.Select(argument => argument.Value)
            : new[] { invocation.Instance }.Concat(invocation.Arguments.Select(argument => argument.Value));
        foreach (var operand in operands)
        {
            if (Resolve(operand, frame, depth, visiting) is { Kind: DeviceOriginKind.Lookup } lookup)
            {
                return lookup;
            }
        }

        if (depth >= MaxCallDepth || invocation.TargetMethod.ReturnsVoid || CalleeFrame(invocation, frame) is not { } callee)
        {
            return DeviceOrigin.Unknown;
        }

        return DeviceOrigin.Agree(callee.ReturnedValues().Select(value => Resolve(value, callee, depth + 1, new HashSet<ISymbol>(SymbolEqualityComparer.Default))).ToList());
    }

    /// <summary>A value read out of another: only a lookup's results are known (an element, <c>Current</c>).</summary>
    private static DeviceOrigin DerivedFrom(DeviceOrigin source) =>
        source.Kind == DeviceOriginKind.Lookup ? source : DeviceOrigin.Unknown;
}
