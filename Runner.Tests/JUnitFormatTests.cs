using System.Linq;
using System.Xml.Linq;
using ShutdownAnalyzers.Runner.Tests.Models;

namespace ShutdownAnalyzers.Runner.Tests;

public class JUnitFormatTests
{
    [Fact]
    public void Each_device_is_a_test_case_and_each_unhealthy_one_fails()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--machine", "mixed", "--format", "junit");

        var xml = XDocument.Parse(result.Output);
        var suites = xml.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        Assert.Equal("2", suites.Attribute("tests")!.Value);
        Assert.Equal("1", suites.Attribute("failures")!.Value);

        var suite = Assert.Single(suites.Elements("testsuite"));
        Assert.Equal("mixed/kexec/shutdown", suite.Attribute("name")!.Value);
        Assert.Equal("2", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);

        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(new[] { MixedMachine.CarefulAddress, MixedMachine.CarelessAddress }, cases.Select(c => c.Attribute("name")!.Value));
        Assert.All(cases, c => Assert.Equal("mixed/kexec/shutdown", c.Attribute("classname")!.Value));
        Assert.Null(cases[0].Element("failure"));

        var failure = cases[1].Element("failure")!;
        Assert.Equal("ProbeFailed", failure.Attribute("type")!.Value);
        Assert.StartsWith("ProbeFailed: careless Probe(0000:04:00.0) failed", failure.Attribute("message")!.Value);
        Assert.Contains("in the next kernel, callback Probe, driver careless", failure.Value);
    }

    [Fact]
    public void Records_machine_scenario_policy_and_seed_as_suite_properties()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "-s", "kexec", "-p", "remove", "--seed", "3", "-m", "healthy", "-f", "junit");

        var properties = XDocument.Parse(result.Output).Descendants("property")
            .ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        Assert.Equal("healthy", properties["machine"]);
        Assert.Equal("kexec", properties["scenario"]);
        Assert.Equal("remove", properties["policy"]);
        Assert.Equal("3", properties["seed"]);
    }

    [Fact]
    public void A_sweep_has_one_suite_per_machine_scenario_and_policy()
    {
        var result = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--format", "junit");

        var xml = XDocument.Parse(result.Output);
        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.Equal(33, suites.Count);
        Assert.Equal(33, suites.Select(s => s.Attribute("name")!.Value).Distinct().Count());
        Assert.Equal(44, xml.Descendants("testcase").Count());
        Assert.Equal(xml.Descendants("failure").Count().ToString(), xml.Root.Attribute("failures")!.Value);
    }
}
