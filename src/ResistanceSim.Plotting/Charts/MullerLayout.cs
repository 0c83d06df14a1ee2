namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// Computes nested Muller-plot bands. A clone's band is as tall as its subtree's frequency (its
/// own cells plus all descendants'); its children's bands lie inside it, separated by equal shares
/// of the parent's own cells, so a single child is centred in its parent and a new clone emerges
/// from the middle of the clone it arose in (as in Muller's and ggmuller's drawings).
/// Founders (no parent in the input) are stacked from 0 upwards and together fill [0, 1].
/// At a time when no cells exist every band is empty ([0, 0]).
/// </summary>
public static class MullerLayout
{
    /// <summary>Computes the bands of <paramref name="clones"/> at <paramref name="timeCount"/> times.</summary>
    /// <exception cref="ArgumentException">Duplicate ids, a cycle in the parent relation, wrong count lengths, or negative/non-finite counts.</exception>
    public static MullerBands Compute(IReadOnlyList<MullerClone> clones, int timeCount)
    {
        int n = clones.Count;
        var indexOf = new Dictionary<long, int>(n);
        for (int i = 0; i < n; i++)
        {
            var clone = clones[i];
            if (!indexOf.TryAdd(clone.Id, i))
            {
                throw new ArgumentException($"Clone id {clone.Id} appears more than once.", nameof(clones));
            }

            if (clone.Counts.Length != timeCount)
            {
                throw new ArgumentException($"Clone {clone.Id} has {clone.Counts.Length} counts for {timeCount} times.", nameof(clones));
            }

            if (clone.Counts.Any(c => !(c >= 0) || !double.IsFinite(c)))
            {
                throw new ArgumentException($"Clone {clone.Id} has a negative or non-finite count.", nameof(clones));
            }
        }

        int[] parent = [.. clones.Select(c => c.ParentId is long p && indexOf.TryGetValue(p, out int pi) ? pi : -1)];
        var children = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            children[i] = [];
        }

        var founders = new List<int>();
        for (int i = 0; i < n; i++)
        {
            (parent[i] >= 0 ? children[parent[i]] : founders).Add(i);
        }

        int[] preOrder = PreOrder(founders, children, n);
        if (preOrder.Length != n)
        {
            // Clones not reachable from a founder form a parent cycle.
            throw new ArgumentException("The clones' parent relation contains a cycle.", nameof(clones));
        }

        double[][] subtree = SubtreeSizes(clones, children, preOrder, timeCount);

        var lower = new double[n][];
        var upper = new double[n][];
        for (int i = 0; i < n; i++)
        {
            lower[i] = new double[timeCount];
            upper[i] = new double[timeCount];
        }

        for (int t = 0; t < timeCount; t++)
        {
            double total = founders.Sum(f => subtree[f][t]);
            if (total <= 0)
            {
                continue; // every band stays [0, 0]
            }

            double cursor = 0;
            foreach (int f in founders)
            {
                lower[f][t] = cursor;
                cursor += subtree[f][t] / total;
                upper[f][t] = cursor;
            }

            // Pre-order visits each parent before its children, so the parent's band is known here.
            foreach (int i in preOrder)
            {
                PlaceChildren(i, t, total, clones, children, subtree, lower, upper);
            }
        }

        return new MullerBands([.. clones.Select(c => c.Id)], parent, preOrder, lower, upper);
    }

    private static void PlaceChildren(int i, int t, double total, IReadOnlyList<MullerClone> clones, List<int>[] children,
        double[][] subtree, double[][] lower, double[][] upper)
    {
        var kids = children[i];
        if (kids.Count == 0)
        {
            return;
        }

        // The parent's own cells are split into kids+1 equal gaps around and between the children.
        double gap = clones[i].Counts[t] / total / (kids.Count + 1);
        double cursor = lower[i][t] + gap;
        foreach (int k in kids)
        {
            lower[k][t] = cursor;
            cursor += subtree[k][t] / total;
            upper[k][t] = cursor;
            cursor += gap;
        }
    }

    private static int[] PreOrder(List<int> founders, List<int>[] children, int n)
    {
        var order = new List<int>(n);
        var stack = new Stack<int>();
        for (int f = founders.Count - 1; f >= 0; f--)
        {
            stack.Push(founders[f]);
        }

        while (stack.Count > 0)
        {
            int i = stack.Pop();
            order.Add(i);
            for (int k = children[i].Count - 1; k >= 0; k--)
            {
                stack.Push(children[i][k]);
            }
        }

        return [.. order];
    }

    private static double[][] SubtreeSizes(IReadOnlyList<MullerClone> clones, List<int>[] children, int[] preOrder, int timeCount)
    {
        var subtree = new double[clones.Count][];
        // Reverse pre-order visits children before parents.
        for (int j = preOrder.Length - 1; j >= 0; j--)
        {
            int i = preOrder[j];
            var size = (double[])clones[i].Counts.Clone();
            foreach (int k in children[i])
            {
                for (int t = 0; t < timeCount; t++)
                {
                    size[t] += subtree[k][t];
                }
            }

            subtree[i] = size;
        }

        return subtree;
    }
}
