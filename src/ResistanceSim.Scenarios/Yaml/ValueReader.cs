using System.Globalization;
using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// Reads one node as a typed value, recording a located error when it cannot: type mismatches are reported
/// at the value with the text supplied (<c>must be a number ('abc' supplied)</c>), rule violations with the
/// rule and the value as written (<c>must be &gt; 0 (-0.1 supplied)</c>). Used by <see cref="MapReader"/>,
/// and directly for list items.
/// </summary>
public static class ValueReader
{
    /// <summary>A number satisfying <paramref name="rule"/>. On a rule violation <paramref name="value"/> still holds the number read.</summary>
    public static bool TryDouble(YamlNodeBase node, string path, DiagnosticBag bag, Rule? rule, out double value)
    {
        value = 0;
        if (node is not YamlScalar scalar || !scalar.TryGetDouble(out value))
            return Mismatch(node, path, bag, "a number", s => CoreSchema.TryParseDouble(s.Text, out _));
        return Check(scalar, path, bag, rule, value);
    }

    /// <summary>A whole number (float notation allowed when exact: <c>1.0e6</c>) satisfying <paramref name="rule"/>.</summary>
    public static bool TryLong(YamlNodeBase node, string path, DiagnosticBag bag, Rule? rule, out long value)
    {
        value = 0;
        if (node is not YamlScalar scalar || !scalar.TryGetLong(out value))
            return Mismatch(node, path, bag, "a whole number", s => CoreSchema.TryParseLong(s.Text, out _));
        return Check(scalar, path, bag, rule, value);
    }

    /// <summary>A whole number that fits in 32 bits, satisfying <paramref name="rule"/>.</summary>
    public static bool TryInt(YamlNodeBase node, string path, DiagnosticBag bag, Rule? rule, out int value)
    {
        value = 0;
        if (!TryLong(node, path, bag, rule: null, out long wide)) return false;
        if (wide is < int.MinValue or > int.MaxValue)
        {
            bag.Error(node.Location, path, string.Create(CultureInfo.InvariantCulture,
                $"{ScenarioPathText.Describe(path)} must be a whole number between {int.MinValue} and {int.MaxValue} ({((YamlScalar)node).Text} supplied)"));
            return false;
        }
        value = (int)wide;
        return Check((YamlScalar)node, path, bag, rule, value);
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static bool TryBool(YamlNodeBase node, string path, DiagnosticBag bag, out bool value)
    {
        value = false;
        if (node is YamlScalar scalar && scalar.TryGetBool(out value)) return true;
        return Mismatch(node, path, bag, "true or false", s => CoreSchema.TryParseBool(s.Text, out _));
    }

    /// <summary>Any non-null scalar as text (<c>name: 42</c> is the string "42").</summary>
    public static bool TryString(YamlNodeBase node, string path, DiagnosticBag bag, out string value)
    {
        value = "";
        if (node is YamlScalar scalar && !scalar.IsNull)
        {
            value = scalar.Text;
            return true;
        }
        return Mismatch(node, path, bag, "text", _ => false);
    }

    /// <summary>One of <paramref name="allowed"/> (exact spelling); otherwise lists them and suggests the nearest.</summary>
    public static bool TryEnum(YamlNodeBase node, string path, DiagnosticBag bag, IReadOnlyList<string> allowed, out string value)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        value = allowed.Count > 0 ? allowed[0] : "";
        string choices = string.Join(", ", allowed);
        if (node is not YamlScalar scalar || scalar.IsNull)
            return Mismatch(node, path, bag, $"one of {choices}", _ => false);
        if (allowed.Contains(scalar.Text, StringComparer.Ordinal))
        {
            value = scalar.Text;
            return true;
        }
        bag.Error(scalar.Location, path,
            $"{ScenarioPathText.Describe(path)} must be one of {choices} ('{scalar.Text}' supplied){KeySuggester.DidYouMean(scalar.Text, allowed)}");
        return false;
    }

    /// <summary>The key's rule, then finiteness (unless the rule allows <c>.inf</c>), then the bound of the key's unit (<see cref="UnitRanges"/>).</summary>
    private static bool Check(YamlScalar scalar, string path, DiagnosticBag bag, Rule? rule, double value)
    {
        if (rule is not null && !rule.IsSatisfiedBy(value))
        {
            bag.Error(scalar.Location, path, $"{ScenarioPathText.Describe(path)} must be {rule.Requirement} ({scalar.Text} supplied)");
            return false;
        }
        if (double.IsInfinity(value) && rule is not { AllowsInfinity: true })
        {
            bag.Error(scalar.Location, path, $"{ScenarioPathText.Describe(path)} must be finite ({scalar.Text} supplied; .inf is accepted only where docs/scenario-reference.md says so)");
            return false;
        }
        if (double.IsFinite(value) && UnitRanges.For(path) is { } unit && Math.Abs(value) > unit.Maximum)
        {
            bag.Error(scalar.Location, path, string.Create(CultureInfo.InvariantCulture,
                $"{ScenarioPathText.Describe(path)} must be <= {unit.Maximum:G3}, the limit for {unit.Quantity} ({scalar.Text} supplied)"));
            return false;
        }
        return true;
    }

    /// <summary>Reports that <paramref name="node"/> is not <paramref name="expected"/>, saying what was supplied instead.</summary>
    private static bool Mismatch(YamlNodeBase node, string path, DiagnosticBag bag, string expected, Func<YamlScalar, bool> wouldReadUnquoted)
    {
        string subject = ScenarioPathText.Describe(path);
        string message = node switch
        {
            YamlScalar { IsNull: true } => $"{subject} must be {expected} (nothing supplied)",
            YamlScalar { IsQuoted: true } s when wouldReadUnquoted(s) =>
                $"{subject} must be {expected} ('{s.Text}' supplied as quoted text; remove the quotes)",
            YamlScalar s => $"{subject} must be {expected} ('{s.Text}' supplied)",
            _ => $"{subject} must be {expected}, not {node.KindDescription}",
        };
        bag.Error(node.Location, path, message);
        return false;
    }
}
