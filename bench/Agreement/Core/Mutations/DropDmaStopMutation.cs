using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>
/// SHD003: what Shutdown runs no longer stops the device's DMA — every call it reaches of a bus-API
/// member marked <c>[QuiescesDma]</c> or <c>[Resets]</c> (<c>StopDma</c>, <c>ClearMaster</c>,
/// <c>DisableDevice</c>, a reset) is dropped, in the driver or in the helpers it shares with the
/// flawed form, as mlx5 without <c>mlx5_try_fast_unload</c>. The PCI core's clear-master is all that is left.
/// </summary>
public sealed class DropDmaStopMutation : Mutation
{
    public override string RuleId => "SHD003";

    public override string Name => "drop-dma-stop";

    public override bool ChangesSharedFiles => true;

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model) =>
        DroppedCalls.Drop(root, CallbackReach.BusApiCalls(model.Compilation, DriverSyntax.Shutdown, StopsDma));

    private static bool StopsDma(IMethodSymbol method) => CallbackReach.Has(method, "QuiescesDma") || CallbackReach.Has(method, "Resets");
}
