using System.CommandLine;
using ShutdownAnalyzers.Runner.Models;
using ShutdownAnalyzers.Runner.Simulation;
using ShutdownAnalyzers.Simulation;
using Spectre.Console;

namespace ShutdownAnalyzers.Runner.Commands;

/// <summary><c>shutdown-sim list [&lt;model&gt;]</c>: the machines a model declares, the scenarios and the kexec policies.</summary>
internal static class ListCommand
{
    public static Command Create(RunnerConsole console)
    {
        var model = ModelArgument.Create(required: false);
        var command = new Command("list", "List the machines a model declares, and the scenarios and kexec policies 'run' accepts.")
        {
            model,
        };
        command.SetAction(parse => Execute(console, parse.GetValue(model)));
        return command;
    }

    private static int Execute(RunnerConsole console, string? modelArgument)
    {
        var output = console.CreateOutputConsole();
        if (modelArgument is not null)
        {
            using var model = LoadedModel.Open(modelArgument);
            output.Write(MachinesTable(model));
            output.WriteLine();
        }

        output.Write(ScenariosTable());
        output.WriteLine();
        output.Write(PoliciesTable());
        return ExitCodes.AllHealthy;
    }

    private static Table MachinesTable(LoadedModel model)
    {
        var table = NewTable($"Machines in {model.AssemblyFileName}", "Machine", "Description");
        foreach (var machine in model.Machines)
        {
            table.AddRow(new Text(machine.Name), new Text(machine.Description));
        }

        return table;
    }

    private static Table ScenariosTable()
    {
        var table = NewTable($"Scenarios (--scenario, or {RunSelection.All})", "Scenario", "What happens");
        foreach (var scenario in ScenarioNames.AllScenarios)
        {
            table.AddRow(new Text(ScenarioNames.Format(scenario)), new Text(ScenarioNames.Describe(scenario)));
        }

        return table;
    }

    private static Table PoliciesTable()
    {
        var table = NewTable($"Kexec policies (--policy, or {RunSelection.All})", "Policy", "What kexec calls");
        foreach (var policy in ScenarioNames.AllPolicies)
        {
            var name = ScenarioNames.Format(policy);
            table.AddRow(new Text(policy == KexecPolicy.Shutdown ? $"{name} (default)" : name), new Text(ScenarioNames.Describe(policy)));
        }

        return table;
    }

    private static Table NewTable(string title, string nameColumn, string descriptionColumn) =>
        new Table()
            .Border(TableBorder.Rounded)
            .Title(Markup.Escape(title), new Style(decoration: Decoration.Bold))
            .AddColumn(nameColumn)
            .AddColumn(descriptionColumn);
}
