using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Sophia.Infra.Analyzers.Tests.Verifiers;

/// <summary>The references every test compilation uses: .NET 8 reference assemblies and the ref/ Pulumi mirror.</summary>
public static class TestReferences
{
    /// <summary>One shared set of framework reference assemblies (restored once, never downloaded by a test).</summary>
    public static readonly ReferenceAssemblies Net80 = ReferenceAssemblies.Net.Net80;

    /// <summary>Pulumi.dll and Pulumi.Aws.dll built from ref/.</summary>
    public static readonly ImmutableArray<MetadataReference> Pulumi = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(global::Pulumi.Resource).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Pulumi.Aws.Provider).Assembly.Location));
}
