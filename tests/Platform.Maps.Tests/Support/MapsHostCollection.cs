namespace Platform.Maps.Tests.Support;

/// <summary>The tests that reach the host over TCP (GDAL, Chromium) share one host process.</summary>
[CollectionDefinition(Name)]
public sealed class MapsHostCollection : ICollectionFixture<MapsHost>
{
    public const string Name = "maps host process";
}
