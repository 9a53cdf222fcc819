using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ShutdownAnalyzers;

/// <summary>
/// The guard the SHD002 fix writes, <c>if (device.Kernel.SystemState == SystemState.PowerOff) { ... }</c>,
/// as igb does (<c>if (system_state == SYSTEM_POWER_OFF)</c> around <c>pci_set_power_state(pdev, PCI_D3hot)</c>).
/// </summary>
internal static class PowerOffGuard
{
    private const string SystemStateType = "global::ShutdownAnalyzers.DriverModel.SystemState";

    /// <summary>A new guard around <paramref name="statements"/>; <c>SystemState</c> is simplified and imported after the edit.</summary>
    public static IfStatementSyntax Create(string deviceParameter, params StatementSyntax[] statements)
    {
        var systemState = SyntaxFactory.ParseName(SystemStateType)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var condition = SyntaxFactory.BinaryExpression(
            SyntaxKind.EqualsExpression,
            SyntaxFactory.ParseExpression(deviceParameter + ".Kernel.SystemState"),
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, systemState, SyntaxFactory.IdentifierName("PowerOff")));
        return SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(statements))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// True for a guard this fix wrote (or one written the same way) on <paramref name="deviceParameter"/>,
    /// with no else: a statement next to it joins it instead of getting a guard of its own.
    /// </summary>
    public static bool IsGuard(StatementSyntax? statement, string deviceParameter)
    {
        if (statement is not IfStatementSyntax { Else: null, Statement: BlockSyntax, Condition: BinaryExpressionSyntax condition } ||
            !condition.IsKind(SyntaxKind.EqualsExpression))
        {
            return false;
        }

        var right = Compact(condition.Right);
        return Compact(condition.Left) == deviceParameter + ".Kernel.SystemState" &&
               (right == "SystemState.PowerOff" || right == "ShutdownAnalyzers.DriverModel.SystemState.PowerOff" ||
                right == SystemStateType + ".PowerOff");
    }

    /// <summary>True when <paramref name="node"/> is already inside a guard on <paramref name="deviceParameter"/>.</summary>
    public static bool IsGuarded(SyntaxNode node, string deviceParameter)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is StatementSyntax statement && IsGuard(statement, deviceParameter))
            {
                return true;
            }

            if (ancestor is MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private static string Compact(SyntaxNode node) => node.WithoutTrivia().ToString().Replace(" ", string.Empty);
}
