namespace Platform.Maps.Tiles;

/// <summary>One tile of one layer; <see cref="Date"/> only for temporal layers (null otherwise).</summary>
internal readonly record struct TileKey(string Layer, int Z, int X, int Y, DateOnly? Date);

/// <summary>An encoded tile and its strong ETag.</summary>
internal sealed record EncodedTile(byte[] Body, string ETag, int FeatureCount);
