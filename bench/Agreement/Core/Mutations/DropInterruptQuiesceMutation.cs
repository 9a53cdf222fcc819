using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>
/// SHD004: what Shutdown runs no longer frees, disables or masks the interrupt — every call it reaches
/// of a bus-API member marked <c>[MasksInterrupt]</c> that is not a reset (<c>FreeIrq</c>, <c>DisableIrq</c>,
/// <c>MaskInterrupts</c>) is dropped, as portdrv's shutdown before
/// cc27b735ad3a left the hot-plug interrupt enabled.
/// </summary>
public sealed class DropInterruptQuiesceMutation : Mutation
{
    public override string RuleId => "SHD004";

    public override string Name => "drop-irq-quiesce";

    public override bool ChangesSharedFiles => true;

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model) =>
        DroppedCalls.Drop(root, CallbackReach.BusApiCalls(model.Compilation, DriverSyntax.Shutdown, QuiescesInterrupt));

    private static bool QuiescesInterrupt(IMethodSymbol method) => CallbackReach.Has(method, "MasksInterrupt") && !CallbackReach.Has(method, "Resets");
}
