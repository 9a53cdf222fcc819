using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// Evaluates values and branch conditions under a <see cref="SystemStateAssumption"/>. Under
/// <see cref="SystemStateAssumption.Restart"/> every read of <c>Kernel.SystemState</c>, on any kernel
/// instance, is the constant <c>SystemState.Restart</c>; under <see cref="SystemStateAssumption.Any"/>
/// it is unknown, so a branch on it leaves both ways open. With the constants in a
/// <see cref="FlowState"/> this folds <c>==</c>, <c>!=</c>, relational operators, <c>!</c>,
/// <c>&amp;</c>/<c>|</c>, conversions and <c>is</c> patterns (<c>not</c>, <c>and</c>, <c>or</c>,
/// relational). The compiler's control-flow graph has already lowered <c>&amp;&amp;</c>, <c>||</c>,
/// <c>?:</c>, <c>switch</c> statements and expressions into branches over these. Anything else is
/// unknown, and an unknown condition leaves both branches open.
/// </summary>
internal sealed class SystemStateConditionEvaluator
{
    private readonly IPropertySymbol? systemStateProperty;
    private readonly AbstractValue assumedState;

    private SystemStateConditionEvaluator(IPropertySymbol? systemStateProperty, AbstractValue assumedState)
    {
        this.systemStateProperty = systemStateProperty;
        this.assumedState = assumedState;
    }

    /// <summary>
    /// Null under <see cref="SystemStateAssumption.Restart"/> when the bus API has no
    /// <c>Kernel.SystemState</c> or no <c>SystemState.Restart</c>: there is no restart path to speak of.
    /// </summary>
    public static SystemStateConditionEvaluator? Create(INamedTypeSymbol? kernel, INamedTypeSymbol? systemState, SystemStateAssumption assumption = SystemStateAssumption.Restart)
    {
        IPropertySymbol? property = null;
        foreach (var member in kernel?.GetMembers("SystemState") ?? ImmutableArray<ISymbol>.Empty)
        {
            if (member is IPropertySymbol candidate && SymbolEqualityComparer.Default.Equals(candidate.Type, systemState))
            {
                property = candidate;
            }
        }

        if (assumption == SystemStateAssumption.Any)
        {
            return new SystemStateConditionEvaluator(property, AbstractValue.Unknown);
        }

        foreach (var member in systemState?.GetMembers("Restart") ?? ImmutableArray<ISymbol>.Empty)
        {
            if (property is not null && member is IFieldSymbol { HasConstantValue: true } field)
            {
                return new SystemStateConditionEvaluator(property, AbstractValue.FromConstant(field.ConstantValue));
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="operation"/> reads <c>SystemState</c> from a kernel.</summary>
    public bool ReadsSystemState(IOperation operation) =>
        systemStateProperty is not null &&
        operation is IPropertyReferenceOperation reference &&
        SymbolEqualityComparer.Default.Equals(reference.Property.OriginalDefinition, systemStateProperty);

    public AbstractValue Evaluate(IOperation operation, FlowState state)
    {
        if (operation.ConstantValue.HasValue)
        {
            return AbstractValue.FromConstant(operation.ConstantValue.Value);
        }

        switch (operation)
        {
            case IPropertyReferenceOperation when ReadsSystemState(operation):
                return assumedState;
            case ILocalReferenceOperation local:
                return state.Get(local.Local);
            case IParameterReferenceOperation parameter:
                return state.Get(parameter.Parameter);
            case IFlowCaptureReferenceOperation capture:
                return state.Get(capture.Id);
            case IConversionOperation conversion:
                return Convert(conversion, Evaluate(conversion.Operand, state));
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                return Not(Evaluate(not.Operand, state));
            case IBinaryOperation { OperatorMethod: null } binary:
                return EvaluateBinary(binary, state);
            case IIsPatternOperation isPattern:
                return Match(isPattern.Pattern, Evaluate(isPattern.Value, state), state);
            case ISimpleAssignmentOperation assignment:
                return Evaluate(assignment.Value, state);
            default:
                return AbstractValue.Unknown;
        }
    }

    private AbstractValue EvaluateBinary(IBinaryOperation binary, FlowState state)
    {
        var left = Evaluate(binary.LeftOperand, state);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd when left.AsBoolean == false:
            case BinaryOperatorKind.And when left.AsBoolean == false:
                return AbstractValue.Boolean(false);
            case BinaryOperatorKind.ConditionalOr when left.AsBoolean == true:
            case BinaryOperatorKind.Or when left.AsBoolean == true:
                return AbstractValue.Boolean(true);
        }

        var right = Evaluate(binary.RightOperand, state);
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

/// <summary>What the analysis assumes about <c>Kernel.SystemState</c> while it walks a method.</summary>
internal enum SystemStateAssumption
{
    /// <summary>The system restarts (kexec, reboot): the paths Shutdown takes before kexec.</summary>
    Restart,

    /// <summary>Nothing: every branch on the system state stays open (Probe, which runs in any state).</summary>
    Any,
}
