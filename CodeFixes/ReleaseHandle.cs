using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ShutdownAnalyzers;

/// <summary>
/// Where Probe keeps the handle an acquiring call returns (<c>MapDma</c>'s buffer, <c>MapRegisters</c>'
/// mapping, <c>AddLink</c>'s link), and how Remove can name it: a field or property of the driver, or a
/// member of the driver's per-device state, reached through a local of Remove that holds that state or
/// through <c>device.DriverData</c> when Probe stores the state there. Anything else cannot be named,
/// and the SHD006 fix is then not offered.
/// </summary>
internal static class ReleaseHandle
{
    private const string DriverDataProperty = "DriverData";

    /// <summary>The member that keeps the handle <paramref name="acquireCall"/> returns, and whether it belongs to the driver itself.</summary>
    public static (ISymbol Member, bool OnDriver, bool StateIsDriverData)? FindStorage(
        SyntaxNode acquireCall, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (semanticModel.GetOperation(acquireCall, cancellationToken) is not IInvocationOperation invocation)
        {
            return null;
        }

        return StorageOf(invocation, semanticModel, cancellationToken, followLocals: true);
    }

    /// <summary>
    /// An expression Remove can use for the handle kept in <paramref name="storage"/>, written for
    /// <paramref name="remove"/> (whose device parameter is <paramref name="device"/>); null when none.
    /// </summary>
    public static ExpressionSyntax? NameIn(
        (ISymbol Member, bool OnDriver, bool StateIsDriverData) storage,
        MethodDeclarationSyntax remove,
        SemanticModel semanticModel,
        string device,
        CancellationToken cancellationToken)
    {
        if (semanticModel.GetDeclaredSymbol(remove, cancellationToken) is not { } removeSymbol ||
            !semanticModel.Compilation.IsSymbolAccessibleWithin(storage.Member, removeSymbol.ContainingType))
        {
            return null;
        }

        var member = SyntaxFactory.IdentifierName(storage.Member.Name);
        if (storage.OnDriver)
        {
            return storage.Member.IsStatic || !removeSymbol.IsStatic ? member : null;
        }

        var stateType = storage.Member.ContainingType;
        if (remove.Body is { } body)
        {
            foreach (var statement in body.Statements.OfType<LocalDeclarationStatementSyntax>())
            {
                foreach (var variable in statement.Declaration.Variables)
                {
                    if (semanticModel.GetDeclaredSymbol(variable, cancellationToken) is ILocalSymbol local &&
                        SymbolEqualityComparer.Default.Equals(local.Type, stateType))
                    {
                        return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(local.Name), member);
                    }
                }
            }
        }

        if (!storage.StateIsDriverData)
        {
            return null;
        }

        // ((State)device.DriverData!).Rings
        var typeName = stateType.ToMinimalDisplayString(semanticModel, remove.SpanStart);
        return SyntaxFactory.ParseExpression($"(({typeName}){device}.{DriverDataProperty}!).{storage.Member.Name}");
    }

    private static (ISymbol Member, bool OnDriver, bool StateIsDriverData)? StorageOf(
        IOperation value, SemanticModel semanticModel, CancellationToken cancellationToken, bool followLocals)
    {
        var parent = value.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            value = parent;
            parent = value.Parent;
        }

        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Value == value:
                return MemberOf(assignment.Target, semanticModel, cancellationToken);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when followLocals:
                return StorageOfLocal(declarator.Symbol, value, semanticModel, cancellationToken);
            case IArgumentOperation { Parent: IObjectCreationOperation creation, Parameter: { } parameter }:
                return ConstructorStorage(creation, parameter, semanticModel, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>A local holding the handle: where the method that declares it stores the local.</summary>
    private static (ISymbol Member, bool OnDriver, bool StateIsDriverData)? StorageOfLocal(
        ILocalSymbol local, IOperation anyOperation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var root = anyOperation;
        while (root.Parent is { } next)
        {
            root = next;
        }

        foreach (var reference in root.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                StorageOf(reference, semanticModel, cancellationToken, followLocals: false) is { } storage)
            {
                return storage;
            }
        }

        return null;
    }

    /// <summary><c>x.Rings = handle</c>, <c>Rings = handle</c>, or <c>new State { Rings = handle }</c>.</summary>
    private static (ISymbol Member, bool OnDriver, bool StateIsDriverData)? MemberOf(
        IOperation target, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var (member, instance) = target switch
        {
            IFieldReferenceOperation field => ((ISymbol)field.Field, field.Instance),
            IPropertyReferenceOperation { Arguments.IsEmpty: true } property => (property.Property, property.Instance),
            _ => (null, null),
        };
        if (member is null)
        {
            return null;
        }

        switch (instance)
        {
            case null:
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return (member, true, false);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                // An object initializer: the new object is the state; is it what Probe stores in DriverData?
                var creation = EnclosingCreation(target);
                return (member, false, creation is not null && IsStoredInDriverData(creation, semanticModel, cancellationToken));
            case ILocalReferenceOperation local:
                return (member, false, IsLocalStoredInDriverData(local, semanticModel, cancellationToken));
            default:
                return (member, false, false);
        }
    }

    /// <summary><c>new State(handle)</c> whose constructor (in source) assigns the parameter to a member.</summary>
    private static (ISymbol Member, bool OnDriver, bool StateIsDriverData)? ConstructorStorage(
        IObjectCreationOperation creation, IParameterSymbol parameter, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (creation.Constructor is not { } constructor)
        {
            return null;
        }

        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var model = syntax.SyntaxTree == semanticModel.SyntaxTree
                ? semanticModel
                : semanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);
            if (model.GetOperation(syntax, cancellationToken) is not { } body)
            {
                continue;
            }

            foreach (var assignment in body.Descendants().OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Value is IParameterReferenceOperation { Parameter: var assigned } &&
                    SymbolEqualityComparer.Default.Equals(assigned.OriginalDefinition, parameter.OriginalDefinition) &&
                    MemberOf(assignment.Target, model, cancellationToken) is { OnDriver: true } kept) // a member of the object being built
                {
                    return (kept.Member, false, IsStoredInDriverData(creation, semanticModel, cancellationToken));
                }
            }
        }

        return null;
    }

    private static bool IsStoredInDriverData(IOperation state, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var value = state;
        while (value.Parent is IConversionOperation or IParenthesizedOperation)
        {
            value = value.Parent;
        }

        return value.Parent switch
        {
            ISimpleAssignmentOperation assignment when assignment.Value == value => IsDriverData(assignment.Target),
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } =>
                IsLocalStoredInDriverData(declarator.Symbol, value, semanticModel, cancellationToken),
            _ => false,
        };
    }

    private static bool IsLocalStoredInDriverData(ILocalReferenceOperation local, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        IsLocalStoredInDriverData(local.Local, local, semanticModel, cancellationToken);

    private static bool IsLocalStoredInDriverData(ILocalSymbol local, IOperation anyOperation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var root = anyOperation;
        while (root.Parent is { } next)
        {
            root = next;
        }

        return root.Descendants().OfType<ISimpleAssignmentOperation>().Any(assignment =>
            IsDriverData(assignment.Target) &&
            Unwrap(assignment.Value) is ILocalReferenceOperation stored &&
            SymbolEqualityComparer.Default.Equals(stored.Local, local));
    }

    /// <summary><c>device.DriverData</c>, the bus API's per-device slot for the driver's state.</summary>
    private static bool IsDriverData(IOperation target) =>
        target is IPropertyReferenceOperation { Property: { Name: DriverDataProperty, ContainingType: { } owner } } &&
        owner.ContainingNamespace?.ToDisplayString() == Infrastructure.DriverModelSymbols.Namespace;

    private static IObjectCreationOperation? EnclosingCreation(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IObjectCreationOperation creation)
            {
                return creation;
            }
        }

        return null;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
