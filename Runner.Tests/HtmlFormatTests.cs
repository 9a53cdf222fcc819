using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ShutdownAnalyzers.Runner.Tests.Models;

namespace ShutdownAnalyzers.Runner.Tests;

/// <summary>
/// <c>--format html</c>: one self-contained page with the summary table and a timeline per device,
/// each failure marked at the moment it happened.
/// </summary>
public class HtmlFormatTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_page_is_self_contained_and_holds_every_device_of_every_run()
    {
        var page = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--format", "html").Output;

        Assert.StartsWith("<!DOCTYPE html>\n", page);
        Assert.EndsWith("</html>\n", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(?!#)"), page);
        Assert.Contains("<p class=\"verdict bad\">33 runs, 44 devices: ", page);

        // 33 runs: flawed and healthy have one device, mixed two; each device a summary row and a timeline.
        Assert.Equal(33, Regex.Matches(page, "<details class=\"run\"").Count);
        Assert.Equal(44, Regex.Matches(page, "<svg class=\"timeline\"").Count);
        Assert.Equal(44, Regex.Matches(page, "<td><a href=\"#run-\\d+-device-\\d+\">").Count);
        foreach (var device in new[] { HealthyMachine.AdapterAddress, FlawedMachine.AdapterAddress, MixedMachine.CarefulAddress, MixedMachine.CarelessAddress })
        {
            Assert.Contains($"<h3>{device} ", page);
        }
    }

    [Fact]
    public void A_run_with_a_failure_is_open_and_a_healthy_one_folded()
    {
        var page = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--format", "html").Output;

        // Machines in name order: flawed, healthy, mixed.
        Assert.Contains("<details class=\"run\" id=\"run-1\" open>", page);
        Assert.Contains("<details class=\"run\" id=\"run-2\">", page);
        Assert.Contains("<details class=\"run\" id=\"run-3\" open>", page);
    }

    [Fact]
    public void The_failure_is_marked_at_the_moment_the_next_kernel_saw_it()
    {
        var svg = Timeline(ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--machine", "flawed", "--format", "html").Output, 0);

        var failure = Assert.Single(svg.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "failure");
        var probeFailed = Assert.Single(Columns(svg), c => c.Title.StartsWith("85 ms, next kernel: ProbeFailed: careless Probe(0000:02:00.0) failed"));
        Assert.Equal(probeFailed.Center, (int)failure.Attribute("x1")!);
        Assert.Contains(svg.Descendants(Svg + "text"), t => (string?)t.Attribute("class") == "failure-label" && t.Value == "✖ ProbeFailed");
    }

    [Fact]
    public void The_DMA_lane_shows_DMA_running_across_the_kexec_jump_when_Shutdown_is_missing_and_stopped_before_it_otherwise()
    {
        var page = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--machine", "flawed", "--machine", "healthy", "--format", "html").Output;

        Assert.True(DmaRunsAcrossTheJump(Timeline(page, 0)), "careless driver: DMA should run on through the jump");
        Assert.False(DmaRunsAcrossTheJump(Timeline(page, 1)), "careful driver: Shutdown should stop DMA before the jump");
    }

    [Fact]
    public void The_callbacks_lane_shows_each_callback_invoked_and_the_one_that_threw()
    {
        var svg = Timeline(ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--machine", "flawed", "--format", "html").Output, 0);

        var callbacks = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "callback-name").Select(t => t.Value).ToList();
        Assert.Equal(new[] { "Probe", "Probe ✖" }, callbacks);
    }

    private static bool DmaRunsAcrossTheJump(XElement svg)
    {
        var jump = Assert.Single(Columns(svg), c => c.Title.Contains(": kexec: jump to the next kernel"));
        return svg.Descendants(Svg + "rect")
            .Where(r => (string?)r.Attribute("class") == "dma")
            .Any(r => (int)r.Attribute("x")! <= jump.Center && (int)r.Attribute("x")! + (int)r.Attribute("width")! > jump.Center + (jump.Width / 2));
    }

    /// <summary>The <paramref name="index"/>-th device timeline of the page, as XML.</summary>
    private static XElement Timeline(string page, int index)
    {
        var svg = Regex.Matches(page, "<svg class=\"timeline\".*?</svg>", RegexOptions.Singleline)[index].Value;
        // HTML-encoded text uses only entities XML knows too (&lt; &amp; &quot; &#39; …), so the SVG parses as XML.
        return XElement.Parse(svg);
    }

    /// <summary>The device's moments: each column's centre and width, and what its tooltip says.</summary>
    private static (int Center, int Width, string Title)[] Columns(XElement svg) =>
        svg.Descendants(Svg + "rect")
            .Where(r => (string?)r.Attribute("class") == "hover")
            .Select(r => ((int)r.Attribute("x")! + ((int)r.Attribute("width")! / 2), (int)r.Attribute("width")!, r.Element(Svg + "title")!.Value))
            .ToArray();
}
