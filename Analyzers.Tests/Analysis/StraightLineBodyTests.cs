using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ShutdownAnalyzers.Agreement.Compilation;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Bench.Generator;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Tests.Documentation;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Analysis;

/// <summary>
/// Bodies that run straight through are walked as statements, without a control-flow graph; every
/// other body gets its graph. Both ways must see the same thing, or a rule's answer would depend on
/// which way a body was read.
/// </summary>
public class StraightLineBodyTests
{
    [Theory]
    [InlineData("device.EnableDevice(); device.SetMaster();", "device.EnableDevice(); | device.SetMaster();")]
    [InlineData(
        "var rings = device.MapDma(pages: 2); device.StartDma(rings); device.DriverData = rings;",
        "var rings = device.MapDma(pages: 2); | device.StartDma(rings); | device.DriverData = rings;")]
    [InlineData(
        "device.RequestIrq(static _ => { if (true) { } return IrqReturn.Handled; });",
        "device.RequestIrq(static _ => { if (true) { } return IrqReturn.Handled; });")]
    [InlineData(
        "int count = 0; count += 2; count++; device.SetPowerState((PciPowerState)count);",
        "int count = 0; | count += 2; | count++; | device.SetPowerState((PciPowerState)count);")]
    [InlineData("device.SetMaster(); return;", "device.SetMaster();")]
    public void A_body_without_branches_runs_straight_through(string statements, string steps)
    {
        var body = StraightLineBodyOf(Probe(statements));

        Assert.NotNull(body);
        Assert.Equal(steps, string.Join(" | ", body!.Steps.Select(step => step.Syntax.ToString())));
        Assert.Null(body.ReturnedValue);
    }

    [Fact]
    public void The_value_returned_is_the_last_step()
    {
        var body = StraightLineBody.TryCreate(MethodBody("private static int Pages(PciDevice device) => device.MapDma(pages: 2).Pages.Count;"));

        Assert.Equal("device.MapDma(pages: 2).Pages.Count", body?.ReturnedValue?.Syntax.ToString());
        Assert.Same(body!.ReturnedValue, body.Steps.Last());
    }

    [Theory]
    [InlineData("if (device.Kernel.SystemState == SystemState.PowerOff) device.SetMaster();")]
    [InlineData("device.Kernel?.ToString();")]
    [InlineData("var data = device.DriverData ?? new object();")]
    [InlineData("var ready = device.IsAdded && device.Kernel is not null;")]
    [InlineData("try { device.SetMaster(); } finally { device.ClearMaster(); }")]
    [InlineData("for (var i = 0; i < 2; i++) device.SetMaster();")]
    [InlineData("device.SetPowerState(device.IsAdded ? PciPowerState.D0 : PciPowerState.D3Hot);")]
    [InlineData("return; device.SetMaster();")]
    [InlineData("throw new System.InvalidOperationException();")]
    [InlineData("{ device.SetMaster(); }")]
    [InlineData("Start(); void Start() => device.SetMaster();")]
    [InlineData("var list = new List<int> { 1 };")]
    [InlineData("var pages = new int[1]; ref var first = ref pages[0]; first = 2;")]
    [InlineData("if (device.DriverData is DmaBuffer buffer) device.UnmapDma(buffer);")]
    public void A_body_that_branches_or_needs_lowering_gets_a_graph(string statements)
    {
        Assert.Null(StraightLineBodyOf(Probe(statements)));
    }

    /// <summary>
    /// Every straight-line body in the samples and in each kind of generated driver: the calls its walk
    /// reaches, with what is known of their arguments, in evaluation and in source order, and the values
    /// written and returned that device tracking reads, are those its control-flow graph gives.
    /// </summary>
    [Fact]
    public void Walking_the_statements_sees_what_walking_the_graph_sees()
    {
        var samples = Path.Combine(RepositoryLayout.Root, "Samples");
        var generated = CSharpCompilation.Create(
            "Generated",
            Enumerable.Range(0, 12)
                .Select(index => CSharpSyntaxTree.ParseText(DriverProjectGenerator.DriverSource(index), path: $"Driver{index}.cs"))
                .Append(CSharpSyntaxTree.ParseText(StraightLineShapes, path: "Shapes.cs")),
            SampleReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var compilations = SampleSources.Discover(samples)
            .Select(sample => SampleCompilation.Create(SampleSources.Load(samples, sample)).Compilation)
            .Append(generated);
        var compared = 0;
        foreach (var compilation in compilations)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.True(DriverModelSymbols.TryCreate(compilation, out var symbols));
            var evaluators = new[] { PathAssumptions.Restart, PathAssumptions.AnySystemState }
                .Select(assumptions => SystemStateConditionEvaluator.Create(symbols, assumptions)!)
                .ToList();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    if (model.GetOperation(declaration) is not IMethodBodyOperation operation ||
                        StraightLineBody.TryCreate(operation) is not { } straightLine)
                    {
                        continue;
                    }

                    var method = (IMethodSymbol)model.GetDeclaredSymbol(declaration)!;
                    var graph = ControlFlowGraph.Create(operation);
                    foreach (var evaluator in evaluators)
                    {
                        var entry = MethodContext.Entry(method).EntryState();
                        Assert.Equal(
                            Describe(RestartPathFlow.Analyze(graph, entry, evaluator, CancellationToken.None)),
                            Describe(RestartPathFlow.Analyze(straightLine, entry, evaluator, CancellationToken.None)));
                    }

                    Assert.Equal(
                        Describe(method, new MethodFrame(method, graph, default, null, null)),
                        Describe(method, new MethodFrame(method, straightLine, default, null, null)));
                    compared++;
                }
            }
        }

        Assert.True(compared > 200, $"only {compared} straight-line bodies compared");
    }

    /// <summary>Straight-line bodies the samples do not have: lambdas that call, constants through locals, named arguments, nested calls.</summary>
    private const string StraightLineShapes = """
        using System;
        using System.Threading;
        using ShutdownAnalyzers.DriverModel;

        public sealed class ShapesDriver : PciDriver
        {
            private PciDevice? kept;

            public override string Name => "shapes";

            public override void Probe(PciDevice device)
            {
                device.RequestIrq(_ => { device.MaskInterrupts(); return IrqReturn.Handled; });
                Action later = () => device.FreeIrq();
                var state = PciPowerState.D3Hot;
                var copy = state;
                state = PciPowerState.D0;
                device.SetPowerState(copy);
                device.SetPowerState(state);
                kept = device;
                Wait(timeout: Timeout.InfiniteTimeSpan, device: Pick(device, kept));
            }

            public override void Shutdown(PciDevice device) => Wait(Pick(device, device), TimeSpan.FromSeconds(1));

            private static PciDevice Pick(PciDevice first, PciDevice? second) => first;

            private static void Wait(PciDevice device, TimeSpan timeout) => device.ClearMaster();
        }
        """;

    private static string Describe(MethodFlow flow) =>
        $"reads the system state: {flow.ReadsSystemState}\n" +
        "evaluation order: " + string.Join("; ", flow.Blocks.Where(block => block is not null).SelectMany(block => block!.Calls).Select(Describe)) + "\n" +
        "source order: " + string.Join("; ", flow.Calls.Select(Describe));

    private static string Describe(ReachableCall call) =>
        $"{call.Syntax} -> {call.Target.ToDisplayString()} [{call.Receiver}, virtual {call.IsVirtual}] ({string.Join(", ", call.Arguments)})";

    private static string Describe(IMethodSymbol method, MethodFrame frame)
    {
        var locals = frame.Operations().OfType<ILocalReferenceOperation>().Select(local => (ISymbol)local.Local)
            .Concat(frame.Operations().OfType<IVariableDeclaratorOperation>().Select(declarator => declarator.Symbol))
            .Distinct(SymbolEqualityComparer.Default)
            .Select(local => local!)
            .OrderBy(local => local.Name);
        var written = method.Parameters.Cast<ISymbol>().Concat(locals).Select(variable =>
            $"{variable.Name} = {(frame.WritesTo(variable) is { } values ? string.Join(" | ", values.Select(value => value.Syntax.ToString())) : "untracked")}");
        return "calls: " + string.Join("; ", frame.Operations().OfType<IInvocationOperation>().Select(call => call.Syntax.ToString())) + "\n" +
               "returns: " + string.Join("; ", frame.ReturnedValues().Select(value => value.Syntax.ToString())) + "\n" +
               "writes: " + string.Join("; ", written);
    }

    private static IBlockOperation Probe(string statements) =>
        ((IMethodBodyOperation)MethodBody($$"""
            public override void Probe(PciDevice device)
            {
                {{statements}}
            }
            """)).BlockBody!;

    /// <summary>The body of the one method of an abstract PCI driver declaring <paramref name="member"/>.</summary>
    private static IOperation MethodBody(string member)
    {
        var compilation = CSharpCompilation.Create(
            "Probe",
            new[] { CSharpSyntaxTree.ParseText(Source(member)) },
            ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        return compilation.GetSemanticModel(tree).GetOperation(method)!;
    }

    private static StraightLineBody? StraightLineBodyOf(IBlockOperation block) => StraightLineBody.TryCreate(block.Parent!);

    private static string Source(string member) => $$"""
        using System.Collections.Generic;
        using ShutdownAnalyzers.DriverModel;

        public abstract class NicDriver : PciDriver
        {
            public override string Name => "nic";

            {{member}}
        }
        """;
}
