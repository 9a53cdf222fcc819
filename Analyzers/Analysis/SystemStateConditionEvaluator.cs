using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// Evaluates values and branch conditions under the <see cref="PathAssumptions"/>: by default every
/// read of <c>Kernel.SystemState</c>, on any kernel instance, is the constant <c>SystemState.Restart</c>;
/// with a volatile write cache assumed, <c>[IndicatesNonVolatileCache]</c> properties read false and the
/// cache object is not null. With the constants in a <see cref="FlowState"/> this folds <c>==</c>,
/// <c>!=</c>, relational operators, <c>!</c>, <c>&amp;</c>/<c>|</c>, conversions, null checks and
/// <c>is</c> patterns (<c>not</c>, <c>and</c>, <c>or</c>, relational, type and property patterns). The
/// compiler's control-flow graph has already lowered <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c>, <c>?.</c>,
/// <c>switch</c> statements and expressions into branches over these. Infinite timeouts are known
/// (<c>Timeout.InfiniteTimeSpan</c>, <c>TimeSpan.MaxValue</c>, <c>TimeSpan.FromMilliseconds(-1)</c>).
/// With the driver state assumed set, a reference nothing else is known about is not null and a type
/// test of an <c>object</c> succeeds; with the hardware assumed running, <c>[IndicatesRunning]</c> reads
/// are true. A helper or property in source that returns one bool, enum or integral expression is read
/// through, a few calls deep. Anything else is unknown, and an unknown condition leaves both branches open.
/// </summary>
internal sealed class SystemStateConditionEvaluator
{
    /// <summary>How deep the values of helpers returning a condition are followed (<c>if (AlreadyEnabled(device))</c>).</summary>
    private const int MaxInlineDepth = 3;

    /// <summary>Set when an evaluation on this thread reads <c>Kernel.SystemState</c> (see <see cref="TakeSystemStateRead"/>).</summary>
    [ThreadStatic]
    private static bool systemStateRead;

    private readonly IPropertySymbol systemStateProperty;
    private readonly AbstractValue assumedState;
    private readonly SyntaxNode? stateOverrideNode;
    private readonly AbstractValue stateOverride;
    private readonly INamedTypeSymbol? nonVolatileAttribute;
    private readonly INamedTypeSymbol? timeSpan;
    private readonly INamedTypeSymbol? timeout;
    private readonly bool driverStateSet;
    private readonly INamedTypeSymbol? indicatesRunning;
    private readonly Func<IMethodSymbol, IOperation?>? returnedValueOf;

    private SystemStateConditionEvaluator(
        IPropertySymbol systemStateProperty,
        AbstractValue assumedState,
        (SyntaxNode Node, AbstractValue State)? stateOverride,
        INamedTypeSymbol? nonVolatileAttribute,
        Compilation compilation,
        bool driverStateSet,
        INamedTypeSymbol? indicatesRunning,
        Func<IMethodSymbol, IOperation?>? returnedValueOf)
    {
        this.systemStateProperty = systemStateProperty;
        this.assumedState = assumedState;
        stateOverrideNode = stateOverride?.Node;
        this.stateOverride = stateOverride?.State ?? AbstractValue.Unknown;
        this.nonVolatileAttribute = nonVolatileAttribute;
        timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        timeout = compilation.GetTypeByMetadataName("System.Threading.Timeout");
        this.driverStateSet = driverStateSet;
        this.indicatesRunning = indicatesRunning;
        this.returnedValueOf = returnedValueOf;
    }

    /// <summary>
    /// Evaluates under <paramref name="assumptions"/>, reading what a helper returns through
    /// <paramref name="returnedValueOf"/> when given (the one expression a method in source returns, or
    /// null). Null when the bus API has no <c>Kernel.SystemState</c>, no <c>SystemState.Restart</c>, or
    /// not the state assumed.
    /// </summary>
    public static SystemStateConditionEvaluator? Create(
        DriverModelSymbols symbols, PathAssumptions assumptions, Func<IMethodSymbol, IOperation?>? returnedValueOf = null) =>
        Create(symbols.Kernel, symbols.SystemState, assumptions, symbols, returnedValueOf);

    private static SystemStateConditionEvaluator? Create(
        INamedTypeSymbol? kernel, INamedTypeSymbol? systemState, PathAssumptions assumptions, DriverModelSymbols symbols, Func<IMethodSymbol, IOperation?>? returnedValueOf)
    {
        if (kernel is null || systemState is null)
        {
            return null;
        }

        IPropertySymbol? property = null;
        foreach (var member in kernel.GetMembers("SystemState"))
        {
            if (member is IPropertySymbol candidate && SymbolEqualityComparer.Default.Equals(candidate.Type, systemState))
            {
                property = candidate;
            }
        }

        if (property is null || StateConstant(systemState, "Restart") is null)
        {
            return null;
        }

        var assumed = AbstractValue.Unknown;
        if (assumptions.SystemState is { } name)
        {
            if (StateConstant(systemState, name) is not { } value)
            {
                return null;
            }

            assumed = value;
        }

        (SyntaxNode, AbstractValue)? stateOverride = null;
        if (assumptions is { StateOverrideNode: { } node, StateOverride: { } overrideName })
        {
            if (StateConstant(systemState, overrideName) is not { } value)
            {
                return null;
            }

            stateOverride = (node, value);
        }

        return new SystemStateConditionEvaluator(
            property,
            assumed,
            stateOverride,
            assumptions.VolatileWriteCache ? symbols.IndicatesNonVolatileCacheAttribute : null,
            symbols.Compilation,
            assumptions.DriverStateSet,
            assumptions.HardwareRunning ? symbols.IndicatesRunningAttribute : null,
            returnedValueOf);
    }

    private static AbstractValue? StateConstant(INamedTypeSymbol systemState, string name)
    {
        foreach (var member in systemState.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                return AbstractValue.FromConstant(field.ConstantValue);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an evaluation on this thread has read <c>Kernel.SystemState</c> since the last call, and
    /// starts counting afresh. A walk whose evaluations never read it comes out the same whatever system
    /// state is assumed.
    /// </summary>
    public static bool TakeSystemStateRead()
    {
        var read = systemStateRead;
        systemStateRead = false;
        return read;
    }

    /// <summary>True when <paramref name="operation"/> reads <c>SystemState</c> from a kernel.</summary>
    public bool ReadsSystemState(IOperation operation) =>
        operation is IPropertyReferenceOperation reference &&
        SymbolEqualityComparer.Default.Equals(reference.Property.OriginalDefinition, systemStateProperty);

    public AbstractValue Evaluate(IOperation operation, FlowState state) => Evaluate(operation, state, depth: 0);

    /// <summary>
    /// The value, and under the driver-state assumption "not null" for a reference nothing else is known
    /// about: the state Probe set up is there.
    /// </summary>
    private AbstractValue Evaluate(IOperation operation, FlowState state, int depth)
    {
        var value = EvaluateCore(operation, state, depth);
        return driverStateSet && !value.IsConstant && !value.IsKnownNotNull && operation.Type is { IsReferenceType: true }
            ? AbstractValue.NotNull
            : value;
    }

    private AbstractValue EvaluateCore(IOperation operation, FlowState state, int depth)
    {
        if (operation.ConstantValue.HasValue)
        {
            return AbstractValue.FromConstant(operation.ConstantValue.Value);
        }

        switch (operation)
        {
            case IPropertyReferenceOperation when ReadsSystemState(operation):
                systemStateRead = true;
                return IsOverridden(operation.Syntax) ? stateOverride : assumedState;
            case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } nullable } when IsNullableValue(nullable):
                return Evaluate(nullable, state, depth) is { IsConstant: true, Constant: not null } known ? known : AbstractValue.Unknown;
            case IPropertyReferenceOperation property when IndicatesRunning(property.Property):
                return AbstractValue.Boolean(true);
            case IPropertyReferenceOperation property when nonVolatileAttribute is not null && EvaluateCacheProperty(property.Property) is var cache &&
                                                          (cache.IsConstant || cache.IsKnownNotNull):
                return cache;
            case IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter } property when depth < MaxInlineDepth:
                return Inline(getter, property.Instance, ImmutableArray<IArgumentOperation>.Empty, state, depth);
            case IFieldReferenceOperation field when IsInfiniteTimeout(field.Field):
                return AbstractValue.InfiniteTimeout;
            case IInvocationOperation invocation when IsInfiniteTimeout(invocation, state):
                return AbstractValue.InfiniteTimeout;
            case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Arguments.Length: 0, Instance: { } nullable } when IsNullableValue(nullable):
                return Evaluate(nullable, state, depth) is { IsConstant: true, Constant: not null } value ? value : AbstractValue.Unknown;
            case IInvocationOperation invocation when depth < MaxInlineDepth:
                return Inline(invocation.TargetMethod, invocation.Instance, invocation.Arguments, state, depth);
            case IIsNullOperation isNull:
                return IsNull(Evaluate(isNull.Operand, state, depth));
            case IDefaultValueOperation { Type: { } type } when !type.IsValueType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T:
                return AbstractValue.FromConstant(null);
            case ILocalReferenceOperation local:
                return state.Get(local.Local);
            case IParameterReferenceOperation parameter:
                return state.Get(parameter.Parameter);
            case IFlowCaptureReferenceOperation capture:
                return state.Get(capture.Id);
            case IConversionOperation conversion:
                return Convert(conversion, Evaluate(conversion.Operand, state, depth));
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                return Not(Evaluate(not.Operand, state, depth));
            case IBinaryOperation { OperatorMethod: null } binary:
                return EvaluateBinary(binary, state, depth);
            case IIsPatternOperation isPattern:
                return Match(isPattern.Pattern, Evaluate(isPattern.Value, state, depth), state);
            case ISimpleAssignmentOperation assignment:
                return Evaluate(assignment.Value, state, depth);
            default:
                return AbstractValue.Unknown;
        }
    }

    /// <summary>
    /// The value of a helper that returns one bool, enum or integral expression (<c>static bool
    /// AlreadyEnabled(Device d) =&gt; d.Hardware.Dma.Running;</c>), with its parameters bound to the
    /// arguments' values. Virtual members and methods without source are unknown: the body that runs is
    /// not known.
    /// </summary>
    private AbstractValue Inline(IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, FlowState state, int depth)
    {
        if (returnedValueOf is null || !IsSmallDomain(method.ReturnType) || method.IsVirtual || method.IsAbstract || method.IsOverride ||
            method.DeclaringSyntaxReferences.IsEmpty ||
            (instance is not null && instance is not IInstanceReferenceOperation && instance.Type?.TypeKind == TypeKind.Interface) ||
            returnedValueOf(method) is not { } returned)
        {
            return AbstractValue.Unknown;
        }

        var callee = FlowState.Empty;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter)
            {
                callee = callee.Set(parameter.OriginalDefinition, Evaluate(argument.Value, state, depth));
            }
        }

        return Evaluate(returned, callee, depth + 1);
    }

    /// <summary>Values the evaluator can hold as constants and branch on: bool, enums, integral numbers.</summary>
    private static bool IsSmallDomain(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.TypeKind == TypeKind.Enum || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Int32 or
            SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Int16 or
            SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Char;
    }

    /// <summary>Under the hardware-running assumption, a read marked <c>[IndicatesRunning]</c> is true.</summary>
    private bool IndicatesRunning(IPropertySymbol property)
    {
        if (indicatesRunning is null)
        {
            return false;
        }

        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            foreach (var attribute in current.OriginalDefinition.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, indicatesRunning))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private AbstractValue EvaluateBinary(IBinaryOperation binary, FlowState state, int depth)
    {
        var left = Evaluate(binary.LeftOperand, state, depth);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd when left.AsBoolean == false:
            case BinaryOperatorKind.And when left.AsBoolean == false:
                return AbstractValue.Boolean(false);
            case BinaryOperatorKind.ConditionalOr when left.AsBoolean == true:
            case BinaryOperatorKind.Or when left.AsBoolean == true:
                return AbstractValue.Boolean(true);
        }

        var right = Evaluate(binary.RightOperand, state, depth);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd:
            case BinaryOperatorKind.And:
                return And(left, right);
            case BinaryOperatorKind.ConditionalOr:
            case BinaryOperatorKind.Or:
                return Not(And(Not(left), Not(right)));
            case BinaryOperatorKind.ExclusiveOr:
                return left.AsBoolean is { } l && right.AsBoolean is { } r ? AbstractValue.Boolean(l ^ r) : AbstractValue.Unknown;
            case BinaryOperatorKind.Equals:
            case BinaryOperatorKind.ObjectValueEquals:
                return AbstractValue.FromBoolean(AreEqual(left, right));
            case BinaryOperatorKind.NotEquals:
            case BinaryOperatorKind.ObjectValueNotEquals:
                return Not(AbstractValue.FromBoolean(AreEqual(left, right)));
            case BinaryOperatorKind.LessThan:
            case BinaryOperatorKind.LessThanOrEqual:
            case BinaryOperatorKind.GreaterThan:
            case BinaryOperatorKind.GreaterThanOrEqual:
                return AbstractValue.FromBoolean(Compare(binary.OperatorKind, left, right));
            default:
                return AbstractValue.Unknown;
        }
    }

    private AbstractValue Match(IPatternOperation pattern, AbstractValue value, FlowState state)
    {
        switch (pattern)
        {
            case IDiscardPatternOperation:
            case IDeclarationPatternOperation { MatchesNull: true }:
                return AbstractValue.Boolean(true);
            case IDeclarationPatternOperation declaration:
                return MatchesType(declaration, value);
            case ITypePatternOperation type:
                return MatchesType(type, value);
            case IRecursivePatternOperation recursive:
                return MatchRecursive(recursive, value, state);
            case IConstantPatternOperation constant:
                return AbstractValue.FromBoolean(AreEqual(value, Evaluate(constant.Value, state)));
            case IRelationalPatternOperation relational:
                return AbstractValue.FromBoolean(Compare(relational.OperatorKind, value, Evaluate(relational.Value, state)));
            case INegatedPatternOperation negated:
                return Not(Match(negated.Pattern, value, state));
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both:
                return And(Match(both.LeftPattern, value, state), Match(both.RightPattern, value, state));
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either:
                return Not(And(Not(Match(either.LeftPattern, value, state)), Not(Match(either.RightPattern, value, state))));
            default:
                return AbstractValue.Unknown;
        }
    }

    private static AbstractValue Not(AbstractValue value) =>
        value.AsBoolean is { } known ? AbstractValue.Boolean(!known) : AbstractValue.Unknown;

    private static AbstractValue And(AbstractValue left, AbstractValue right)
    {
        if (left.AsBoolean == false || right.AsBoolean == false)
        {
            return AbstractValue.Boolean(false);
        }

        return left.AsBoolean == true && right.AsBoolean == true ? AbstractValue.Boolean(true) : AbstractValue.Unknown;
    }

    private static bool? AreEqual(AbstractValue left, AbstractValue right)
    {
        if ((left.IsKnownNotNull && right.IsConstant && right.Constant is null) ||
            (right.IsKnownNotNull && left.IsConstant && left.Constant is null))
        {
            return false;
        }

        if (!left.IsConstant || !right.IsConstant)
        {
            return null;
        }

        return (left.Constant, right.Constant) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (decimal l, double r) => (double)l == r,
            (double l, decimal r) => l == (double)r,
            var (l, r) => l.GetType() == r.GetType() ? Equals(l, r) : null,
        };
    }

    private static bool? Compare(BinaryOperatorKind kind, AbstractValue left, AbstractValue right)
    {
        if (!left.IsConstant || !right.IsConstant)
        {
            return null;
        }

        if (left.Constant is null || right.Constant is null)
        {
            return false; // a lifted comparison with null is false
        }

        int order;
        switch (left.Constant, right.Constant)
        {
            case (decimal l, decimal r):
                order = l.CompareTo(r);
                break;
            case (double or decimal, double or decimal):
                order = System.Convert.ToDouble(left.Constant).CompareTo(System.Convert.ToDouble(right.Constant));
                break;
            default:
                return null;
        }

        return kind switch
        {
            BinaryOperatorKind.LessThan => order < 0,
            BinaryOperatorKind.LessThanOrEqual => order <= 0,
            BinaryOperatorKind.GreaterThan => order > 0,
            BinaryOperatorKind.GreaterThanOrEqual => order >= 0,
            _ => null,
        };
    }

    /// <summary>Carries a constant through conversions that keep its value: enum and integral widening or narrowing within range, nullable, boxing.</summary>
    private AbstractValue Convert(IConversionOperation conversion, AbstractValue operand)
    {
        if (conversion.OperatorMethod is not null || conversion.Type is not { } target)
        {
            return AbstractValue.Unknown;
        }

        if (!operand.IsConstant)
        {
            // An object that exists still does when seen as a base type, an interface or object.
            return operand.IsKnownNotNull && (conversion.Conversion.IsIdentity || conversion.Conversion.IsReference) ? operand : AbstractValue.Unknown;
        }

        if (operand.Constant is null)
        {
            return operand;
        }

        if (target is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            target = nullable.TypeArguments[0];
        }

        if (SymbolEqualityComparer.Default.Equals(target, timeSpan))
        {
            return operand; // only an infinite timeout is ever known
        }

        if (target is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            target = underlying;
        }

        if (operand.Constant is decimal integral && IntegralRange(target.SpecialType) is var (min, max))
        {
            return integral >= min && integral <= max ? operand : AbstractValue.Unknown;
        }

        return target.SpecialType switch
        {
            SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum => operand,
            SpecialType.System_Boolean when operand.Constant is bool => operand,
            SpecialType.System_String when operand.Constant is string => operand,
            SpecialType.System_Double or SpecialType.System_Single when operand.Constant is decimal or double =>
                AbstractValue.FromConstant(System.Convert.ToDouble(operand.Constant)),
            _ => AbstractValue.Unknown,
        };
    }

    private static bool IsNullableValue(IOperation operation) =>
        operation.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private bool IsOverridden(SyntaxNode syntax) =>
        stateOverrideNode is not null && syntax.SyntaxTree == stateOverrideNode.SyntaxTree && stateOverrideNode.Span.Contains(syntax.Span);

    /// <summary>Under a volatile write cache: "is it non-volatile?" is false, and the cache object exists.</summary>
    private AbstractValue EvaluateCacheProperty(IPropertySymbol property)
    {
        if (HasNonVolatileAttribute(property))
        {
            return AbstractValue.Boolean(false);
        }

        if (property.Type is INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol candidate && HasNonVolatileAttribute(candidate))
                {
                    return AbstractValue.NotNull;
                }
            }
        }

        return AbstractValue.Unknown;
    }

    private bool HasNonVolatileAttribute(IPropertySymbol property)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            foreach (var attribute in current.OriginalDefinition.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, nonVolatileAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>Timeout.InfiniteTimeSpan</c> and <c>TimeSpan.MaxValue</c>: a wait bounded by either never ends.</summary>
    private bool IsInfiniteTimeout(IFieldSymbol field) =>
        (field.Name == "InfiniteTimeSpan" && SymbolEqualityComparer.Default.Equals(field.ContainingType, timeout)) ||
        (field.Name == "MaxValue" && SymbolEqualityComparer.Default.Equals(field.ContainingType, timeSpan));

    /// <summary><c>TimeSpan.FromMilliseconds(-1)</c>, or of <c>Timeout.Infinite</c>: what <c>Timeout.InfiniteTimeSpan</c> is.</summary>
    private bool IsInfiniteTimeout(IInvocationOperation invocation, FlowState state) =>
        invocation.TargetMethod is { IsStatic: true, Name: "FromMilliseconds" } method &&
        SymbolEqualityComparer.Default.Equals(method.ContainingType, timeSpan) &&
        invocation.Arguments.Length == 1 &&
        Evaluate(invocation.Arguments[0].Value, state) is { IsConstant: true } milliseconds &&
        (milliseconds.Constant is decimal integral ? integral == -1 : milliseconds.Constant is double floating && floating == -1);

    private static AbstractValue IsNull(AbstractValue value)
    {
        if (value.IsKnownNotNull)
        {
            return AbstractValue.Boolean(false);
        }

        return value.IsConstant && value.Constant is null ? AbstractValue.Boolean(true) : AbstractValue.Unknown;
    }

    /// <summary>
    /// <c>is T</c> and <c>is T x</c>: true for an object known to exist whose static type already is a
    /// <c>T</c>; under the driver-state assumption, also for an <c>object</c> known to exist
    /// (<c>device.DriverData is State state</c>: the state Probe stored is there).
    /// </summary>
    private AbstractValue MatchesType(IPatternOperation pattern, AbstractValue value)
    {
        if (value.IsConstant && value.Constant is null)
        {
            return AbstractValue.Boolean(false);
        }

        return value.IsKnownNotNull && (IsAlways(pattern.InputType, pattern.NarrowedType) || (driverStateSet && pattern.InputType.SpecialType == SpecialType.System_Object))
            ? AbstractValue.Boolean(true)
            : AbstractValue.Unknown;
    }

    /// <summary><c>is { P: pattern, ... }</c> (type optional): the object exists, is of the type, and every property pattern matches.</summary>
    private AbstractValue MatchRecursive(IRecursivePatternOperation pattern, AbstractValue value, FlowState state)
    {
        var result = MatchesType(pattern, value);
        if (result.AsBoolean == false || !pattern.DeconstructionSubpatterns.IsEmpty)
        {
            return result.AsBoolean == false ? result : AbstractValue.Unknown;
        }

        foreach (var subpattern in pattern.PropertySubpatterns)
        {
            var member = subpattern.Member is IPropertyReferenceOperation or IFieldReferenceOperation ? Evaluate(subpattern.Member, state) : AbstractValue.Unknown;
            result = And(result, Match(subpattern.Pattern, member, state));
        }

        return result;
    }

    /// <summary>True when every value of <paramref name="input"/> that is not null is a <paramref name="narrowed"/>.</summary>
    private static bool IsAlways(ITypeSymbol input, ITypeSymbol narrowed)
    {
        if (input is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            input = nullable.TypeArguments[0];
        }

        for (ITypeSymbol? type = input; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.WithNullableAnnotation(NullableAnnotation.None), narrowed.WithNullableAnnotation(NullableAnnotation.None)))
            {
                return true;
            }
        }

        return false;
    }

    private static (decimal Min, decimal Max)? IntegralRange(SpecialType type) => type switch
    {
        SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue),
        SpecialType.System_Byte => (byte.MinValue, byte.MaxValue),
        SpecialType.System_Int16 => (short.MinValue, short.MaxValue),
        SpecialType.System_UInt16 => (ushort.MinValue, ushort.MaxValue),
        SpecialType.System_Char => (char.MinValue, char.MaxValue),
        SpecialType.System_Int32 => (int.MinValue, int.MaxValue),
        SpecialType.System_UInt32 => (uint.MinValue, uint.MaxValue),
        SpecialType.System_Int64 => (long.MinValue, long.MaxValue),
        SpecialType.System_UInt64 => (ulong.MinValue, ulong.MaxValue),
        _ => null,
    };
}
