using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Plotting.Charts;
using ResistanceSim.Testing;

namespace ResistanceSim.Plotting.Tests;

public class MullerLayoutTests
{
    private const double Eps = 1e-9;

    /// <summary>
    /// Random forests of 1..12 clones over 1..6 times: clone i's parent is an earlier clone, none
    /// (a founder), or an id missing from the input (also a founder). About a third of counts are 0,
    /// so extinct clones, late-born clones and all-zero times occur.
    /// </summary>
    private static readonly Arbitrary<MullerClone[]> Forests =
        Gen.Choose(1, 12).SelectMany(n => Gen.Choose(1, 6), (n, times) => (n, times))
            .SelectMany(
                p => Gen.CollectToArray(Enumerable.Range(0, p.n), i => Gen.Choose(-2, i - 1)
                    .SelectMany(_ => Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 1000))), p.times),
                        (parent, counts) => new MullerClone(
                            (10L * i) + 7,
                            parent == -1 ? null : parent == -2 ? 999_999L : (10L * parent) + 7,
                            "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            "family" + (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                            [.. counts.Select(c => (double)c)]))),
                (_, clones) => clones)
            .ToArbitrary();

    [Fact]
    public void Children_lie_inside_parents_siblings_do_not_overlap_and_founders_fill_the_unit_interval()
    {
        PropertyCheck.Verify(Prop.ForAll(Forests, clones =>
        {
            int times = clones[0].Counts.Length;
            var bands = MullerLayout.Compute(clones, times);
            for (int t = 0; t < times; t++)
            {
                double total = clones.Sum(c => c.Counts[t]);
                for (int c = 0; c < clones.Length; c++)
                {
                    var (lo, hi) = bands.Band(c, t);
                    if (total == 0)
                    {
                        Assert.True(lo == 0 && hi == 0);
                        continue;
                    }

                    // Band height is the subtree's frequency.
                    // Absolute tolerances, not rounding to n places: rounding splits values 3e-17 apart that
                    // straddle a rounding boundary (found by the randomized sweep, seed 3438532024736161210).
                    Assert.Equal(SubtreeCount(clones, bands, c, t) / total, hi - lo, tolerance: 1e-9);
                    int parent = bands.ParentIndex[c];
                    if (parent >= 0)
                    {
                        var (plo, phi) = bands.Band(parent, t);
                        Assert.True(lo >= plo - Eps && hi <= phi + Eps, $"clone {c} [{lo},{hi}] outside parent [{plo},{phi}] at t={t}");
                    }
                }

                if (total == 0)
                {
                    continue;
                }

                foreach (var siblings in Enumerable.Range(0, clones.Length).GroupBy(c => bands.ParentIndex[c]))
                {
                    var ordered = siblings.Select(c => bands.Band(c, t)).OrderBy(b => b.Lower).ToArray();
                    for (int k = 1; k < ordered.Length; k++)
                    {
                        Assert.True(ordered[k].Lower >= ordered[k - 1].Upper - Eps, $"siblings overlap at t={t}");
                    }

                    if (siblings.Key == -1)
                    {
                        Assert.Equal(0, ordered[0].Lower, tolerance: 1e-12);
                        Assert.Equal(1, ordered[^1].Upper, tolerance: 1e-9);
                        Assert.Equal(1, ordered.Sum(b => b.Upper - b.Lower), tolerance: 1e-9);
                    }
                }
            }
        }));
    }

    [Fact]
    public void Draw_order_puts_every_parent_before_its_children()
    {
        PropertyCheck.Verify(Prop.ForAll(Forests, clones =>
        {
            var bands = MullerLayout.Compute(clones, clones[0].Counts.Length);
            var position = bands.DrawOrder.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k);
            return bands.DrawOrder.Count == clones.Length
                && Enumerable.Range(0, clones.Length).All(c => bands.ParentIndex[c] < 0 || position[bands.ParentIndex[c]] < position[c]);
        }));
    }

    [Fact]
    public void A_single_child_is_centred_in_its_parent()
    {
        MullerClone[] clones = [new(1, null, "p", "parental", [60]), new(2, 1, "c", "x", [40])];
        var bands = MullerLayout.Compute(clones, 1);
        Assert.Equal((0.0, 1.0), bands.Band(0, 0));
        var (lo, hi) = bands.Band(1, 0);
        Assert.Equal(0.3, lo, 12);
        Assert.Equal(0.7, hi, 12);
    }

    [Fact]
    public void Invalid_clone_sets_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => MullerLayout.Compute([new(1, null, "a", "f", [1]), new(1, null, "b", "f", [1])], 1));
        Assert.Throws<ArgumentException>(() => MullerLayout.Compute([new(1, 2, "a", "f", [1]), new(2, 1, "b", "f", [1])], 1));
        Assert.Throws<ArgumentException>(() => MullerLayout.Compute([new(1, null, "a", "f", [1, 2])], 1));
        Assert.Throws<ArgumentException>(() => MullerLayout.Compute([new(1, null, "a", "f", [-1])], 1));
    }

    /// <summary>Own plus all descendants' cells, by walking parent links (independent of the layout's own recursion).</summary>
    private static double SubtreeCount(MullerClone[] clones, MullerBands bands, int c, int t)
    {
        double sum = 0;
        for (int k = 0; k < clones.Length; k++)
        {
            for (int a = k; a >= 0; a = bands.ParentIndex[a])
            {
                if (a == c)
                {
                    sum += clones[k].Counts[t];
                    break;
                }
            }
        }

        return sum;
    }
}
