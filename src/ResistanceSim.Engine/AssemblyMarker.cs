namespace ResistanceSim.Engine;
internal static class AssemblyMarker { }
