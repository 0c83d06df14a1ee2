using ResistanceSim.Engine.Agents;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Agents;

/// <summary>The neighbourhood as the engine's neighbour scans see it.</summary>
public class LatticeGeometryTests
{
    [Theory]
    [InlineData(2, Neighbourhood.Moore)]
    [InlineData(2, Neighbourhood.VonNeumann)]
    [InlineData(3, Neighbourhood.Moore)]
    [InlineData(3, Neighbourhood.VonNeumann)]
    public void AWindowsNeighbourBitsAreTheDirectionsInOrder(int dims, Neighbourhood neighbourhood)
    {
        // A division picks the k-th empty neighbour, so the window must list the same neighbours in the same order as
        // the directions do (then the same draw picks the same site),
        int[] size = dims == 2 ? [7, 5] : [7, 5, 4];
        var geometry = new LatticeGeometry(new Lattice(size, neighbourhood, LatticeBoundary.Fixed, InitialLayout.Dish, 0));
        int centre = geometry.Site(3, 2, dims == 2 ? 0 : 2);
        var byDirection = Enumerable.Range(0, geometry.Directions).Select(d => geometry.Neighbour(centre, d) - centre);
        var byWindow = Enumerable.Range(0, 32).Where(bit => (geometry.WindowNeighbours >> bit & 1) != 0).Select(geometry.WindowOffset);
        Assert.Equal(byDirection, byWindow);
        // and each neighbour's bit is its place in its row of three: the row's first site plus 0, 1 or 2.
        for (int bit = 0; bit < 3 * geometry.RowStarts.Length; bit++)
            if ((geometry.WindowNeighbours >> bit & 1) != 0) Assert.Equal(geometry.RowStarts[bit / 3] + bit % 3, geometry.WindowOffset(bit));
    }

    [Theory]
    [InlineData(2, LatticeBoundary.Fixed)]
    [InlineData(2, LatticeBoundary.Periodic)]
    [InlineData(3, LatticeBoundary.Fixed)]
    [InlineData(3, LatticeBoundary.Periodic)]
    public void ASiteIsInteriorExactlyWhenEveryNeighbourIsTheWindowsOffsetAway(int dims, LatticeBoundary boundary)
    {
        // The window scan trusts IsInterior: there every neighbour must exist (fixed) and not wrap (periodic), and at
        // every edge, corner and face some neighbour must be missing or wrapped.
        int[] size = dims == 2 ? [6, 4] : [5, 4, 3];
        var geometry = new LatticeGeometry(new Lattice(size, Neighbourhood.Moore, boundary, InitialLayout.Dish, 0));
        int centre = geometry.Site(2, 2, dims == 2 ? 0 : 1);
        var offsets = Enumerable.Range(0, geometry.Directions).Select(d => geometry.Neighbour(centre, d) - centre).ToArray();
        int interior = 0;
        for (int site = 0; site < geometry.Sites; site++)
        {
            bool plain = Enumerable.Range(0, geometry.Directions).All(d => geometry.Neighbour(site, d) == site + offsets[d]);
            geometry.Coordinates(site, out int x, out int y, out int z);
            Assert.Equal(plain, geometry.IsInterior(x, y, z));
            if (plain) interior++;
        }
        Assert.Equal(dims == 2 ? 4 * 2 : 3 * 2 * 1, interior);
    }
}
