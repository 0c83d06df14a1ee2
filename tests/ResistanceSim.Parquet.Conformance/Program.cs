using ResistanceSim.Parquet.Conformance;

// Usage:
//   write-features <dir> [<expectations.json>]  write one file per writer feature into <dir>, then describe them
//   describe <dir> [<expectations.json>]        describe every *.parquet under <dir> (recursively) with our reader
// The expectations default to <dir>/expectations.json.
if (args.Length is < 2 or > 3 || args[0] is not ("write-features" or "describe"))
{
    Console.Error.WriteLine("usage: ResistanceSim.Parquet.Conformance (write-features|describe) <dir> [<expectations.json>]");
    return 2;
}

string directory = Path.GetFullPath(args[1]);
if (args[0] == "write-features")
{
    Directory.CreateDirectory(directory);
    foreach (string file in FeatureFiles.WriteAll(directory))
    {
        Console.WriteLine($"wrote {file}");
    }
}

if (!Directory.Exists(directory))
{
    Console.Error.WriteLine($"no such directory: {directory}");
    return 2;
}

string expectations = args.Length == 3 ? Path.GetFullPath(args[2]) : Path.Combine(directory, "expectations.json");
int described = ExpectationWriter.DescribeDirectory(directory, expectations);
Console.WriteLine($"described {described} files into {expectations}");
return 0;
