using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Rules;
using ShutdownAnalyzers.Tests.Documentation;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>What the SHD003 and SHD004 tests share: a driver template, and running analyzers over the Samples folder.</summary>
internal static class QuiesceRuleSources
{
    /// <summary>One document per driver name, before and after the fix, made from the same two templates (<c>{0}</c> is the name).</summary>
    public static void AddDriverDocuments(CodeFixTest test, string flawed, string @fixed, params string[] names)
    {
        foreach (var name in names)
        {
            test.TestState.Sources.Add(string.Format(flawed, name));
            test.FixedState.Sources.Add(string.Format(@fixed, name));
        }
    }

    /// <summary>
    /// A PCI driver with <paramref name="probe"/> as Probe's body and, when given, Remove's and
    /// Shutdown's bodies; <paramref name="shutdownName"/> and <paramref name="className"/> can carry markup.
    /// </summary>
    public static string PciDriver(
        string probe,
        string? shutdown = null,
        string? remove = null,
        string members = "",
        string shutdownName = "Shutdown",
        string className = "NicDriver")
    {
        var callbacks = new List<string>();
        if (remove is not null)
        {
            callbacks.Add($$"""
                public override void Remove(PciDevice device)
                {
                {{Indent(remove, 4)}}
                }
                """);
        }

        if (shutdown is not null)
        {
            callbacks.Add($$"""
                public override void {{shutdownName}}(PciDevice device)
                {
                {{Indent(shutdown, 4)}}
                }
                """);
        }

        if (members.Length > 0)
        {
            callbacks.Add(members.Trim('\n'));
        }

        var body = string.Concat(callbacks.Select(callback => "\n\n" + Indent(callback, 4)));
        return $$"""
            using ShutdownAnalyzers.DriverModel;

            public sealed class {{className}} : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device)
                {
            {{Indent(probe, 8)}}
                }{{body}}
            }
            """;
    }

    public static string Indent(string code, int spaces)
    {
        var pad = new string(' ', spaces);
        var lines = code.Trim('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Length == 0 ? lines[i] : pad + lines[i];
        }

        return string.Join("\n", lines);
    }

    /// <summary>
    /// Every sample driver model under Samples/ compiled together, as <c>dotnet build Samples</c> does, and
    /// the files in which <paramref name="analyzer"/> reports, relative to Samples/ with '/' separators.
    /// </summary>
    public static IReadOnlyList<string> FilesReportedInSamples(DiagnosticAnalyzer analyzer)
    {
        var samples = Path.Combine(RepositoryLayout.Root, "Samples");
        var trees = Directory.GetFiles(samples, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) &&
                           !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Samples",
            trees,
            ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return diagnostics
            .Select(d => Path.GetRelativePath(samples, d.Location.SourceTree!.FilePath).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>A code-fix test with SHD003's and SHD004's analyzers both on, as in a real project: one driver can carry both diagnostics.</summary>
internal sealed class BothQuiesceRulesTest<TCodeFix> : CodeFixTest
    where TCodeFix : CodeFixProvider, new()
{
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        new DiagnosticAnalyzer[] { new DmaNotStoppedOnRestartAnalyzer(), new InterruptLeftEnabledOnRestartAnalyzer() };

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { new TCodeFix() };
}
