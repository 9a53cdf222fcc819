namespace ShutdownAnalyzers.Hardware;

/// <summary>A disk behind a SCSI host adapter: spindle, heads and, optionally, a write cache.</summary>
public class ScsiDisk : HardwareUnit
{
    public bool Spinning { get; internal set; } = true;

    public bool HeadsParked { get; internal set; }

    /// <summary>Without power the spindle stops and the heads retract.</summary>
    internal override void LosePower(string cause)
    {
        base.LosePower(cause);
        Spinning = false;
        HeadsParked = true;
    }

    /// <summary>Disks spin up when power comes back.</summary>
    internal override void PowerOn()
    {
        base.PowerOn();
        Spinning = true;
        HeadsParked = false;
    }
}
