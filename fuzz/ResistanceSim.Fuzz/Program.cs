using ResistanceSim.Fuzz;
using SharpFuzz;

// Under AFL++ (fuzz/run-afl.sh): the forkserver feeds inputs through a stream. Given file names instead, runs each
// once in process (replaying a crash for a stack trace).
string directory = Environment.GetEnvironmentVariable("RESISTANCESIM_FUZZ_DIR") ?? AppContext.BaseDirectory;
if (args.Length > 0)
{
    foreach (string file in args) ScenarioFuzzTarget.Run(File.ReadAllBytes(file), directory);
    return;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    ScenarioFuzzTarget.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), directory);
});
