using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>Where in Shutdown the power-off goes.</summary>
public enum InsertionPoint
{
    /// <summary>Before everything Shutdown does.</summary>
    Start,

    /// <summary>After everything Shutdown does, as igb's D3hot after __igb_shutdown.</summary>
    End,
}

/// <summary>
/// SHD002: Shutdown powers the device off with no system-state guard — the deepest state the bus
/// API offers through a <c>[PowersOff]</c> member of the device (<c>SetPowerState(D3Cold)</c>,
/// <c>StopUnit()</c>). Drivers whose device has no such member are left alone.
/// </summary>
public sealed class InsertPowerOffMutation : Mutation
{
    private readonly InsertionPoint point;

    public InsertPowerOffMutation(InsertionPoint point) => this.point = point;

    public override string RuleId => "SHD002";

    public override string Name => point == InsertionPoint.Start ? "power-off-first" : "power-off-last";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var type in DriverSyntax.DriverClasses(root, model))
        {
            if (DriverSyntax.Callback(type, DriverSyntax.Shutdown) is not { ParameterList.Parameters.Count: 1 } shutdown
                || PowerOffCall(shutdown, model) is not { } powerOff)
            {
                continue;
            }

            var body = DriverSyntax.BodyAsBlock(shutdown);
            var statements = point == InsertionPoint.Start ? body.Statements.Insert(0, powerOff) : body.Statements.Add(powerOff);
            replacements[shutdown] = DriverSyntax.WithBlock(shutdown, body.WithStatements(statements));
        }

        return replacements.Count == 0 ? null : root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
    }

    /// <summary><c>device.Member(args)</c> for the first <c>[PowersOff]</c> member of the parameter's type whose arguments can be chosen.</summary>
    private static StatementSyntax? PowerOffCall(MethodDeclarationSyntax shutdown, SemanticModel model)
    {
        var parameter = shutdown.ParameterList.Parameters[0];
        if (model.GetDeclaredSymbol(parameter) is not { } symbol)
        {
            return null;
        }

        for (var type = symbol.Type; type is not null; type = type.BaseType)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>().OrderBy(m => m.Name, System.StringComparer.Ordinal))
            {
                if (method.DeclaredAccessibility != Accessibility.Public || !method.GetAttributes().Any(a => a.AttributeClass?.Name == "PowersOffAttribute"))
                {
                    continue;
                }

                if (Arguments(method, model, shutdown.SpanStart) is { } arguments)
                {
                    return SyntaxFactory.ParseStatement($"{parameter.Identifier.ValueText}.{method.Name}({string.Join(", ", arguments)});");
                }
            }
        }

        return null;
    }

    /// <summary>For each parameter the deepest member of its enum (D3Cold); null when a parameter is not an enum.</summary>
    private static IReadOnlyList<string>? Arguments(IMethodSymbol method, SemanticModel model, int position)
    {
        var arguments = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                return null;
            }

            var deepest = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).OrderBy(f => System.Convert.ToInt64(f.ConstantValue)).Last();
            arguments.Add($"{enumType.ToMinimalDisplayString(model, position)}.{deepest.Name}");
        }

        return arguments;
    }
}
