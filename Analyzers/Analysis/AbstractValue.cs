using System;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// What the restart-path analysis knows about a value: one constant, an object known to exist (not
/// null, value unknown), or nothing. Integral constants (enums, chars included) are held as
/// <see cref="decimal"/> and floating ones as <see cref="double"/>, so that constants of different
/// integral types compare by value. A timeout known to be infinite is held as -1 milliseconds, the
/// convention of <c>int</c> timeouts (<c>Timeout.Infinite</c>), whatever its type.
/// </summary>
internal readonly struct AbstractValue : IEquatable<AbstractValue>
{
    public static readonly AbstractValue Unknown;

    /// <summary>An object the path assumptions say exists (the device's write cache): not null, nothing else known.</summary>
    public static readonly AbstractValue NotNull = new(constant: null, isConstant: false, isNotNull: true);

    /// <summary>A timeout that never expires.</summary>
    public static readonly AbstractValue InfiniteTimeout = new(-1m, isConstant: true, isNotNull: false);

    private readonly bool isNotNull;

    private AbstractValue(object? constant, bool isConstant, bool isNotNull)
    {
        IsConstant = isConstant;
        Constant = constant;
        this.isNotNull = isNotNull;
    }

    public bool IsConstant { get; }

    /// <summary>The constant (bool, string, decimal, double or null); meaningful only when <see cref="IsConstant"/>.</summary>
    public object? Constant { get; }

    /// <summary>True when the value is known not to be null: a constant other than null, or <see cref="NotNull"/>.</summary>
    public bool IsKnownNotNull => isNotNull || (IsConstant && Constant is not null);

    /// <summary>True or false when the value is a known boolean, null otherwise.</summary>
    public bool? AsBoolean => IsConstant && Constant is bool value ? value : null;

    /// <summary>The value as a number when it is a known integral constant.</summary>
    public decimal? AsIntegral => IsConstant && Constant is decimal value ? value : null;

    public static AbstractValue Boolean(bool value) => new(value, isConstant: true, isNotNull: false);

    public static AbstractValue FromBoolean(bool? value) => value is { } known ? Boolean(known) : Unknown;

    /// <summary>Wraps a constant as the compiler gives it (<c>IOperation.ConstantValue</c>, <c>IFieldSymbol.ConstantValue</c>).</summary>
    public static AbstractValue FromConstant(object? constant) => constant switch
    {
        null => new AbstractValue(null, isConstant: true, isNotNull: false),
        bool or string or decimal or double => new AbstractValue(constant, isConstant: true, isNotNull: false),
        float value => new AbstractValue((double)value, isConstant: true, isNotNull: false),
        char value => new AbstractValue((decimal)value, isConstant: true, isNotNull: false),
        sbyte or byte or short or ushort or int or uint or long or ulong => new AbstractValue(Convert.ToDecimal(constant), isConstant: true, isNotNull: false),
        _ => Unknown,
    };

    /// <summary>The value where two paths meet: kept when both agree, "not null" when an existing object meets another, unknown otherwise.</summary>
    public AbstractValue Join(AbstractValue other)
    {
        if (Equals(other))
        {
            return this;
        }

        return (isNotNull || other.isNotNull) && IsKnownNotNull && other.IsKnownNotNull ? NotNull : Unknown;
    }

    public bool Equals(AbstractValue other) =>
        IsConstant == other.IsConstant && isNotNull == other.isNotNull && (!IsConstant || Equals(Constant, other.Constant));

    public override bool Equals(object? obj) => obj is AbstractValue other && Equals(other);

    public override int GetHashCode() => IsConstant ? Constant?.GetHashCode() ?? 1 : isNotNull ? 2 : 0;

    public override string ToString() => IsConstant ? Constant?.ToString() ?? "null" : isNotNull ? "not null" : "?";
}
