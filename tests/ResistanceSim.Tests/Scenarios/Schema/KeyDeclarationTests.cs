using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Keys;
using ResistanceSim.Scenarios.Schema;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Schema;

/// <summary>
/// The validator and the schema accept the same keys. Both read <see cref="ScenarioKeys"/>: the validator's unknown-key
/// check (<see cref="MapReader.Finish"/>) and the generator. These tests close the remaining gaps: a key the binders read
/// but nobody declared makes the validator throw; a key declared but never read by the binders (accepted and then
/// silently ignored) fails <see cref="EveryDeclaredKeyIsReadByTheValidator"/>; and the schema's properties are the
/// declared keys, map by map.
/// </summary>
public class KeyDeclarationTests
{
    [Fact]
    public void TheFixturesAreValidScenarios()
    {
        using var folder = new TempDirectory();
        foreach (var (name, text) in KeyDeclarationFixtures.All())
        {
            var sweep = SweepLoader.Load(folder.File(name, text));
            Assert.NotNull(sweep.Scenario);
        }
    }

    [Fact]
    public void EveryDeclaredKeyIsReadByTheValidator()
    {
        using var folder = new TempDirectory();
        using var recorder = KeyUsageRecorder.Start();
        foreach (var (name, text) in KeyDeclarationFixtures.All()) SweepLoader.Load(folder.File(name, text));

        var unread = new List<string>();
        foreach (var shape in MapShapes(ScenarioKeys.Document).Where(s => !s.HasNamedEntries))
        {
            unread.AddRange(shape.Keys.Where(k => !recorder.WasRead(shape, k.Name)).Select(k => $"{shape.Name}.{k.Name}"));
            foreach (var variant in shape.Variants?.Cases ?? [])
                unread.AddRange(variant.Keys.Where(k => !recorder.WasRead(shape, k.Name, variant.When)).Select(k => $"{shape.Name}[{variant.When}].{k.Name}"));
        }
        Assert.True(unread.Count == 0, "declared in ScenarioKeys (so in the schema) but never read by the validator: " + string.Join(", ", unread));
    }

    [Fact]
    public void TheSchemaListsExactlyTheDeclaredKeysOfEveryMap()
    {
        var definitions = ScenarioJsonSchema.Generate(SchemaTarget.Scenario)["$defs"]!.AsObject();

        foreach (var shape in MapShapes(ScenarioKeys.Document).Where(s => !s.HasNamedEntries))
        {
            foreach (string name in new[] { shape.Name, "partial." + shape.Name })
            {
                var properties = definitions[name]?["properties"]?.AsObject();
                Assert.True(properties is not null, $"no properties for {name}");
                Assert.Equal(shape.AllKeys.Select(k => k.Name).Order(StringComparer.Ordinal), properties.Select(p => p.Key).Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void ABinderReadingAnUndeclaredKeyThrows()
    {
        var shape = new MapShape("test", "") { Keys = [new KeySpec("declared", new NumberShape(Rules.Positive), Presence.Required, "")] };
        var map = (YamlMap)YamlDocumentParser.Parse("declared: 1\n", "x.yaml", new DiagnosticBag())!;
        var reader = new MapReader(map, "", new DiagnosticBag(), shape);

        Assert.Equal(1, reader.Double("declared", Rules.Positive));
        var undeclared = Assert.Throws<InvalidOperationException>(() => reader.Double("undeclared", Rules.Positive));
        Assert.Contains("does not declare", undeclared.Message, StringComparison.Ordinal);
        var otherRule = Assert.Throws<InvalidOperationException>(() => reader.Double("declared", Rules.NonNegative));
        Assert.Contains("declares it required a number > 0", otherRule.Message, StringComparison.Ordinal);
        var optional = Assert.Throws<InvalidOperationException>(() => reader.Double("declared", Rules.Positive, defaultValue: 2));
        Assert.Contains("as optional", optional.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyTheDeclarationDoesNotAcceptIsUnknownEvenIfABinderAskedAboutIt()
    {
        var shape = new MapShape("test", "")
        {
            Keys = [new KeySpec("kind", new ChoiceShape(["a", "b"]), Presence.Required, "")],
            Variants = new MapVariants("kind", [new MapVariant("a", [new KeySpec("only_a", BooleanShape.Instance, Presence.Optional, "")]), new MapVariant("b", [])]),
        };
        var map = (YamlMap)YamlDocumentParser.Parse("kind: b\nonly_a: true\n", "x.yaml", new DiagnosticBag())!;
        var bag = new DiagnosticBag();
        var reader = new MapReader(map, "thing", bag, shape);

        reader.Enum("kind", ["a", "b"]);
        reader.Has("only_a");
        reader.Finish();

        Assert.Equal("unknown key 'only_a' in thing", Assert.Single(bag.InRecordedOrder).Message);
    }

    /// <summary>Every map shape reachable from <paramref name="root"/>, each once.</summary>
    private static List<MapShape> MapShapes(MapShape root)
    {
        var found = new List<MapShape>();
        var pending = new Stack<ValueShape>([root]);
        while (pending.TryPop(out var shape))
        {
            switch (shape)
            {
                case MapShape map when !found.Contains(map):
                    found.Add(map);
                    foreach (var key in map.AllKeys) pending.Push(key.Shape);
                    if (map.EntryShape is { } entry) pending.Push(entry);
                    break;
                case ListShape list:
                    pending.Push(list.Item);
                    break;
            }
        }
        return found;
    }
}
