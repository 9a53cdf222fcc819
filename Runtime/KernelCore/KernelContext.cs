using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// What the kernels of one machine share: physical memory, the interrupt controller and the clock;
/// the driver code running now; and the kernel's own checks of what that code does to devices.
/// </summary>
internal sealed class KernelContext
{
    /// <summary>The hung-task detector's default (<c>hung_task_timeout_secs</c> = 120).</summary>
    public const long HungTaskTimeoutMs = 120_000;

    private readonly Stack<CallbackFrame> frames = new();

    public KernelContext(PhysicalMemory memory, SimulatedClock clock, InterruptController interrupts, IKernelObserver? observer)
    {
        Memory = memory;
        Clock = clock;
        Interrupts = interrupts;
        Observer = observer;
    }

    public PhysicalMemory Memory { get; }

    public SimulatedClock Clock { get; }

    public InterruptController Interrupts { get; }

    /// <summary>Null for a kernel used on its own: nothing is contained, callbacks' exceptions propagate.</summary>
    public IKernelObserver? Observer { get; }

    /// <summary>Set by <c>kernel_kexec</c> before <c>device_shutdown</c> (kernel/kexec_core.c).</summary>
    public bool KexecInProgress { get; set; }

    /// <summary>The driver code running now, or null when the kernel core (or a test) is acting.</summary>
    public CallbackFrame? CurrentFrame => frames.Count > 0 ? frames.Peek() : null;

    /// <summary>
    /// Told the driver code running now each time it changes (null: none), for a host that must name
    /// the callback if it never returns or takes the process down.
    /// </summary>
    public Action<CallbackFrame?>? CurrentFrameChanged { get; set; }

    public static KernelContext Standalone(int memoryPages) =>
        new(new PhysicalMemory(memoryPages), new SimulatedClock(), new InterruptController(), observer: null);

    /// <summary>
    /// Runs a driver callback. In a simulation an exception is contained and reported, as the kernel's
    /// shutdown loop goes on past a broken driver; on its own the exception propagates.
    /// </summary>
    public bool Invoke(CallbackFrame frame, Action callback) => Invoke(frame, callback, static call => call());

    /// <summary>
    /// As <see cref="Invoke(CallbackFrame, Action)"/>, calling <paramref name="callback"/> with
    /// <paramref name="state"/>: a static callback makes no closure (every device's Shutdown is called).
    /// </summary>
    public bool Invoke<TState>(CallbackFrame frame, TState state, Action<TState> callback)
    {
        Enter(frame);
        try
        {
            callback(state);
            Observer?.CallbackFinished(frame, null);
            return true;
        }
        catch (Exception error) when (Observer is not null)
        {
            Observer.CallbackFinished(frame, error);
            return false;
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>
    /// Runs <paramref name="driver"/>'s probe of the frame's device: its exception always reaches the
    /// caller, which records the failed probe. Every device probes, so no closure is made for it.
    /// </summary>
    public void InvokeProbe(CallbackFrame frame, IDriverBinding driver)
    {
        Enter(frame);
        try
        {
            driver.Probe(frame.Device);
            Observer?.CallbackFinished(frame, null);
        }
        catch (Exception error)
        {
            Observer?.CallbackFinished(frame, error);
            throw;
        }
        finally
        {
            Leave();
        }
    }

    private void Enter(CallbackFrame frame)
    {
        EnterQuietly(frame);
        Observer?.CallbackStarted(frame);
    }

    /// <summary>Enters <paramref name="frame"/> without telling the observer, as an interrupt handler does.</summary>
    private void EnterQuietly(CallbackFrame frame)
    {
        frames.Push(frame);
        CurrentFrameChanged?.Invoke(frame);
    }

    private void Leave()
    {
        frames.Pop();
        CurrentFrameChanged?.Invoke(CurrentFrame);
    }

    /// <summary>
    /// Runs an interrupt handler; one that throws counts as not having handled the interrupt. A
    /// running device's handler runs on every tick, so its start and return are not told to the
    /// observer (a timeline does not list them), only a throw is; and nothing is allocated.
    /// </summary>
    public IrqReturn InvokeHandler(CallbackFrame frame, InterruptHandler handler)
    {
        EnterQuietly(frame);
        try
        {
            return handler(frame.Device);
        }
        catch (Exception error) when (Observer is not null)
        {
            Observer.CallbackFinished(frame, error);
            return IrqReturn.None;
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>
    /// Waits until the hardware answers at <paramref name="answersAtMs"/> (null: never), or until the
    /// timeout. True when it answered. With no timeout and no answer, the wait outlasts the hung-task
    /// detector: the hang is reported and <see cref="HardwareHangException"/> unwinds the caller. So
    /// does a timeout longer than the detector's when nothing answers: the task is blocked past it
    /// (<see cref="TimeSpan.MaxValue"/> is as good as no timeout).
    /// </summary>
    public bool WaitForHardware(Device device, string what, long? answersAtMs, TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A timeout is positive or Timeout.InfiniteTimeSpan.");
        }

        long? limit = timeout == Timeout.InfiniteTimeSpan ? null : Clock.NowMs + (long)Math.Ceiling(timeout.TotalMilliseconds);
        if (answersAtMs is { } answer && (limit is null || answer <= limit))
        {
            Clock.AdvanceTo(answer);
            return true;
        }

        if (limit is { } end && end - Clock.NowMs <= HungTaskTimeoutMs)
        {
            Clock.AdvanceTo(end);
            Observer?.Note(device, $"{what} timed out");
            return false;
        }

        var since = Clock.NowMs;
        Clock.Advance(HungTaskTimeoutMs);
        var frame = CurrentFrame;
        var bound = limit is null ? "with no timeout" : $"with a timeout of {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s, longer than the hung-task detector's";
        Report(
            Outcome.Hang,
            device,
            $"{Describe(frame)} waited on {what} of {device.Name} from {since} ms {bound}; the hardware can never answer, blocked for more than {HungTaskTimeoutMs / 1000} s",
            location: what);
        throw new HardwareHangException($"{device.Name}: {what} never completes.");
    }

    /// <summary>
    /// The kernel's view of a bus-API call made by driver code: a call on a device whose driver was
    /// removed, recovery acting on a device no longer added, and I/O to a suspended device are reported.
    /// Calls made by the kernel core itself are not driver bugs and are not checked.
    /// </summary>
    public void OnBusAccess(Device device, string member, BusAccessKind kind)
    {
        if (CurrentFrame is not { } frame)
        {
            return;
        }

        if (device.WasBound && device.Binding is null)
        {
            Report(
                Outcome.UseAfterRemove,
                device,
                $"{frame} called {member} on {device.Name} after its driver was removed",
                location: member);
        }
        else if (device.InErrorRecovery && !device.IsAdded && frame.IsErrorHandler)
        {
            Report(
                Outcome.RemovedDuringRecovery,
                device,
                $"{frame} called {member} on {device.Name}, which is no longer added (a concurrent removal took it off the bus); recovery must check IsAdded",
                location: member);
        }
        else if (device.IsSuspended && kind == BusAccessKind.Io)
        {
            Report(
                Outcome.IoAfterSuspend,
                device,
                $"{frame} sent I/O ({member}) to {device.Name} after {device.Name} was suspended",
                location: member);
        }
    }

    /// <summary>Reports evidence at the current time, attributed to the running callback.</summary>
    public void Report(Outcome outcome, Device device, string text, string? location = null, long? flushCostMs = null, CallbackFrame? frame = null) =>
        Report(outcome, device.Name, device.Kernel.Label, text, location, flushCostMs, frame ?? CurrentFrame);

    /// <summary>Reports evidence about hardware that may have no device in the running kernel.</summary>
    public void Report(Outcome outcome, string device, string kernel, string text, string? location = null, long? flushCostMs = null, CallbackFrame? frame = null)
    {
        Observer?.Found(new Evidence
        {
            Outcome = outcome,
            Device = device,
            Text = $"{text} (at {Clock.NowMs} ms, {kernel})",
            AtMs = Clock.NowMs,
            Kernel = kernel,
            Callback = frame?.Callback,
            Driver = frame?.Driver?.Name,
            Location = location,
            FlushCostMs = flushCostMs,
        });
    }

    private static string Describe(CallbackFrame? frame) => frame?.ToString() ?? "the kernel";
}
