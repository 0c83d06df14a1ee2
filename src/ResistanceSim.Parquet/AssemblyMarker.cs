namespace ResistanceSim.Parquet;
internal static class AssemblyMarker { }
