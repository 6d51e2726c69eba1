using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Platform.Architecture.Tests.Rules;

/// <summary>
/// Which namespace of an assembly uses which, read from the compiled assembly with System.Reflection.Metadata (nothing is
/// loaded or run): base types, interfaces, field, property and method signatures, and the IL of method bodies (every
/// type, method and field token). Nested and compiler-generated types (closures, state machines) count for the namespace of
/// the type that declares them; only namespaces under <c>rootNamespace</c> are kept, so generated code (OrleansCodeGen,
/// the regex generator) is left out.
/// </summary>
internal static class NamespaceGraph
{
    /// <summary>The edges <c>namespace → namespaces it uses</c> among the namespaces of <paramref name="assemblyPath"/> under <paramref name="rootNamespace"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(string assemblyPath, string rootNamespace)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var provider = new NamespaceProvider(reader);
        bool Kept(string ns) => ns == rootNamespace || ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal);

        foreach (var handle in reader.TypeDefinitions)
        {
            var from = provider.NamespaceOf(handle);
            if (!Kept(from))
                continue;
            var used = new HashSet<string>(StringComparer.Ordinal);
            var type = reader.GetTypeDefinition(handle);
            used.UnionWith(provider.Of(type.BaseType));
            foreach (var i in type.GetInterfaceImplementations())
                used.UnionWith(provider.Of(reader.GetInterfaceImplementation(i).Interface));
            foreach (var f in type.GetFields())
                used.UnionWith(reader.GetFieldDefinition(f).DecodeSignature(provider, null));
            foreach (var p in type.GetProperties())
            {
                var signature = reader.GetPropertyDefinition(p).DecodeSignature(provider, null);
                used.UnionWith(signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(t => t)));
            }
            foreach (var m in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(m);
                var signature = method.DecodeSignature(provider, null);
                used.UnionWith(signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(t => t)));
                if (method.RelativeVirtualAddress != 0)
                    used.UnionWith(InBody(pe.GetMethodBody(method.RelativeVirtualAddress), provider));
            }
            if (!edges.TryGetValue(from, out var set))
                edges[from] = set = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(used.Where(u => u != from && Kept(u)));
        }
        return edges.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value, StringComparer.Ordinal);
    }

    private static IEnumerable<string> InBody(MethodBodyBlock body, NamespaceProvider provider)
    {
        var found = new List<string>();
        if (!body.LocalSignature.IsNil)
        {
            var locals = provider.Reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
            found.AddRange(locals.SelectMany(l => l));
        }
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var code = (int)il.ReadByte();
            if (code == 0xFE)
                code = 0xFE00 | il.ReadByte();
            if (!OperandTypes.TryGetValue(code, out var operand))
                throw new InvalidOperationException($"Unknown IL opcode 0x{code:X}.");
            switch (operand)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.ReadByte();
                    break;
                case OperandType.InlineVar:
                    il.ReadInt16();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.ReadInt64();
                    break;
                case OperandType.InlineSwitch:
                    var count = il.ReadInt32();
                    for (var i = 0; i < count; i++)
                        il.ReadInt32();
                    break;
                case OperandType.InlineTok or OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField:
                    found.AddRange(provider.Of(MetadataTokens.EntityHandle(il.ReadInt32())));
                    break;
                default:
                    il.ReadInt32();
                    break;
            }
        }
        return found;
    }

    // The operand size of every IL opcode, taken from the runtime's own table rather than written out by hand.
    private static readonly IReadOnlyDictionary<int, OperandType> OperandTypes =
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => (int)(ushort)o.Value, o => o.OperandType);

    /// <summary>Decodes signatures into the namespaces of this assembly's types they mention (other assemblies' types give none).</summary>
    private sealed class NamespaceProvider(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<string>, object?>
    {
        public MetadataReader Reader => reader;

        public string NamespaceOf(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var declaring = type.GetDeclaringType();
            return declaring.IsNil ? reader.GetString(type.Namespace) : NamespaceOf(declaring);
        }

        public ImmutableArray<string> Of(EntityHandle handle)
        {
            if (handle.IsNil)
                return [];
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return [NamespaceOf((TypeDefinitionHandle)handle)];
                case HandleKind.TypeSpecification:
                    return reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return [NamespaceOf(method.GetDeclaringType())];
                case HandleKind.FieldDefinition:
                    return [NamespaceOf(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType())];
                case HandleKind.MemberReference:
                    return Of(reader.GetMemberReference((MemberReferenceHandle)handle).Parent);
                case HandleKind.MethodSpecification:
                    var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return [.. Of(spec.Method), .. spec.DecodeSignature(this, null).SelectMany(t => t)];
                default:
                    return [];
            }
        }

        public ImmutableArray<string> GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) => [NamespaceOf(handle)];
        public ImmutableArray<string> GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => [];
        public ImmutableArray<string> GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => Of(handle);
        public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
        public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;
        public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType, ImmutableArray<ImmutableArray<string>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(t => t)];
        public ImmutableArray<string> GetGenericMethodParameter(object? context, int index) => [];
        public ImmutableArray<string> GetGenericTypeParameter(object? context, int index) => [];
        public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(t => t)];
        public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
