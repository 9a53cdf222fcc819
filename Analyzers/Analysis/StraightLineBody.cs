using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// A method body that runs its statements one after the other: no branch, loop, <c>try</c>, early
/// return, throw, or expression the compiler lowers into temporaries (<c>?.</c>, <c>??</c>, <c>&amp;&amp;</c>,
/// initializers, patterns). Its control-flow graph would be one block between entry and exit, so the
/// walks read its statements in order instead of having the compiler build that graph. Most bodies a
/// driver's callbacks reach are like this (98 % of those followed in the 5,000-driver benchmark); any
/// other body gets its graph.
/// </summary>
internal sealed class StraightLineBody
{
    private StraightLineBody(IOperation root, ImmutableArray<IOperation> steps, IOperation? returnedValue)
    {
        Root = root;
        Steps = steps;
        ReturnedValue = returnedValue;
    }

    /// <summary>The method's body operation, as the compiler's graph would keep it (<c>OriginalOperation</c>).</summary>
    public IOperation Root { get; }

    /// <summary>What runs, in order: each statement, and last the value returned, if any.</summary>
    public ImmutableArray<IOperation> Steps { get; }

    /// <summary>The value the body returns (<c>return x;</c>, an expression body), or null.</summary>
    public IOperation? ReturnedValue { get; }

    /// <summary>The body as a straight line, or null when some path through it branches or it needs lowering.</summary>
    public static StraightLineBody? TryCreate(IOperation body)
    {
        if (body is not IMethodBodyOperation methodBody ||
            (methodBody.BlockBody is null) == (methodBody.ExpressionBody is null) ||
            (methodBody.BlockBody ?? methodBody.ExpressionBody) is not { } block)
        {
            return null;
        }

        var statements = block.Operations;
        var steps = ImmutableArray.CreateBuilder<IOperation>(statements.Length);
        IOperation? returnedValue = null;
        var pending = new Stack<IOperation>();
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            switch (statement)
            {
                case IExpressionStatementOperation or IVariableDeclarationGroupOperation when IsStraight(statement, pending):
                    steps.Add(statement);
                    break;
                case IReturnOperation { Kind: OperationKind.Return } returned when i == statements.Length - 1: // not yield return
                    if (returned.ReturnedValue is { } value)
                    {
                        if (!IsStraight(value, pending))
                        {
                            return null;
                        }

                        steps.Add(value);
                        returnedValue = value;
                    }

                    break;
                default:
                    return null; // a nested block, a branch or loop, using, a local function, ...
            }
        }

        return new StraightLineBody(body, steps.ToImmutable(), returnedValue);
    }

    /// <summary>
    /// True when <paramref name="root"/> and everything under it (lambdas aside: their bodies are graphs
    /// of their own) evaluate in order without a branch the compiler's graph would make.
    /// </summary>
    /// <param name="pending">An empty stack to work with, shared by the body's statements; left empty on true.</param>
    private static bool IsStraight(IOperation root, Stack<IOperation> pending)
    {
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation:
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                case IObjectCreationOperation { Initializer: not null }:
                case IVariableDeclaratorOperation { Symbol.IsRef: true }: // a graph assigns it by reference
                case IVariableDeclarationOperation { Initializer: not null }: // VB's shared initializer
                    return false;
            }

            if (!IsStraightKind(operation.Kind))
            {
                return false;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return true;
    }

    private static bool IsStraightKind(OperationKind kind) => kind switch
    {
        OperationKind.ExpressionStatement or
        OperationKind.VariableDeclarationGroup or
        OperationKind.VariableDeclaration or
        OperationKind.VariableDeclarator or
        OperationKind.VariableInitializer or
        OperationKind.Invocation or
        OperationKind.Argument or
        OperationKind.LocalReference or
        OperationKind.ParameterReference or
        OperationKind.FieldReference or
        OperationKind.PropertyReference or
        OperationKind.EventReference or
        OperationKind.EventAssignment or
        OperationKind.MethodReference or
        OperationKind.InstanceReference or
        OperationKind.Literal or
        OperationKind.Conversion or
        OperationKind.SimpleAssignment or
        OperationKind.CompoundAssignment or
        OperationKind.Increment or
        OperationKind.Decrement or
        OperationKind.Binary or
        OperationKind.Unary or
        OperationKind.ObjectCreation or
        OperationKind.ArrayCreation or
        OperationKind.ArrayInitializer or
        OperationKind.ArrayElementReference or
        OperationKind.DelegateCreation or
        OperationKind.AnonymousFunction or
        OperationKind.TypeOf or
        OperationKind.NameOf or
        OperationKind.SizeOf or
        OperationKind.DefaultValue or
        OperationKind.IsType or
        OperationKind.Tuple or
        OperationKind.InterpolatedString or
        OperationKind.Interpolation or
        OperationKind.InterpolatedStringText or
        OperationKind.Await => true,
        _ => false,
    };
}
