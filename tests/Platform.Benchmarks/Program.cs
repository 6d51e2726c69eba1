using Platform.Benchmarks;

return args.FirstOrDefault() switch
{
    "spatial-assign" => SpatialAssignBenchmark.Run(args[1..]),
    "walking-network" => WalkingNetworkBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Platform.Benchmarks spatial-assign [--points 1000000] [--polygons 300] [--runs 7] [--all-cores]");
    Console.Error.WriteLine("       Platform.Benchmarks walking-network [--spacing 100] [--origins 1000] [--targets 300] [--runs 7]");
    return 2;
}
