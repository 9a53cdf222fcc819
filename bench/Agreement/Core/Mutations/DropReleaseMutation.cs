using System.Linq;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>
/// SHD006: Remove gives back one resource less — the first call it reaches of a bus-API member whose
/// only effect is <c>[Releases]</c> (<c>ReleaseRegions</c>, <c>UnmapDma</c>, <c>UnmapRegisters</c>,
/// <c>RemoveLink</c>) is dropped, as nvme's remove once forgot <c>pci_release_mem_regions</c>. A release
/// that also quiesces (<c>FreeIrq</c>) is left to SHD004's mutation.
/// </summary>
public sealed class DropReleaseMutation : Mutation
{
    public override string RuleId => "SHD006";

    public override string Name => "drop-release";

    public override bool ChangesSharedFiles => true;

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model) =>
        DroppedCalls.Drop(root, CallbackReach.BusApiCalls(model.Compilation, DriverSyntax.Remove, OnlyReleases).Take(1));

    private static bool OnlyReleases(IMethodSymbol method)
    {
        var effects = method.GetAttributes().Select(a => a.AttributeClass?.ContainingNamespace.ToDisplayString() + "." + a.AttributeClass?.Name).ToList();
        return effects.Count == 1 && effects[0] == "ShutdownAnalyzers.DriverModel.ReleasesAttribute";
    }
}
