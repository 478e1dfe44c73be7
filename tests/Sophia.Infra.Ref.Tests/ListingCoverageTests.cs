using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Sophia.Infra.RefGen;
using Xunit;
using Xunit.Abstractions;

namespace Sophia.Infra.Ref.Tests;

/// <summary>
/// Every type and member named in the listings must exist in the built reference assemblies with the listed
/// signature ([Input]/[Output] names and required flags included). The assemblies are only reflected over.
/// </summary>
public sealed class ListingCoverageTests
{
    readonly ITestOutputHelper _output;

    public ListingCoverageTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void CoreListingIsCovered() => Check("Pulumi", Generator.CoreListing, TestPaths.PulumiDll);

    [Fact]
    public void AwsListingIsCovered() => Check("Pulumi.Aws", Generator.AwsListing, TestPaths.PulumiAwsDll);

    void Check(string label, string listing, string dll)
    {
        var types = Parser.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, listing)));
        var assembly = Assembly.LoadFrom(dll);
        int typesFound = 0, membersListed = 0, membersFound = 0;
        var missing = new List<string>();
        foreach (var t in types)
        {
            var metadataName = MetadataName(t, types);
            var type = assembly.GetType(metadataName);
            int listedHere = t.Members.Count + t.EnumNames.Count;
            membersListed += listedHere;
            if (type == null)
            {
                missing.Add("type " + t.FullName);
                continue;
            }
            typesFound++;
            foreach (var n in t.EnumNames)
            {
                bool ok = type.IsEnum ? Enum.GetNames(type).Contains(n) : type.GetProperty(n, BindingFlags.Public | BindingFlags.Static)?.PropertyType == type;
                if (ok) membersFound++; else missing.Add($"{t.FullName}.{n}");
            }
            foreach (var m in t.Members)
            {
                if (HasMember(type, m)) membersFound++;
                else missing.Add($"{t.FullName}: {m.RawLine}");
            }
        }
        double typePct = 100.0 * typesFound / types.Count, memberPct = 100.0 * membersFound / membersListed;
        _output.WriteLine($"{label}: types {typesFound}/{types.Count} ({typePct:F2}%), members {membersFound}/{membersListed} ({memberPct:F2}%)");
        foreach (var m in missing) _output.WriteLine("  missing: " + m);
        Assert.Equal(types.Count, typesFound);
        Assert.True(memberPct >= 99.0, $"member coverage {memberPct:F2}% for {label}");
    }

    static string MetadataName(TypeModel t, List<TypeModel> all)
    {
        // Nested types (a header whose prefix is another listed type) are Outer+Inner in metadata.
        var name = all.Any(o => o.FullName == t.Namespace) ? t.Namespace + "+" + t.Name : t.FullName;
        return t.TypeParameters.Count > 0 ? name + "`" + t.TypeParameters.Count : name;
    }

    const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    static bool HasMember(Type type, MemberModel m)
    {
        switch (m.Kind)
        {
            case MemberKind.Constructor:
                return type.GetConstructors(All).Any(c => SameParameters(c.GetParameters(), m));
            case MemberKind.Field:
            {
                var f = type.GetField(m.Name, All);
                return f != null && Same(Format(f.FieldType), m.Type) && InputAttributeMatches(m, f);
            }
            case MemberKind.Property:
            {
                var p = m.Name == "Item"
                    ? type.GetProperties(All).FirstOrDefault(x => x.GetIndexParameters().Length == 1)
                    : type.GetProperty(m.Name, All);
                if (p == null || !Same(Format(p.PropertyType), m.Type)) return false;
                if (m.HasSetter && p.SetMethod == null || m.HasGetter && p.GetMethod == null) return false;
                // [Input] sits on the property or, for list/map inputs, on the private backing field "_name".
                var backing = type.GetField("_" + char.ToLowerInvariant(m.Name[0]) + m.Name[1..], All);
                return InputAttributeMatches(m, p) || (backing != null && InputAttributeMatches(m, backing))
                    ? OutputAttributeMatches(m, p)
                    : false;
            }
            case MemberKind.Method:
                return type.GetMethods(All).Any(x => x.Name == m.Name && x.GetGenericArguments().Length == m.TypeParameters.Count &&
                                                     Same(Format(x.ReturnType), m.Type) && SameParameters(x.GetParameters(), m));
            default:
                return false;
        }
    }

    static bool SameParameters(ParameterInfo[] ps, MemberModel m) =>
        ps.Length == m.Parameters.Count && ps.Zip(m.Parameters).All(z => Same(Format(z.First.ParameterType), z.Second.Type) && z.First.Name == z.Second.Name);

    static bool InputAttributeMatches(MemberModel m, MemberInfo target)
    {
        var listed = m.Attributes.FirstOrDefault(a => a.StartsWith("Input(", StringComparison.Ordinal));
        if (listed == null) return true;
        var data = target.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "Pulumi.InputAttribute");
        if (data == null) return false;
        var args = Parser.SplitTopLevel(listed[6..^1], ',');
        var actual = data.ConstructorArguments.Select(a => a.Value).ToList();
        return "\"" + actual[0] + "\"" == args[0] &&
               (args.Count < 2 || actual[1]!.ToString() == args[1]) &&
               (args.Count < 3 || actual[2]!.ToString() == args[2]);
    }

    static bool OutputAttributeMatches(MemberModel m, MemberInfo target)
    {
        var listed = m.Attributes.FirstOrDefault(a => a.StartsWith("Output(", StringComparison.Ordinal));
        if (listed == null) return true;
        var data = target.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "Pulumi.OutputAttribute");
        return data != null && "\"" + data.ConstructorArguments[0].Value + "\"" == listed[7..^1];
    }

    /// <summary>Compares a reflected type text with a listing type text, ignoring nullable-reference annotations.</summary>
    static bool Same(string reflected, string listed) => Normalize(reflected) == Normalize(listed);

    static string Normalize(string s) => s.Replace("?", "").Replace("System.Byte", "byte").Replace(" ", "");

    /// <summary>Formats a reflected type the way the listing writes it.</summary>
    static string Format(Type t)
    {
        if (t.IsByRef) return Format(t.GetElementType()!);
        if (t.IsArray) return Format(t.GetElementType()!) + "[]";
        if (t.IsGenericParameter) return t.Name;
        if (Nullable.GetUnderlyingType(t) is { } u) return Format(u) + "?";
        var keyword = t.FullName switch
        {
            "System.String" => "string", "System.Int32" => "int", "System.Int64" => "long", "System.Boolean" => "bool",
            "System.Object" => "object", "System.Double" => "double", "System.Void" => "void", "System.Byte" => "byte",
            _ => null,
        };
        if (keyword != null) return keyword;
        var name = t.IsNested ? Format(t.DeclaringType!) + "." + t.Name : t.Namespace + "." + t.Name;
        if (!t.IsGenericType) return name;
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        return name + "<" + string.Join(", ", t.GetGenericArguments().Select(Format)) + ">";
    }
}
