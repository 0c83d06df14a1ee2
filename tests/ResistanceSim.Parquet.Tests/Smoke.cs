namespace ResistanceSim.Parquet.Tests; public class Smoke { [Xunit.Fact] public void Builds() => Xunit.Assert.NotNull(typeof(Smoke)); }
