using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>
/// SHD005: each statement of Shutdown that flushes the write cache (directly or through the sample's
/// helpers) runs only when the system is not restarting — "the next kernel will take care of it", as
/// ipr's fast reboot. Drivers whose Shutdown does not flush are left alone.
/// </summary>
public sealed class SkipFlushOnRestartMutation : Mutation
{
    public override string RuleId => "SHD005";

    public override string Name => "skip-flush-on-restart";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var type in DriverSyntax.DriverClasses(root, model))
        {
            if (DriverSyntax.Callback(type, DriverSyntax.Shutdown) is not { ParameterList.Parameters.Count: 1 } shutdown)
            {
                continue;
            }

            // Which statements flush is asked of the file's own nodes; an expression body is one statement.
            var device = shutdown.ParameterList.Parameters[0].Identifier.ValueText;
            var flushing = shutdown.Body is { } original
                ? original.Statements.Select(statement => statement is ExpressionStatementSyntax && CacheFlushCalls.Reach(statement, model)).ToList()
                : new List<bool> { CacheFlushCalls.Reach(shutdown.ExpressionBody!, model) };
            if (!flushing.Contains(true))
            {
                continue;
            }

            var body = DriverSyntax.BodyAsBlock(shutdown);
            var statements = body.Statements.Select((statement, i) => flushing[i] ? NotOnRestart(device, statement) : statement);
            replacements[shutdown] = DriverSyntax.WithBlock(shutdown, body.WithStatements(SyntaxFactory.List(statements)));
        }

        return replacements.Count == 0 ? null : root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
    }

    private static StatementSyntax NotOnRestart(string device, StatementSyntax statement) =>
        SyntaxFactory.IfStatement(
            SyntaxFactory.ParseExpression($"{device}.Kernel.SystemState != ShutdownAnalyzers.DriverModel.SystemState.Restart"),
            SyntaxFactory.Block(statement));
}
