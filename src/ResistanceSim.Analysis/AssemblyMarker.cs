namespace ResistanceSim.Analysis;
internal static class AssemblyMarker { }
