using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// One diagnostic a test expects. Immutable: every <c>With...</c> returns a changed copy, so a
/// result can be built fluently, as with Microsoft.CodeAnalysis.Testing's type of the same name.
/// </summary>
public readonly struct DiagnosticResult
{
    private readonly ImmutableArray<DiagnosticLocation> locations;

    public DiagnosticResult(string id, DiagnosticSeverity severity)
        : this(id, severity, messageFormat: null)
    {
    }

    public DiagnosticResult(DiagnosticDescriptor descriptor)
        : this(descriptor.Id, descriptor.DefaultSeverity, descriptor.MessageFormat)
    {
    }

    private DiagnosticResult(string id, DiagnosticSeverity severity, LocalizableString? messageFormat)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException("A diagnostic ID is required.", nameof(id));
        }

        Id = id;
        Severity = severity;
        MessageFormat = messageFormat;
        locations = ImmutableArray<DiagnosticLocation>.Empty;
        MessageArguments = null;
        Message = null;
        IsSuppressed = null;
        Options = DiagnosticOptions.None;
    }

    public string Id { get; private init; }

    public DiagnosticSeverity Severity { get; private init; }

    /// <summary>The primary location first, then the additional ones. Empty: no source location.</summary>
    public ImmutableArray<DiagnosticLocation> Locations
    {
        get => locations.IsDefault ? ImmutableArray<DiagnosticLocation>.Empty : locations;
        private init => locations = value;
    }

    public bool HasLocation => !Locations.IsEmpty;

    /// <summary>When set, the reported message must equal the format applied to these arguments.</summary>
    public object?[]? MessageArguments { get; private init; }

    /// <summary>When set, the reported message must equal this text exactly.</summary>
    public string? Message { get; private init; }

    /// <summary>The descriptor's message format, used with <see cref="MessageArguments"/>.</summary>
    public LocalizableString? MessageFormat { get; private init; }

    /// <summary>When set, whether the diagnostic is suppressed (<c>#pragma</c>, suppressor) must match.</summary>
    public bool? IsSuppressed { get; private init; }

    public DiagnosticOptions Options { get; private init; }

    /// <summary>A compiler error such as CS0103, for inputs that are meant not to compile.</summary>
    public static DiagnosticResult CompilerError(string id) => new(id, DiagnosticSeverity.Error);

    public static DiagnosticResult CompilerWarning(string id) => new(id, DiagnosticSeverity.Warning);

    public DiagnosticResult WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity, Options = Options & ~DiagnosticOptions.IgnoreSeverity };

    public DiagnosticResult WithArguments(params object?[] arguments) => this with { MessageArguments = arguments };

    public DiagnosticResult WithMessage(string? message) => this with { Message = message };

    public DiagnosticResult WithMessageFormat(LocalizableString messageFormat) => this with { MessageFormat = messageFormat };

    public DiagnosticResult WithIsSuppressed(bool isSuppressed) => this with { IsSuppressed = isSuppressed };

    public DiagnosticResult WithOptions(DiagnosticOptions options) => this with { Options = Options | options };

    /// <summary>Adds a location in the default file (Test0.cs) that starts at this one-based line and column.</summary>
    public DiagnosticResult WithLocation(int line, int column) => WithLocation(string.Empty, line, column);

    /// <summary>Adds a location in <paramref name="path"/> that starts at this one-based line and column.</summary>
    public DiagnosticResult WithLocation(string path, int line, int column) => AddLocation(DiagnosticLocation.AtPosition(path, line, column));

    /// <summary>Adds the location marked <c>{|#markupKey:...|}</c> in the sources.</summary>
    public DiagnosticResult WithLocation(int markupKey) => AddLocation(DiagnosticLocation.FromMarkup(markupKey));

    /// <summary>Adds an exact span (one-based lines and columns, end exclusive) in the default file.</summary>
    public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn)
    {
        return WithSpan(string.Empty, startLine, startColumn, endLine, endColumn);
    }

    public DiagnosticResult WithSpan(string path, int startLine, int startColumn, int endLine, int endColumn)
    {
        return AddLocation(DiagnosticLocation.AtSpan(path, startLine, startColumn, endLine, endColumn));
    }

    /// <summary>Expects a diagnostic without a source location (for example a compilation-end one).</summary>
    public DiagnosticResult WithNoLocation() => this with { Locations = ImmutableArray<DiagnosticLocation>.Empty };

    internal DiagnosticResult WithLocations(ImmutableArray<DiagnosticLocation> newLocations) => this with { Locations = newLocations };

    /// <summary>The message this result requires, or <see langword="null"/> when the message is not checked.</summary>
    internal string? ExpectedMessage(LocalizableString? fallbackFormat)
    {
        if (Message is not null)
        {
            return Message;
        }

        if (MessageArguments is null || (MessageFormat ?? fallbackFormat) is not { } format)
        {
            return null;
        }

        return string.Format(CultureInfo.InvariantCulture, format.ToString(CultureInfo.InvariantCulture), MessageArguments);
    }

    public override string ToString()
    {
        if (Id is null)
        {
            return "<default DiagnosticResult>";
        }

        var text = new StringBuilder();
        text.Append(HasLocation ? string.Join(" + ", Locations.Select(l => l.ToString())) : "<no location>");
        text.Append(": ");
        text.Append(Options.HasFlag(DiagnosticOptions.IgnoreSeverity) ? "any-severity" : Severity.ToString().ToLowerInvariant());
        text.Append(' ').Append(Id);
        if (Message is not null)
        {
            text.Append(": \"").Append(Message).Append('"');
        }
        else if (MessageArguments is not null)
        {
            text.Append(" with arguments (").Append(string.Join(", ", MessageArguments.Select(a => $"\"{a}\""))).Append(')');
        }

        if (IsSuppressed is { } suppressed)
        {
            text.Append(suppressed ? " [suppressed]" : " [not suppressed]");
        }

        return text.ToString();
    }

    private DiagnosticResult AddLocation(DiagnosticLocation location) => this with { Locations = Locations.Add(location) };
}
