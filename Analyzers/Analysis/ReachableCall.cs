using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers.Analysis;

/// <summary>How a call reaches its receiver, which decides how a virtual call is resolved.</summary>
internal enum CallReceiver
{
    /// <summary>A static method: no receiver.</summary>
    None,

    /// <summary><c>this.M()</c>, <c>M()</c> or <c>base.M()</c>: the object being analysed.</summary>
    This,

    /// <summary>Any other object.</summary>
    Other,
}

/// <summary>
/// A method call that the restart path reaches, with what was known about its arguments there.
/// </summary>
internal sealed class ReachableCall
{
    public ReachableCall(
        IMethodSymbol target, bool isVirtual, CallReceiver receiver, SyntaxNode syntax, ImmutableArray<AbstractValue> arguments, IInvocationOperation? operation = null)
    {
        Target = target;
        IsVirtual = isVirtual;
        Receiver = receiver;
        Syntax = syntax;
        Arguments = arguments;
        Operation = operation;
    }

    /// <summary>The method the compiler bound the call to.</summary>
    public IMethodSymbol Target { get; }

    /// <summary>The call dispatches virtually (not <c>base.M()</c>, not a non-virtual method).</summary>
    public bool IsVirtual { get; }

    public CallReceiver Receiver { get; }

    /// <summary>The call in source: where a diagnostic about it goes.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>What was known about each argument, by the ordinal of <see cref="Target"/>'s parameter.</summary>
    public ImmutableArray<AbstractValue> Arguments { get; }

    /// <summary>The invocation itself, for a rule that needs to see where an argument came from.</summary>
    public IInvocationOperation? Operation { get; }

    public override string ToString() => Syntax.ToString();

    /// <summary>How <paramref name="invocation"/> reaches its receiver.</summary>
    public static CallReceiver ReceiverOf(IInvocationOperation invocation) => invocation.Instance switch
    {
        null => CallReceiver.None,
        IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => CallReceiver.This,
        _ => CallReceiver.Other,
    };
}
