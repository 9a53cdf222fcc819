using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Agreement.Transforms;

/// <summary>
/// One change to a sample's driver file, written as Roslyn syntax rewriting: a rule's mutation
/// (<see cref="Mutation"/>) or a rewrite that keeps the meaning (<see cref="Rewrite"/>).
/// </summary>
public abstract class SourceTransform
{
    /// <summary>A short name that goes into variant ids, e.g. <c>extract-helper</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The new root of the file, or null when the transform finds nothing to change in it.</summary>
    public abstract SyntaxNode? Apply(SyntaxNode root, SemanticModel model);

    public override string ToString() => Name;
}

/// <summary>Puts a rule's bug into correct code: the variant should be reported by that rule, and fail as its twin does.</summary>
public abstract class Mutation : SourceTransform
{
    /// <summary>The rule whose bug this mutation makes.</summary>
    public abstract string RuleId { get; }
}

/// <summary>Changes the form of the code, never what it does: no rule's verdict should change.</summary>
public abstract class Rewrite : SourceTransform
{
}
