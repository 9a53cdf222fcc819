using System;
using System.Collections.Generic;
using System.Linq;

namespace ShutdownAnalyzers.Hardware;

/// <summary>A mailbox command a device's firmware executes (lpfc: <c>mbxCmd x88 CONFIG_PORT</c>).</summary>
public readonly record struct FirmwareCommand(byte Code, string Name)
{
    public override string ToString() => $"mbxCmd x{Code:x2} {Name}";
}

/// <summary>In state <see cref="From"/>, <see cref="Command"/> is accepted and moves the firmware to <see cref="To"/>.</summary>
public sealed record FirmwareTransition(FirmwareCommand Command, string From, string To)
{
    /// <summary>Use as <see cref="From"/> for a command accepted in every state.</summary>
    public const string AnyState = "*";
}

/// <summary>
/// Firmware that accepts commands only in some states. A reset (function-level reset, firmware
/// restart, power cycle) puts it back in <see cref="StateAfterReset"/>; nothing else does, so a
/// kernel that leaves it initialised hands the next kernel firmware that rejects its probe.
/// </summary>
public sealed class FirmwareStateMachine
{
    private readonly FirmwareTransition[] transitions;

    public FirmwareStateMachine(string stateAfterReset, TimeSpan commandTime, IEnumerable<FirmwareTransition> transitions)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateAfterReset);
        ArgumentNullException.ThrowIfNull(transitions);
        if (commandTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(commandTime), "A command cannot take negative time.");
        }

        StateAfterReset = stateAfterReset;
        State = stateAfterReset;
        CommandTime = commandTime;
        this.transitions = transitions.ToArray();
    }

    /// <summary>The state power-on and every reset leave the firmware in.</summary>
    public string StateAfterReset { get; }

    public string State { get; private set; }

    /// <summary>How long the firmware takes to complete a command.</summary>
    public TimeSpan CommandTime { get; }

    public IReadOnlyList<FirmwareTransition> Transitions => transitions;

    public bool Accepts(FirmwareCommand command) => Find(command) is not null;

    /// <summary>Runs the command: true and a new state when accepted, false (state unchanged) when rejected.</summary>
    internal bool Execute(FirmwareCommand command)
    {
        if (Find(command) is not { } transition)
        {
            return false;
        }

        if (transition.To != FirmwareTransition.AnyState)
        {
            State = transition.To;
        }

        return true;
    }

    internal void Reset() => State = StateAfterReset;

    private FirmwareTransition? Find(FirmwareCommand command) =>
        Array.Find(transitions, t => t.Command == command && (t.From == State || t.From == FirmwareTransition.AnyState));
}
