namespace ResistanceSim.Plotting;
internal static class AssemblyMarker { }
