using System.Threading;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// What the user configured for another rule, so a rule can leave a case to that rule only while it is
/// on. Sees <c>&lt;NoWarn&gt;</c> and rule sets, <c>.editorconfig</c> and global configs
/// (<c>dotnet_diagnostic.&lt;id&gt;.severity</c>); does not see <c>#pragma</c> or <c>[SuppressMessage]</c>.
/// </summary>
internal static class ConfiguredSeverity
{
    /// <summary>True when <paramref name="id"/> is set to <c>none</c> for <paramref name="tree"/>.</summary>
    public static bool IsTurnedOff(Compilation compilation, SyntaxTree? tree, string id, CancellationToken cancellationToken)
    {
        var options = compilation.Options;
        if (options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific == ReportDiagnostic.Suppress)
        {
            return true;
        }

        if (options.SyntaxTreeOptionsProvider is not { } provider)
        {
            return false;
        }

        if (tree is not null && provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var perFile))
        {
            return perFile == ReportDiagnostic.Suppress;
        }

        return provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var global) && global == ReportDiagnostic.Suppress;
    }
}
