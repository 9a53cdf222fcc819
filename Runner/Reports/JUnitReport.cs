using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Reports;

/// <summary>
/// JUnit XML, so any CI lists devices as tests: one <c>testsuite</c> per run (machine, scenario,
/// policy), one <c>testcase</c> per device, a <c>failure</c> with the outcome and its evidence for
/// each unhealthy device. Times are simulated seconds, so equal runs give equal bytes.
/// </summary>
internal static class JUnitReport
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    public static string Write(IReadOnlyList<ScenarioReport> reports)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "shutdown-sim");
            xml.WriteAttributeString("tests", Count(reports.Sum(r => r.Devices.Count)));
            xml.WriteAttributeString("failures", Count(reports.Sum(r => r.Devices.Count(d => !d.IsHealthy))));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("time", Seconds(reports.Sum(r => r.DurationMs)));
            foreach (var report in reports)
            {
                WriteSuite(xml, report);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>"lpfc-flawed/kexec/shutdown": a suite's name, and its test cases' class name.</summary>
    public static string SuiteName(ScenarioReport report) =>
        $"{report.Machine}/{ScenarioNames.Format(report.Scenario)}/{ScenarioNames.Format(report.Policy)}";

    private static void WriteSuite(XmlWriter xml, ScenarioReport report)
    {
        var name = SuiteName(report);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(name));
        xml.WriteAttributeString("tests", Count(report.Devices.Count));
        xml.WriteAttributeString("failures", Count(report.Devices.Count(d => !d.IsHealthy)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", Seconds(report.DurationMs));

        xml.WriteStartElement("properties");
        WriteProperty(xml, "machine", report.Machine);
        WriteProperty(xml, "scenario", ScenarioNames.Format(report.Scenario));
        WriteProperty(xml, "policy", ScenarioNames.Format(report.Policy));
        WriteProperty(xml, "seed", report.Seed.ToString(CultureInfo.InvariantCulture));
        WriteProperty(xml, "durationMs", report.DurationMs.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();

        foreach (var device in report.Devices)
        {
            WriteCase(xml, name, device);
        }

        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, string suite, DeviceReport device)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(device.Device));
        xml.WriteAttributeString("classname", Clean(suite));
        if (device.IsHealthy)
        {
            xml.WriteElementString("system-out", Clean(device.EvidenceText));
        }
        else
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean($"{device.Outcome}: {device.Evidence.Text}"));
            xml.WriteAttributeString("type", device.Outcome.ToString());
            xml.WriteString(Clean(FailureText(device)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>The evidence in full: where and when it was seen, then every other outcome that applied.</summary>
    private static string FailureText(DeviceReport device)
    {
        var text = new StringBuilder();
        AppendEvidence(text, device.Evidence);
        foreach (var other in device.OtherFindings)
        {
            text.Append("also ");
            AppendEvidence(text, other);
        }

        return text.ToString();
    }

    private static void AppendEvidence(StringBuilder text, Evidence evidence)
    {
        text.Append(evidence.Outcome).Append(": ").Append(evidence.Text).Append('\n');
        var where = new List<string> { $"at {evidence.AtMs.ToString(CultureInfo.InvariantCulture)} ms" };
        if (evidence.Kernel.Length > 0)
        {
            where.Add($"in the {evidence.Kernel}");
        }

        if (evidence.Callback is { } callback)
        {
            where.Add($"callback {callback}");
        }

        if (evidence.Driver is { } driver)
        {
            where.Add($"driver {driver}");
        }

        if (evidence.Location is { } location)
        {
            where.Add(location);
        }

        if (evidence.FlushCostMs is { } flush)
        {
            where.Add(evidence.FlushSkipped ? $"cache flush skipped, saving {flush} ms" : $"cache flush {flush} ms");
        }

        text.Append("  ").Append(string.Join(", ", where)).Append('\n');
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(long milliseconds) => (milliseconds / 1000m).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Evidence can quote anything a driver threw; characters XML cannot hold become U+FFFD.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
            else
            {
                clean.Append('\uFFFD');
            }
        }

        return clean.ToString();
    }
}
