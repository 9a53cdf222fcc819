using System;
using System.Collections.Generic;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Source files of a project: <c>Add(code)</c> names them Test0.cs, Test1.cs... in order;
/// <c>Add(("Name.cs", code))</c> names one explicitly.
/// </summary>
public sealed class SourceFileList : List<(string FileName, string Content)>
{
    public const string DefaultFilePrefix = "Test";

    public const string DefaultFileExtension = ".cs";

    public static string DefaultName(int index) => DefaultFilePrefix + index + DefaultFileExtension;

    public void Add(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Add((DefaultName(Count), content));
    }
}
