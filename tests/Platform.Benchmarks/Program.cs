using Platform.Benchmarks;

return args.FirstOrDefault() switch
{
    "spatial-assign" => SpatialAssignBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Platform.Benchmarks spatial-assign [--points 1000000] [--polygons 300] [--runs 7] [--all-cores]");
    return 2;
}
