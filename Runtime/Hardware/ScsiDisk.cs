namespace ShutdownAnalyzers.Hardware;

/// <summary>A disk behind a SCSI host adapter: spindle and heads.</summary>
public class ScsiDisk
{
    public bool Spinning { get; internal set; } = true;

    public bool HeadsParked { get; internal set; }
}
