using System;
using System.Collections.Generic;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Text;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Isolation;

/// <summary>
/// A small file the child process maps into memory and keeps the running driver callback in, so the
/// parent can name it after the child hung or died of a stack overflow or <c>Environment.FailFast</c>,
/// when the child can no longer say anything. Mapped memory survives the process; writing it costs
/// no system call, which matters for interrupt handlers that run thousands of times.
/// Layout: a 32-bit length (0: no callback), then the callback's fields, UTF-8, separated by '\n'.
/// </summary>
internal static class CallbackSlot
{
    public const int Size = 4096;

    private const int TextStart = sizeof(int);

    /// <summary>Creates an empty slot file for a child to write.</summary>
    public static void Create(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        file.SetLength(Size);
    }

    /// <summary>The callback the child was running when it stopped, or null if none (or the slot is unreadable).</summary>
    public static RunningCallback? Read(string path)
    {
        byte[] bytes;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            bytes = new byte[Size];
            file.ReadExactly(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var length = BitConverter.ToInt32(bytes, 0);
        if (length <= 0 || length > Size - TextStart)
        {
            return null;
        }

        var fields = Encoding.UTF8.GetString(bytes, TextStart, length).Split('\n');
        return fields.Length == 3 ? new RunningCallback(fields[0], fields[1], fields[2]) : null;
    }

    /// <summary>The child's end: keeps the slot current as callbacks start and return.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly MemoryMappedFile map;
        private readonly MemoryMappedViewAccessor view;
        private readonly Dictionary<RunningCallback, byte[]> encoded = new();

        public Writer(string path)
        {
            map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, Size, MemoryMappedFileAccess.ReadWrite);
            view = map.CreateViewAccessor(0, Size);
        }

        public void Set(RunningCallback? callback)
        {
            if (callback is null)
            {
                view.Write(0, 0);
                return;
            }

            if (!encoded.TryGetValue(callback, out var bytes))
            {
                bytes = Encoding.UTF8.GetBytes($"{callback.Device}\n{callback.Driver}\n{callback.Callback}");
                if (bytes.Length > Size - TextStart)
                {
                    bytes = Array.Empty<byte>();
                }

                encoded[callback] = bytes;
            }

            // Length last: a reader never sees a length that runs past the text written for it.
            view.Write(0, 0);
            view.WriteArray(TextStart, bytes, 0, bytes.Length);
            view.Write(0, bytes.Length);
        }

        public void Dispose()
        {
            view.Dispose();
            map.Dispose();
        }
    }
}
