using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// Evaluates values and branch conditions under a set of <see cref="FlowAssumptions"/>: with the
/// restart assumption every read of <c>Kernel.SystemState</c>, on any kernel instance, is the constant
/// <c>SystemState.Restart</c>; with the driver-state assumption unknown references are not null; with
/// the crash-kernel assumption reads marked <c>[IndicatesRunning]</c> are true. A helper or property
/// in source that returns one expression is read through (a few calls deep).
/// With the constants in a <see cref="FlowState"/> this folds <c>==</c>, <c>!=</c>, relational
/// operators, <c>!</c>, <c>&amp;</c>/<c>|</c>, conversions and <c>is</c> patterns (<c>not</c>, <c>and</c>,
/// <c>or</c>, relational). The compiler's control-flow graph has already lowered <c>&amp;&amp;</c>,
/// <c>||</c>, <c>?:</c>, <c>switch</c> statements and expressions into branches over these.
/// Anything else is unknown, and an unknown condition leaves both branches open.
/// </summary>
internal sealed class SystemStateConditionEvaluator
{
    /// <summary>How deep the values of helpers returning a condition are followed (<c>if (AlreadyEnabled(device))</c>).</summary>
    private const int MaxInlineDepth = 3;

    private readonly IPropertySymbol? systemStateProperty;
    private readonly AbstractValue restart;
    private readonly bool assumesDriverStateSet;
    private readonly INamedTypeSymbol? indicatesRunning;
    private readonly Func<IMethodSymbol, IOperation?>? returnedValueOf;

    private SystemStateConditionEvaluator(
        IPropertySymbol? systemStateProperty,
        AbstractValue restart,
        bool assumesDriverStateSet,
        INamedTypeSymbol? indicatesRunning,
        Func<IMethodSymbol, IOperation?>? returnedValueOf)
    {
        this.systemStateProperty = systemStateProperty;
        this.restart = restart;
        this.assumesDriverStateSet = assumesDriverStateSet;
        this.indicatesRunning = indicatesRunning;
        this.returnedValueOf = returnedValueOf;
    }

    /// <summary>
    /// Under <paramref name="assumptions"/>, reading what a helper returns through
    /// <paramref name="returnedValueOf"/> (the one expression a method in source returns, or null).
    /// Null only when the assumptions assume a restart and the bus API has no <c>Kernel.SystemState</c>.
    /// </summary>
    public static SystemStateConditionEvaluator? Create(
        Infrastructure.DriverModelSymbols symbols, FlowAssumptions assumptions, Func<IMethodSymbol, IOperation?> returnedValueOf) =>
        Create(symbols.Kernel, symbols.SystemState, assumptions, assumptions.AssumesHardwareRunning ? symbols.IndicatesRunningAttribute : null, returnedValueOf);

    /// <summary>Under the restart assumption; null when the bus API has no <c>Kernel.SystemState</c> or no <c>SystemState.Restart</c>.</summary>
    public static SystemStateConditionEvaluator? Create(INamedTypeSymbol? kernel, INamedTypeSymbol? systemState) =>
        Create(kernel, systemState, FlowAssumptions.Restart);

    /// <summary>
    /// Under <paramref name="assumptions"/>; null only when they assume a restart and the bus API has no
    /// <c>Kernel.SystemState</c> or no <c>SystemState.Restart</c>. Without the restart assumption the
    /// system state is unknown, like any other value.
    /// </summary>
    public static SystemStateConditionEvaluator? Create(INamedTypeSymbol? kernel, INamedTypeSymbol? systemState, FlowAssumptions assumptions) =>
        Create(kernel, systemState, assumptions, indicatesRunning: null, returnedValueOf: null);

    private static SystemStateConditionEvaluator? Create(
        INamedTypeSymbol? kernel,
        INamedTypeSymbol? systemState,
        FlowAssumptions assumptions,
        INamedTypeSymbol? indicatesRunning,
        Func<IMethodSymbol, IOperation?>? returnedValueOf)
    {
        if (!assumptions.AssumesRestart)
        {
            return new SystemStateConditionEvaluator(null, AbstractValue.Unknown, assumptions.AssumesDriverStateSet, indicatesRunning, returnedValueOf);
        }

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

        foreach (var member in systemState.GetMembers("Restart"))
        {
            if (property is not null && member is IFieldSymbol { HasConstantValue: true } field)
            {
                return new SystemStateConditionEvaluator(
                    property, AbstractValue.FromConstant(field.ConstantValue), assumptions.AssumesDriverStateSet, indicatesRunning, returnedValueOf);
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="operation"/> reads <c>SystemState</c> from a kernel.</summary>
    public bool ReadsSystemState(IOperation operation) =>
        systemStateProperty is not null &&
        operation is IPropertyReferenceOperation reference &&
        SymbolEqualityComparer.Default.Equals(reference.Property.OriginalDefinition, systemStateProperty);

    public AbstractValue Evaluate(IOperation operation, FlowState state) => Evaluate(operation, state, depth: 0);

    private AbstractValue Evaluate(IOperation operation, FlowState state, int depth)
    {
        if (operation.ConstantValue.HasValue)
        {
            return AbstractValue.FromConstant(operation.ConstantValue.Value);
        }

        switch (operation)
        {
            case IPropertyReferenceOperation when ReadsSystemState(operation):
                return restart;
            case IPropertyReferenceOperation property when IndicatesRunning(property.Property):
                return AbstractValue.Boolean(true);
            case IPropertyReferenceOperation { Arguments.IsEmpty: true, Property.GetMethod: { } getter } property when depth < MaxInlineDepth:
                return Inline(getter, property.Instance, ImmutableArray<IArgumentOperation>.Empty, state, depth);
            case IInvocationOperation invocation when depth < MaxInlineDepth:
                return Inline(invocation.TargetMethod, invocation.Instance, invocation.Arguments, state, depth);
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
            case IIsNullOperation isNull when assumesDriverStateSet && IsUnknownReference(isNull.Operand, state):
                return AbstractValue.Boolean(false);
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

    /// <summary>Under the crash-kernel assumption, a read marked <c>[IndicatesRunning]</c> is true.</summary>
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
                return AbstractValue.FromBoolean(AreEqual(left, right) ?? AssumedNullComparison(binary, left, right));
            case BinaryOperatorKind.NotEquals:
            case BinaryOperatorKind.ObjectValueNotEquals:
                return Not(AbstractValue.FromBoolean(AreEqual(left, right) ?? AssumedNullComparison(binary, left, right)));
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
            case IConstantPatternOperation constant:
                var expected = Evaluate(constant.Value, state);
                return AbstractValue.FromBoolean(AreEqual(value, expected) ?? AssumedNullMatch(constant, value, expected));
            case IDeclarationPatternOperation or ITypePatternOperation or IRecursivePatternOperation when AssumesTypeTestSucceeds(pattern, value):
                return AbstractValue.Boolean(true);
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

    /// <summary>
    /// Under the driver-state assumption, <c>x == null</c> is false for a reference <c>x</c> the walk knows
    /// nothing about; null otherwise (undecided).
    /// </summary>
    private bool? AssumedNullComparison(IBinaryOperation binary, AbstractValue left, AbstractValue right)
    {
        if (!assumesDriverStateSet)
        {
            return null;
        }

        var leftIsNull = left.IsConstant && left.Constant is null;
        var rightIsNull = right.IsConstant && right.Constant is null;
        return (leftIsNull && !right.IsConstant && IsReference(binary.RightOperand)) ||
               (rightIsNull && !left.IsConstant && IsReference(binary.LeftOperand))
            ? false
            : null;
    }

    private bool? AssumedNullMatch(IConstantPatternOperation pattern, AbstractValue value, AbstractValue expected) =>
        assumesDriverStateSet && expected.IsConstant && expected.Constant is null && !value.IsConstant &&
        pattern.InputType is { IsReferenceType: true }
            ? false
            : null;

    /// <summary>
    /// Under the driver-state assumption, a type test of an <c>object</c> the walk knows nothing about
    /// succeeds (<c>device.DriverData is State state</c>, <c>is { }</c>): the state Probe stored is there.
    /// Tests on more specific types (<c>device is PciDevice pci</c>) stay undecided.
    /// </summary>
    private bool AssumesTypeTestSucceeds(IPatternOperation pattern, AbstractValue value)
    {
        if (!assumesDriverStateSet || value.IsConstant || pattern.InputType.SpecialType != SpecialType.System_Object)
        {
            return false;
        }

        return pattern is not IRecursivePatternOperation recursive ||
               (recursive.DeconstructionSubpatterns.IsEmpty && recursive.PropertySubpatterns.IsEmpty);
    }

    private static bool IsReference(IOperation operand)
    {
        while (operand is IConversionOperation { IsImplicit: true } conversion)
        {
            operand = conversion.Operand;
        }

        return operand.Type is { IsReferenceType: true };
    }

    private bool IsUnknownReference(IOperation operand, FlowState state) =>
        !Evaluate(operand, state).IsConstant && operand.Type is { IsReferenceType: true };

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
    private static AbstractValue Convert(IConversionOperation conversion, AbstractValue operand)
    {
        if (!operand.IsConstant || conversion.OperatorMethod is not null || conversion.Type is not { } target)
        {
            return AbstractValue.Unknown;
        }

        if (operand.Constant is null)
        {
            return operand;
        }

        if (target is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            target = nullable.TypeArguments[0];
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
