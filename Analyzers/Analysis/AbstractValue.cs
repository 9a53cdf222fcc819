using System;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// What the restart-path analysis knows about a value: one constant, or nothing. Integral constants
/// (enums, chars included) are held as <see cref="decimal"/> and floating ones as <see cref="double"/>,
/// so that constants of different integral types compare by value.
/// </summary>
internal readonly struct AbstractValue : IEquatable<AbstractValue>
{
    public static readonly AbstractValue Unknown;

    private AbstractValue(object? constant)
    {
        IsConstant = true;
        Constant = constant;
    }

    public bool IsConstant { get; }

    /// <summary>The constant (bool, string, decimal, double or null); meaningful only when <see cref="IsConstant"/>.</summary>
    public object? Constant { get; }

    /// <summary>True or false when the value is a known boolean, null otherwise.</summary>
    public bool? AsBoolean => IsConstant && Constant is bool value ? value : null;

    /// <summary>The value as a number when it is a known integral constant.</summary>
    public decimal? AsIntegral => IsConstant && Constant is decimal value ? value : null;

    public static AbstractValue Boolean(bool value) => new(value);

    public static AbstractValue FromBoolean(bool? value) => value is { } known ? new AbstractValue(known) : Unknown;

    /// <summary>Wraps a constant as the compiler gives it (<c>IOperation.ConstantValue</c>, <c>IFieldSymbol.ConstantValue</c>).</summary>
    public static AbstractValue FromConstant(object? constant) => constant switch
    {
        null => new AbstractValue(null),
        bool or string or decimal or double => new AbstractValue(constant),
        float value => new AbstractValue((double)value),
        char value => new AbstractValue((decimal)value),
        sbyte or byte or short or ushort or int or uint or long or ulong => new AbstractValue(Convert.ToDecimal(constant)),
        _ => Unknown,
    };

    /// <summary>The value where two paths meet: kept when both agree, unknown otherwise.</summary>
    public AbstractValue Join(AbstractValue other) => Equals(other) ? this : Unknown;

    public bool Equals(AbstractValue other) =>
        IsConstant == other.IsConstant && (!IsConstant || Equals(Constant, other.Constant));

    public override bool Equals(object? obj) => obj is AbstractValue other && Equals(other);

    public override int GetHashCode() => IsConstant ? Constant?.GetHashCode() ?? 1 : 0;

    public override string ToString() => IsConstant ? Constant?.ToString() ?? "null" : "?";
}
