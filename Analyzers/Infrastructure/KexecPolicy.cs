using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// Which driver callbacks kexec runs before it jumps to the next kernel, as the runtime's policies of
/// the same names (seed 000, seed 002, seed 003). The rules that ask "what runs on the restart path"
/// read it from <c>.editorconfig</c> (<see cref="KexecPolicyOption.Key"/>); the default is what Linux does.
/// </summary>
internal enum KexecPolicy
{
    /// <summary><c>shutdown</c>: each driver's Shutdown, if it has one (what Linux does).</summary>
    Shutdown,

    /// <summary><c>shutdown-else-remove</c>: Shutdown where the driver has one, Remove where it has only that.</summary>
    ShutdownElseRemove,

    /// <summary><c>remove</c>: every driver is unbound (Remove) first; Shutdown is then never called.</summary>
    Remove,
}

/// <summary>Reads <see cref="KexecPolicy"/> from the analyzer config options of a file.</summary>
internal static class KexecPolicyOption
{
    /// <summary>The <c>.editorconfig</c> key: <c>shutdown_analyzers.kexec_policy = shutdown | shutdown-else-remove | remove</c>.</summary>
    public const string Key = "shutdown_analyzers.kexec_policy";

    /// <summary>The names the option accepts, as a message lists them.</summary>
    public const string AcceptedNames = "shutdown, shutdown-else-remove or remove";

    /// <summary>
    /// The policy set for <paramref name="tree"/>; <see cref="KexecPolicy.Shutdown"/> when unset or not one
    /// of the names (<see cref="FindUnknownValue"/> tells the user, SHDCFG002).
    /// </summary>
    public static KexecPolicy Read(AnalyzerOptions options, SyntaxTree? tree) =>
        Parse(RawValue(options, tree)) ?? KexecPolicy.Shutdown;

    /// <summary>The value set for <paramref name="tree"/>, trimmed, when it names no policy; null when it is unset or valid.</summary>
    public static string? FindUnknownValue(AnalyzerOptions options, SyntaxTree? tree) =>
        RawValue(options, tree) is { } value && Parse(value) is null ? value.Trim() : null;

    private static string? RawValue(AnalyzerOptions options, SyntaxTree? tree) =>
        tree is not null && options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(Key, out var value) ? value : null;

    private static KexecPolicy? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "shutdown" => KexecPolicy.Shutdown,
        "shutdown-else-remove" => KexecPolicy.ShutdownElseRemove,
        "remove" => KexecPolicy.Remove,
        _ => null,
    };

    /// <summary>The policy's name as the option and the runtime spell it.</summary>
    public static string Format(KexecPolicy policy) => policy switch
    {
        KexecPolicy.ShutdownElseRemove => "shutdown-else-remove",
        KexecPolicy.Remove => "remove",
        _ => "shutdown",
    };
}
