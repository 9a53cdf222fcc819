using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// The constants known at one point of a method on the restart path: locals, parameters and the
/// compiler's flow captures (the temporaries behind <c>switch</c>, <c>?:</c> and <c>&amp;&amp;</c>).
/// A variable missing from the state has not been assigned on any path seen so far.
/// </summary>
internal sealed class FlowState
{
    public static readonly FlowState Empty = new(ImmutableDictionary.Create<object, AbstractValue>(VariableComparer.Instance));

    private readonly ImmutableDictionary<object, AbstractValue> values;

    private FlowState(ImmutableDictionary<object, AbstractValue> values) => this.values = values;

    public AbstractValue Get(ISymbol variable) => Lookup(variable);

    public AbstractValue Get(CaptureId capture) => Lookup(capture);

    public FlowState Set(ISymbol variable, AbstractValue value) => Store(variable, value);

    public FlowState Set(CaptureId capture, AbstractValue value) => Store(capture, value);

    /// <summary>The state where two paths meet: each variable keeps a constant only when both paths agree.</summary>
    public FlowState Join(FlowState other)
    {
        if (ReferenceEquals(this, other))
        {
            return this;
        }

        var joined = values;
        foreach (var pair in other.values)
        {
            joined = joined.TryGetValue(pair.Key, out var mine)
                ? joined.SetItem(pair.Key, mine.Join(pair.Value))
                : joined.SetItem(pair.Key, pair.Value);
        }

        return new FlowState(joined);
    }

    public bool IsSameAs(FlowState other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (values.Count != other.values.Count)
        {
            return false;
        }

        foreach (var pair in values)
        {
            if (!other.values.TryGetValue(pair.Key, out var theirs) || !theirs.Equals(pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    private AbstractValue Lookup(object key) => values.TryGetValue(key, out var value) ? value : AbstractValue.Unknown;

    private FlowState Store(object key, AbstractValue value) =>
        values.TryGetValue(key, out var old) && old.Equals(value) ? this : new FlowState(values.SetItem(key, value));

    /// <summary>Symbols compare as symbols, capture ids as themselves.</summary>
    private sealed class VariableComparer : IEqualityComparer<object>
    {
        public static readonly VariableComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is ISymbol a && y is ISymbol b
            ? SymbolEqualityComparer.Default.Equals(a, b)
            : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol symbol
            ? SymbolEqualityComparer.Default.GetHashCode(symbol)
            : obj.GetHashCode();
    }
}
