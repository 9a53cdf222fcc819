using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Analysis;

/// <summary>
/// "Is there a path to X that avoids Y?": the calls of <c>Target(n)</c> that some path reaches before
/// any call of <c>Guard()</c>, in methods of every shape.
/// </summary>
public class UnguardedPathsTests
{
    [Fact]
    public void A_guard_before_the_target_on_every_path_protects_it()
    {
        Assert.Empty(Unguarded("""
            Guard();
            if (flag) { Target(1); } else { Target(2); }
            """));
    }

    [Fact]
    public void A_guard_on_one_branch_only_does_not()
    {
        Assert.Equal(new[] { 2 }, Unguarded("""
            if (flag) { Guard(); Target(1); }
            Target(2);
            """));
    }

    [Fact]
    public void Order_inside_a_condition_counts()
    {
        Assert.Empty(Unguarded("if (Guard() && Target(1)) { }"));
        Assert.Equal(new[] { 1 }, Unguarded("if (Target(1) && Guard()) { }"));
    }

    [Fact]
    public void An_early_return_on_the_other_branch_protects_what_follows()
    {
        Assert.Empty(Unguarded("""
            if (!Guard()) { return; }
            Target(1);
            """));
        Assert.Equal(new[] { 1 }, Unguarded("""
            if (flag) { return; }
            Target(1);
            Guard();
            """));
    }

    [Fact]
    public void A_target_the_loop_reaches_before_its_guard_is_unguarded()
    {
        // The loop may also run no time at all, so what follows it is unguarded too.
        Assert.Equal(new[] { 1, 2 }, Unguarded("""
            for (var i = 0; i < 3; i++)
            {
                Target(1);
                Guard();
            }

            Target(2);
            """));
    }

    [Fact]
    public void A_catch_is_guarded_only_when_all_of_its_try_is()
    {
        Assert.Equal(new[] { 1 }, Unguarded("""
            try { Guard(); } catch (System.Exception) { Target(1); }
            """));
        Assert.Empty(Unguarded("""
            Guard();
            try { Target(1); } catch (System.Exception) { Target(2); } finally { Target(3); }
            """));
    }

    [Fact]
    public void Lambda_bodies_and_unreachable_code_are_not_on_the_path()
    {
        Assert.Empty(Unguarded("""
            System.Func<bool> later = () => Target(1);
            return;
            Target(2);
            """));
    }

    /// <summary>The numbers passed to the unguarded <c>Target(n)</c> calls of a method with <paramref name="body"/>, in source order.</summary>
    private static int[] Unguarded(string body)
    {
        var source = $$"""
            public sealed class Code
            {
                private bool flag;

                public void Method()
                {
            {{body}}
                }

                private static bool Guard() => true;

                private static bool Target(int n) => true;
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Paths",
            new[] { CSharpSyntaxTree.ParseText(source) },
            ReferenceAssemblies.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var tree = compilation.SyntaxTrees[0];
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Method");
        var operation = (IMethodBodyOperation)compilation.GetSemanticModel(tree).GetOperation(method)!;
        var graph = ControlFlowGraph.Create(operation);

        return UnguardedPaths.Find(graph, IsCallTo("Guard"), IsCallTo("Target"), CancellationToken.None)
            .Select(call => (int)((IInvocationOperation)call).Arguments[0].Value.ConstantValue.Value!)
            .ToArray();

        static System.Func<IOperation, bool> IsCallTo(string name) =>
            operation => operation is IInvocationOperation invocation && invocation.TargetMethod.Name == name;
    }
}
