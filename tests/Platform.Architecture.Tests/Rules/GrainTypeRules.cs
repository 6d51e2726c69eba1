using System.Reflection;

namespace Platform.Architecture.Tests.Rules;

/// <summary>
/// Every grain class names its Orleans grain type explicitly, prefixed with its module's or plugin's id
/// (<c>[GrainType("registers.site")]</c>): Orleans would otherwise name it after the bare class, and two plugins with a
/// <c>PlaceGrain</c> would collide in one silo.
/// </summary>
internal static class GrainTypeRules
{
    public static IReadOnlyList<string> Violations(Assembly assembly, string prefix) =>
        GrainClasses(assembly)
            .Select(t => (Type: t, Name: t.GetCustomAttribute<GrainTypeAttribute>() is { } a ? GrainTypeOf(a) : null))
            .Where(x => x.Name is null || !x.Name.StartsWith(prefix + ".", StringComparison.Ordinal))
            .Select(x => x.Name is null
                ? $"{x.Type.FullName} has no [GrainType]."
                : $"{x.Type.FullName} is grain type '{x.Name}', not prefixed with '{prefix}.'.")
            .ToList();

    public static IEnumerable<Type> GrainClasses(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t));

    private static string? GrainTypeOf(GrainTypeAttribute attribute) =>
        // The attribute keeps its value in a private field; its public surface is the provider interface.
        attribute.GetType().GetField("_grainType", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(attribute)?.ToString();
}
