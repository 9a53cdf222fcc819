using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>
/// SHD007: what Probe runs no longer resets the device — every call it reaches of a bus-API member
/// marked <c>[Resets]</c> (<c>FunctionReset</c>, <c>RestartFirmware</c>) is dropped, as ipr without the
/// hard reset <c>ipr_probe_ioa</c> does for a kdump kernel. A cold boot does not notice; a crash kernel,
/// meeting the device still running, does.
/// </summary>
public sealed class DropProbeResetMutation : Mutation
{
    public override string RuleId => "SHD007";

    public override string Name => "drop-probe-reset";

    public override bool ChangesSharedFiles => true;

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model) =>
        DroppedCalls.Drop(root, CallbackReach.BusApiCalls(model.Compilation, DriverSyntax.Probe, method => CallbackReach.Has(method, "Resets")));
}
