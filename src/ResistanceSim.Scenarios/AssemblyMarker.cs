namespace ResistanceSim.Scenarios;
internal static class AssemblyMarker { }
