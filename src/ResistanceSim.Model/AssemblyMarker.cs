namespace ResistanceSim.Model;
internal static class AssemblyMarker { }
