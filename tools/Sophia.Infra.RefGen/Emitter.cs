using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Sophia.Infra.RefGen;

/// <summary>
/// Turns parsed listing types into C# source: one file per namespace, every body <c>throw null!</c>.
/// Type references are written fully qualified with <c>global::</c> so that names such as
/// <c>Pulumi.Aws.Config</c> / <c>Pulumi.Config</c> or a property called <c>Output</c> never capture them.
/// </summary>
public sealed class Emitter
{
    readonly Dictionary<string, TypeModel> _all;          // every listed type (core + aws) by full name
    public List<string> Skipped { get; } = new();         // listing lines that are not represented, with the reason

    public Emitter(IEnumerable<TypeModel> allTypes)
    {
        _all = new Dictionary<string, TypeModel>();
        foreach (var t in allTypes) _all[t.Key] = t;
    }

    const string Throw = " => throw null!;";

    /// <summary>Generic constraints are not in the listing; these come from pulumi-api.md section 1.</summary>
    static readonly Dictionary<string, string> Constraints = new()
    {
        ["Pulumi.Deployment.RunAsync<TStack>()"] = " where TStack : global::Pulumi.Stack, new()",
        ["Pulumi.Deployment.RunAsync<TStack>(1)"] = " where TStack : global::Pulumi.Stack",
        ["Pulumi.Deployment.TestAsync<TStack>(2)"] = " where TStack : global::Pulumi.Stack, new()",
        ["Pulumi.Deployment.TestWithServiceProviderAsync<TStack>(3)"] = " where TStack : global::Pulumi.Stack",
    };

    static readonly HashSet<string> Keywords = new(
        ("abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum " +
         "event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new " +
         "null object operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static " +
         "string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while").Split(' '));

    public static string Id(string name) => Keywords.Contains(name) ? "@" + name : name;

    static readonly Regex QualifiedName = new(@"(?<![\w.:])(System|Pulumi|Microsoft)(\.[A-Za-z_][A-Za-z0-9_]*)+");

    /// <summary>Listing type text -> C# type text ("Pulumi.Output&lt;string&gt;" -> "global::Pulumi.Output&lt;string&gt;").</summary>
    public static string T(string type) => QualifiedName.Replace(type, m => "global::" + m.Value);

    /// <summary>Produces file name -> content for the given listing types (the types of one assembly).</summary>
    public SortedDictionary<string, string> Emit(List<TypeModel> types, string header, IEnumerable<string> extraInternalInterfaces, string? extraSource)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var byName = types.ToDictionary(t => t.Key);
        // A header whose prefix is another listed type is a nested type (Pulumi.RegisterPackageRequest.PackageParameterization).
        var nested = types.Where(t => byName.ContainsKey(t.Namespace)).ToList();
        var topLevel = types.Where(t => !byName.ContainsKey(t.Namespace)).ToList();
        var nestedByParent = nested.GroupBy(t => t.Namespace).ToDictionary(g => g.Key, g => g.ToList());

        var namespaces = topLevel.GroupBy(t => t.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            var sb = new StringBuilder();
            sb.Append(header);
            sb.Append("namespace ").Append(ns.Key).Append("\n{\n");
            foreach (var t in ns) EmitType(sb, t, 1, nestedByParent);
            if (ns.Key == "Pulumi")
            {
                foreach (var i in extraInternalInterfaces)
                    sb.Append("    internal interface ").Append(i).Append(" { }\n\n");
            }
            TrimTrailingBlank(sb);
            sb.Append("}\n");
            files[ns.Key + ".cs"] = sb.ToString();
        }
        if (extraSource != null) files["_Support.cs"] = header + extraSource;
        return files;
    }

    static void TrimTrailingBlank(StringBuilder sb)
    {
        while (sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n') sb.Length--;
    }

    void EmitType(StringBuilder sb, TypeModel t, int depth, Dictionary<string, List<TypeModel>> nestedByParent)
    {
        var ind = new string(' ', depth * 4);
        var typeName = t.Name + (t.TypeParameters.Count > 0 ? "<" + string.Join(", ", t.TypeParameters) + ">" : "");
        var attrs = t.Attributes.Select(TypeAttribute).Where(a => a != null).ToList();
        foreach (var a in attrs) sb.Append(ind).Append('[').Append(a).Append("]\n");

        if (t.IsDelegate)
        {
            var invoke = t.Members.First(m => m.Name == "Invoke");
            sb.Append(ind).Append("public delegate ").Append(T(invoke.Type)).Append(' ').Append(typeName)
              .Append('(').Append(Params(invoke, t, false)).Append(");\n\n");
            return;
        }
        if (t.Kind == "enum")
        {
            sb.Append(ind).Append("public enum ").Append(t.Name).Append("\n").Append(ind).Append("{\n");
            foreach (var n in t.EnumNames) sb.Append(ind).Append("    ").Append(n).Append(",\n");
            sb.Append(ind).Append("}\n\n");
            return;
        }

        var mods = new List<string> { "public" };
        if (t.IsStatic) mods.Add("static");
        else if (t.IsAbstract) mods.Add("abstract");
        else if (t.IsSealed) mods.Add("sealed");
        var kind = t.Kind == "struct" && t.IsEnumStruct ? "readonly struct" : t.Kind;
        sb.Append(ind).Append(string.Join(" ", mods)).Append(' ').Append(kind).Append(' ').Append(typeName);
        if (t.BaseTypes.Count > 0) sb.Append(" : ").Append(string.Join(", ", t.BaseTypes.Select(T)));
        sb.Append('\n').Append(ind).Append("{\n");
        var mi = ind + "    ";

        if (t.IsEnumStruct) EmitEnumStructBody(sb, t, mi);
        else EmitMembers(sb, t, mi);

        if (nestedByParent.TryGetValue(t.Key, out var children))
            foreach (var c in children) EmitType(sb, c, depth + 1, nestedByParent);

        TrimTrailingBlank(sb);
        sb.Append(ind).Append("}\n\n");
    }

    void EmitEnumStructBody(StringBuilder sb, TypeModel t, string mi)
    {
        var n = t.Name;
        // Shape of the Pulumi code generator's enum structs (pulumi-api.md section 2); the value sits in the
        // static property initializer, the private constructor throws like every other body.
        sb.Append(mi).Append("private ").Append(n).Append("(string value)").Append(Throw).Append("\n\n");
        foreach (var member in t.EnumNames)
            sb.Append(mi).Append("public static ").Append(n).Append(' ').Append(member).Append(" { get; } = new ").Append(n)
              .Append("(\"").Append(EnumValues.For(t.FullName, member)).Append("\");\n");
        sb.Append('\n');
        if (t.EnumStructOperators)
        {
            sb.Append(mi).Append("public static bool operator ==(").Append(n).Append(" left, ").Append(n).Append(" right)").Append(Throw).Append('\n');
            sb.Append(mi).Append("public static bool operator !=(").Append(n).Append(" left, ").Append(n).Append(" right)").Append(Throw).Append("\n\n");
            sb.Append(mi).Append("public static explicit operator string(").Append(n).Append(" value)").Append(Throw).Append("\n\n");
            sb.Append(mi).Append("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]\n");
            sb.Append(mi).Append("public override bool Equals(object? obj)").Append(Throw).Append('\n');
            sb.Append(mi).Append("public bool Equals(").Append(n).Append(" other)").Append(Throw).Append("\n\n");
            sb.Append(mi).Append("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]\n");
            sb.Append(mi).Append("public override int GetHashCode()").Append(Throw).Append("\n\n");
            sb.Append(mi).Append("public override string ToString()").Append(Throw).Append('\n');
        }
    }

    void EmitMembers(StringBuilder sb, TypeModel t, string mi)
    {
        bool isOutputType = t.Attributes.Contains("OutputType");
        bool hasCtor = t.Members.Any(m => m.Kind == MemberKind.Constructor);
        bool isInterface = t.Kind == "interface";

        // Types without a listed constructor still need one that derived types (ours or the user's) can chain to:
        // the real SDK has non-public constructors there (the listing shows public members only).
        if (!hasCtor && !t.IsStatic && !isInterface && t.Kind == "class")
        {
            if (isOutputType) EmitOutputConstructor(sb, t, mi);
            else sb.Append(mi).Append(t.IsAbstract ? "protected " : "internal ").Append(t.Name).Append("()")
                   .Append(BaseCall(t)).Append(Throw).Append("\n\n");
        }

        foreach (var m in t.Members)
        {
            if (m.RawLine.Contains("Microsoft.Extensions."))
            {
                Skipped.Add($"{t.FullName}: `{m.RawLine}` — references Microsoft.Extensions.Hosting, which net8.0 does not provide without a package");
                continue;
            }
            if (m.Name == "<Clone>$")
            {
                Skipped.Add($"{t.FullName}: `{m.RawLine}` — compiler-generated record clone method; not declarable in C# (type emitted as a class)");
                continue;
            }
            switch (m.Kind)
            {
                case MemberKind.Constructor: EmitConstructor(sb, t, m, mi); break;
                case MemberKind.Property: EmitProperty(sb, t, m, mi); break;
                case MemberKind.Field: EmitField(sb, t, m, mi); break;
                case MemberKind.Method: EmitMethod(sb, t, m, mi); break;
            }
        }
        EmitMissingInterfaceMembers(sb, t, mi);
        if (ProtectedSupplement.TryGetValue(t.FullName, out var extra))
            foreach (var line in extra) sb.Append(mi).Append("protected ").Append(line).Append(Throw).Append("\n\n");
    }

    /// <summary>
    /// The reflection listing shows public members only. Protected members that user code calls and that
    /// pulumi-api.md section 1 documents are added here (ComponentResource.RegisterOutputs overloads).
    /// </summary>
    static readonly Dictionary<string, string[]> ProtectedSupplement = new()
    {
        ["Pulumi.ComponentResource"] = new[]
        {
            "void RegisterOutputs()",
            "void RegisterOutputs(global::System.Collections.Generic.IDictionary<string, object?> outputs)",
            "void RegisterOutputs(global::System.Threading.Tasks.Task<global::System.Collections.Generic.IDictionary<string, object?>> outputs)",
            "void RegisterOutputs(global::Pulumi.Output<global::System.Collections.Generic.IDictionary<string, object?>> outputs)",
        },
    };

    void EmitOutputConstructor(StringBuilder sb, TypeModel t, string mi)
    {
        // Generated output types have a private [OutputConstructor] taking every field, in declaration order.
        var fields = t.Members.Where(m => m.Kind == MemberKind.Field && !m.IsStatic).ToList();
        sb.Append(mi).Append("[global::Pulumi.OutputConstructorAttribute]\n");
        sb.Append(mi).Append("private ").Append(t.Name).Append('(');
        sb.Append(string.Join(", ", fields.Select(f => T(f.Type) + " " + Id(char.ToLowerInvariant(f.Name[0]) + f.Name[1..]))));
        sb.Append(')').Append(Throw).Append("\n\n");
    }

    void EmitConstructor(StringBuilder sb, TypeModel t, MemberModel m, string mi)
    {
        sb.Append(MemberAttributes(m, mi));
        sb.Append(mi).Append("public ").Append(t.Name).Append('(').Append(Params(m, t, false)).Append(')');
        if (t.Kind == "class") sb.Append(BaseCall(t));
        sb.Append(Throw).Append("\n\n");
    }

    /// <summary>
    /// ": base(...)" when the base class is a listed type without a parameterless constructor. The arguments are
    /// typed defaults for the base constructor with the fewest parameters, so overload resolution is unambiguous.
    /// </summary>
    string BaseCall(TypeModel t)
    {
        var baseText = t.BaseClass;
        if (baseText == null || !_all.TryGetValue(Parser.KeyOf(baseText), out var b)) return "";
        var ctors = b.Members.Where(m => m.Kind == MemberKind.Constructor).ToList();
        if (ctors.Count == 0 || ctors.Any(c => c.Parameters.All(p => p.Default != null))) return "";
        var pick = ctors.OrderBy(c => c.Parameters.Count).First();
        return " : base(" + string.Join(", ", pick.Parameters.Select(p => "default(" + T(p.Type.TrimEnd('?')) + ")!")) + ")";
    }


    void EmitProperty(StringBuilder sb, TypeModel t, MemberModel m, string mi)
    {
        var isInterface = t.Kind == "interface";
        // The map indexer: reflection lists it as property "Item" (the type carries [DefaultMember("Item")]).
        if (m.Name == "Item" && t.Attributes.Contains("DefaultMember(\"Item\")"))
        {
            sb.Append(mi).Append("public ").Append(T(m.Type)).Append(" this[string key] {")
              .Append(m.HasGetter ? " get => throw null!;" : "").Append(m.HasSetter ? " set => throw null!;" : "").Append(" }\n\n");
            return;
        }
        var inputAttr = m.Attributes.FirstOrDefault(a => a.StartsWith("Input("));
        var otherAttrs = m.Attributes.Where(a => a != inputAttr).ToList();
        // List and map inputs: "[Input] sits on the private backing field" (listing header). The field only carries
        // the attribute (CS0169 is suppressed in the csproj for that reason).
        bool backingField = inputAttr != null && IsCollectionInput(m.Type);
        if (backingField)
        {
            sb.Append(mi).Append('[').Append(MapAttribute(inputAttr!)).Append("]\n");
            sb.Append(mi).Append("private ").Append(T(m.Type)).Append("? _").Append(char.ToLowerInvariant(m.Name[0])).Append(m.Name[1..]).Append(";\n");
        }
        var attrs = backingField ? otherAttrs : m.Attributes;
        foreach (var a in attrs) sb.Append(mi).Append('[').Append(MapAttribute(a)).Append("]\n");
        sb.Append(mi);
        if (!isInterface) sb.Append("public ");
        if (m.IsStatic) sb.Append("static ");
        if (!isInterface && HidesBaseMember(t, m)) sb.Append("new ");
        if (m.IsVirtual && !isInterface && !t.IsSealed && t.Kind == "class") sb.Append("virtual ");
        sb.Append(T(m.Type)).Append(' ').Append(Id(m.Name));
        if (isInterface)
            sb.Append(" {").Append(m.HasGetter ? " get;" : "").Append(m.HasSetter ? " set;" : "").Append(" }\n\n");
        else if (m.HasGetter && !m.HasSetter)
            sb.Append(Throw).Append("\n\n");
        else
            sb.Append(" {").Append(m.HasGetter ? " get => throw null!;" : "").Append(m.HasSetter ? " set => throw null!;" : "").Append(" }\n\n");
    }

    static bool IsCollectionInput(string type) =>
        type.StartsWith("Pulumi.InputList<") || type.StartsWith("Pulumi.InputMap<") ||
        type.StartsWith("System.Collections.Generic.List<") || type.StartsWith("System.Collections.Generic.Dictionary<");

    void EmitField(StringBuilder sb, TypeModel t, MemberModel m, string mi)
    {
        sb.Append(MemberAttributes(m, mi));
        sb.Append(mi).Append("public ");
        if (m.IsStatic && !m.IsReadOnly && m.Type == "string")
        {
            // "static string X" without readonly is a literal (const) field in the reflection listing.
            sb.Append("const string ").Append(Id(m.Name)).Append(" = \"").Append(m.Name.ToLowerInvariant()).Append("\";\n\n");
            return;
        }
        if (m.IsStatic) sb.Append("static ");
        if (HidesBaseMember(t, m)) sb.Append("new ");
        if (m.IsReadOnly) sb.Append("readonly ");
        sb.Append(T(m.Type)).Append(' ').Append(Id(m.Name));
        // Static fields get a value so that nullable analysis is satisfied; instance fields are "assigned" by
        // constructors that throw.
        if (m.IsStatic) sb.Append(" = default!");
        sb.Append(";\n\n");
    }

    void EmitMethod(StringBuilder sb, TypeModel t, MemberModel m, string mi)
    {
        var isInterface = t.Kind == "interface";
        sb.Append(MemberAttributes(m, mi));
        sb.Append(mi);
        if (m.Name is "op_Implicit" or "op_Explicit")
        {
            sb.Append("public static ").Append(m.Name == "op_Implicit" ? "implicit" : "explicit").Append(" operator ")
              .Append(T(m.Type)).Append('(').Append(Params(m, t, false)).Append(')').Append(Throw).Append("\n\n");
            return;
        }
        if (m.Name is "op_Equality" or "op_Inequality")
        {
            sb.Append("public static ").Append(T(m.Type)).Append(" operator ").Append(m.Name == "op_Equality" ? "==" : "!=")
              .Append('(').Append(Params(m, t, false)).Append(')').Append(Throw).Append("\n\n");
            return;
        }
        // Tuple element names, nested nullability and default interface bodies come from the source (SourceFacts).
        var fact = SourceFacts.For(t, m);
        if (!isInterface) sb.Append("public ");
        if (m.IsStatic) sb.Append("static ");
        if (!isInterface && !m.IsStatic) sb.Append(Overriding(t, m));
        else if (!isInterface && m.IsStatic && HidesBaseMember(t, m)) sb.Append("new ");
        sb.Append(T(fact?.ReturnType ?? m.Type)).Append(' ').Append(Id(m.Name));
        if (m.TypeParameters.Count > 0) sb.Append('<').Append(string.Join(", ", m.TypeParameters)).Append('>');
        // Extension methods: the listing drops 'this'; every static *Extensions class declares extension methods.
        bool extension = t.IsStatic && t.Name.EndsWith("Extensions");
        sb.Append('(').Append(NestedNullability(t, m, Params(m, t, extension, fact: fact))).Append(')');
        var key = t.FullName + "." + m.Name + (m.TypeParameters.Count > 0 ? "<" + string.Join(", ", m.TypeParameters) + ">" : "") +
                  "(" + (m.Parameters.Count == 0 ? "" : m.Parameters.Count.ToString()) + ")";
        if (Constraints.TryGetValue(key, out var where)) sb.Append(where);
        // A default interface member is not abstract: it gets a body like every other member of the mirror.
        sb.Append(isInterface && fact?.DefaultBody != true ? ";" : Throw).Append("\n\n");
    }

    /// <summary>
    /// The reflection listing shows nullable annotations on the outer type only. Where pulumi-api.md gives the
    /// nested annotation (Deployment.RunAsync takes Func&lt;IDictionary&lt;string, object?&gt;&gt;), it is restored here.
    /// </summary>
    static string NestedNullability(TypeModel t, MemberModel m, string renderedParameters) =>
        t.FullName == "Pulumi.Deployment" && m.Name == "RunAsync"
            ? renderedParameters.Replace("global::System.Collections.Generic.IDictionary<string, object>>", "global::System.Collections.Generic.IDictionary<string, object?>>")
            : renderedParameters;

    /// <summary>
    /// Modifier for an instance method: object's virtuals are overridden; a method matching a virtual base method
    /// overrides it (sealed when the listing does not mark it virtual); otherwise 'virtual' as listed.
    /// </summary>
    string Overriding(TypeModel t, MemberModel m)
    {
        bool objectVirtual = (m.Name is "ToString" or "GetHashCode" && m.Parameters.Count == 0) ||
                             (m.Name == "Equals" && m.Parameters.Count == 1 && m.Parameters[0].Type.TrimEnd('?') == "object");
        if (objectVirtual) return "override ";
        var baseMember = FindBaseMember(t, m);
        if (baseMember != null)
        {
            if (baseMember.IsVirtual) return m.IsVirtual ? "override " : "sealed override ";
            return "new ";
        }
        if (m.IsVirtual && t.Kind == "class" && !t.IsSealed) return "virtual ";
        return "";
    }

    bool HidesBaseMember(TypeModel t, MemberModel m) => FindBaseMember(t, m) != null;

    MemberModel? FindBaseMember(TypeModel t, MemberModel m)
    {
        var baseText = t.BaseClass;
        while (baseText != null && _all.TryGetValue(Parser.KeyOf(baseText), out var b))
        {
            foreach (var bm in b.Members)
            {
                if (bm.Name != m.Name || bm.Kind == MemberKind.Constructor) continue;
                if (m.Kind != MemberKind.Method || bm.Kind != MemberKind.Method) return bm;
                if (bm.Parameters.Select(p => p.Type).SequenceEqual(m.Parameters.Select(p => p.Type))) return bm;
            }
            baseText = b.BaseClass;
        }
        return null;
    }

    /// <summary>Interface members the listing does not show on the class are implemented explicitly.</summary>
    void EmitMissingInterfaceMembers(StringBuilder sb, TypeModel t, string mi)
    {
        if (t.Kind == "interface") return;
        foreach (var bt in t.BaseTypes.Where(Parser.LooksLikeInterface))
        {
            if (bt == "System.Collections.IEnumerable" && !t.Members.Any(m => m.Name == "GetEnumerator"))
            {
                sb.Append(mi).Append("global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator()").Append(Throw).Append("\n\n");
                continue;
            }
            if (!_all.TryGetValue(Parser.KeyOf(bt), out var iface)) continue;
            foreach (var im in iface.Members)
            {
                if (t.Members.Any(m => m.Name == im.Name && m.Parameters.Count == im.Parameters.Count)) continue;
                var fact = SourceFacts.For(iface, im);
                // A member with a default body needs no implementation (EmptyMocks does not implement RegisterResourceOutputs).
                if (fact?.DefaultBody == true) continue;
                if (im.Kind == MemberKind.Method)
                    sb.Append(mi).Append(T(fact?.ReturnType ?? im.Type)).Append(' ').Append(T(bt)).Append('.').Append(im.Name).Append('(')
                      .Append(Params(im, iface, false, withDefaults: false, fact: fact)).Append(')').Append(Throw).Append("\n\n");
                else if (im.Kind == MemberKind.Property)
                    sb.Append(mi).Append(T(im.Type)).Append(' ').Append(T(bt)).Append('.').Append(im.Name).Append(Throw).Append("\n\n");
            }
        }
    }

    /// <summary>
    /// Parameter list. The reflection listing loses 'out': TryGet*/TryPick*/Deconstruct parameters are out parameters
    /// in the real API. A 'null' default for CancellationToken is how reflection shows 'default'.
    /// </summary>
    static string Params(MemberModel m, TypeModel owner, bool extension, bool withDefaults = true, SourceFact? fact = null)
    {
        bool allOut = m.Name.StartsWith("TryGet") || m.Name.StartsWith("TryPick") || m.Name == "Deconstruct";
        var parts = new List<string>();
        for (int i = 0; i < m.Parameters.Count; i++)
        {
            var p = m.Parameters[i];
            var s = new StringBuilder();
            if (extension && i == 0) s.Append("this ");
            if (allOut) s.Append("out ");
            if (p.IsParams) s.Append("params ");
            var type = fact != null && fact.ParameterTypes.TryGetValue(p.Name, out var sourceType) ? sourceType : p.Type;
            s.Append(T(type)).Append(' ').Append(Id(p.Name));
            if (withDefaults && p.Default != null)
            {
                var d = p.Default switch
                {
                    "True" => "true",
                    "False" => "false",
                    "null" when !p.Type.EndsWith('?') && p.Type == "System.Threading.CancellationToken" => "default",
                    _ => p.Default,
                };
                s.Append(" = ").Append(d);
            }
            parts.Add(s.ToString());
        }
        return string.Join(", ", parts);
    }

    string MemberAttributes(MemberModel m, string mi)
    {
        var sb = new StringBuilder();
        foreach (var a in m.Attributes) sb.Append(mi).Append('[').Append(MapAttribute(a)).Append("]\n");
        return sb.ToString();
    }

    /// <summary>Type-level attributes. [DefaultMember] is produced by the compiler for the indexer, so it is dropped.</summary>
    static string? TypeAttribute(string a)
    {
        if (a.StartsWith("DefaultMember(")) return null;
        if (a.StartsWith("Usage("))
        {
            // [Usage(1024, AllowMultiple=True)] is System.AttributeUsage with the numeric AttributeTargets.
            var args = Parser.SplitTopLevel(a[6..^1], ',');
            var s = "global::System.AttributeUsage((global::System.AttributeTargets)" + args[0];
            foreach (var named in args.Skip(1)) s += ", " + named.Replace("=", " = ").Replace("True", "true").Replace("False", "false");
            return s + ")";
        }
        return MapAttribute(a);
    }

    /// <summary>Listing attribute text -> C# attribute text.</summary>
    static string MapAttribute(string a)
    {
        var open = a.IndexOf('(');
        var name = open < 0 ? a : a[..open];
        var args = open < 0 ? "" : a[(open + 1)..^1];
        switch (name)
        {
            case "Input":
            {
                // [Input("name", required, json)] written the way the code generator writes it.
                var parts = Parser.SplitTopLevel(args, ',');
                var s = "global::Pulumi.InputAttribute(" + parts[0];
                if (parts.Count > 1 && parts[1] == "True") s += ", required: true";
                if (parts.Count > 2 && parts[2] == "True") s += ", json: true";
                return s + ")";
            }
            case "Output": return "global::Pulumi.OutputAttribute(" + args + ")";
            case "OutputType": return "global::Pulumi.OutputTypeAttribute";
            case "EnumType": return "global::Pulumi.EnumTypeAttribute";
            case "AwsResourceType": return "global::Pulumi.Aws.AwsResourceTypeAttribute(" + args + ")";
            case "Obsolete": return "global::System.ObsoleteAttribute(" + args + ")";
            case "JsonPropertyName": return "global::System.Text.Json.Serialization.JsonPropertyNameAttribute(" + args + ")";
            case "JsonIgnore":
                // JsonIgnore(Condition=3): the enum value is numeric in the listing.
                return "global::System.Text.Json.Serialization.JsonIgnoreAttribute(Condition = (global::System.Text.Json.Serialization.JsonIgnoreCondition)" +
                       args[(args.IndexOf('=') + 1)..] + ")";
            default: throw new FormatException("unknown attribute in listing: " + a);
        }
    }
}
