namespace ShutdownAnalyzers.DriverModel;

/// <summary>How the firmware answered a mailbox command (<c>mbxStatus</c>).</summary>
public enum MailboxStatus
{
    Success,

    /// <summary>The firmware is not in a state that accepts the command.</summary>
    Rejected,

    /// <summary>No answer within the timeout.</summary>
    TimedOut,
}
