using ResistanceSim.Cli;
using ResistanceSim.Model;
using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Agents;

/// <summary><c>space.drug_field</c> as scenarios write it: its defaults, and located errors for bad fields.</summary>
public class DrugFieldBindingTests
{
    [Fact]
    public void SurfaceSourcesDefaultToEveryFaceAndTheUpdateIntervalToItsDefault()
    {
        var scenario = AgentScenarios.Load(AgentScenarios.Colony("{ dims: 3, size: 20, drug_field: { sources: surface, diffusion_length_sites: 5 } }", 10, 1, 0.1, 5));
        var field = Assert.IsType<DrugField>(scenario.Space!.DrugField);
        Assert.Equal(DrugSources.Surface, field.Sources);
        Assert.Equal(Enum.GetValues<LatticeFace>(), field.Faces);
        Assert.Equal((5.0, DrugField.DefaultUpdateEveryDays), (field.DiffusionLengthSites, field.UpdateEveryDays));

        var faces = AgentScenarios.Load(AgentScenarios.Colony("{ dims: 2, size: 20, drug_field: { sources: surface, faces: [x_min, y_max], diffusion_length_sites: 5 } }", 10, 1, 0.1, 5));
        Assert.Equal([LatticeFace.XMin, LatticeFace.YMax], faces.Space!.DrugField!.Faces);
        Assert.Null(AgentScenarios.Load(AgentScenarios.Colony("{ dims: 2, size: 20 }", 10, 1, 0.1, 5)).Space!.DrugField);
    }

    // Line 5 of AgentScenarios.Colony is "space: {space}"; the column is where the offending text starts.
    [Theory]
    [InlineData("{ dims: 2, size: 20, drug_field: { sources: surface, diffusion_length_sites: 0 } }", "0 }", "space.drug_field.diffusion_length_sites must be > 0 (0 supplied)")]
    [InlineData("{ dims: 2, size: 20, drug_field: { sources: surface, diffusion_length_sites: 3, update_every_days: -1 } }", "-1", "space.drug_field.update_every_days must be > 0 (-1 supplied)")]
    [InlineData("{ dims: 2, size: 20, drug_field: { sources: vessels, diffusion_length_sites: 3 } }", "vessels", "space.drug_field.sources is vessels, which needs vessel_density")]
    [InlineData("{ dims: 2, size: 20, drug_field: { sources: vessels, vessel_density: 0, diffusion_length_sites: 3 } }", "0, diff", "space.drug_field.vessel_density must be in (0, 1]")]
    [InlineData("{ dims: 2, size: 20, boundary: periodic, drug_field: { sources: surface, diffusion_length_sites: 3 } }", "surface", "space.drug_field.sources is surface, which needs space.boundary: fixed")]
    [InlineData("{ dims: 2, size: 20, drug_field: { sources: surface, faces: [z_min], diffusion_length_sites: 3 } }", "[z_min]", "space.drug_field.faces lists 'z_min', not a face of a 2D lattice (x_min, x_max, y_min, y_max)")]
    [InlineData("{ kind: none, drug_field: { sources: surface, diffusion_length_sites: 3 } }", "{ sources", "space.drug_field needs a lattice (space.kind is none")]
    public void BadFieldsAreLocatedErrors(string space, string at, string message)
    {
        using var temp = new TempDirectory();
        string path = temp.File("agents.yaml", AgentScenarios.Colony(space, 5, 1, 0.1, 5));
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(path));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((5, "space: ".Length + space.IndexOf(at, StringComparison.Ordinal) + 1), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void TheCommandLineRefusesABadFieldWithFileLineColumnAndExitCode2()
    {
        using var temp = new TempDirectory();
        string path = temp.File("agents.yaml", AgentScenarios.Colony("{ dims: 2, size: 20, drug_field: { sources: vessels, diffusion_length_sites: 3 } }", 5, 1, 0.1, 5));
        var result = Support.Cli.Run("run", path, "--out", temp.Path, "--no-plots");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"{path}:5:", result.Error, StringComparison.Ordinal);
        Assert.Contains("vessel_density", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "agents-test")), "nothing may be written");
    }
}
