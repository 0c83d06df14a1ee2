namespace ResistanceSim.Output;
internal static class AssemblyMarker { }
