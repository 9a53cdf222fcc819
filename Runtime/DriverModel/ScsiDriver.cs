namespace ShutdownAnalyzers.DriverModel;

/// <summary>An upper-level SCSI driver such as <c>sd</c> (<c>struct scsi_driver</c>).</summary>
public abstract class ScsiDriver : Driver<ScsiDevice>
{
}
