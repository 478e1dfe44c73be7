using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sophia.Infra.Benchmarks;

/// <summary>
/// The BenchmarkDotNet entry: binding and analysis of generated stacks, each on a fresh compilation, with allocations.
/// Compare the Sophia and Floor rows with Binding of the same size.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private ImmutableArray<SyntaxTree> _trees;
    private AnalyzerOptions _options = null!;
    private ImmutableArray<DiagnosticAnalyzer> _sophia;
    private ImmutableArray<DiagnosticAnalyzer> _floor;
    private SyntaxTree _dense = null!;
    private Compilation _boundBase = null!;

    /// <summary>Resources in the generated stack (1x and 10x; 100x takes minutes per iteration: use --quick for it).</summary>
    [Params(500, 5000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var stack = StackGenerator.Generate(Resources);
        _trees = Workload.Parse(stack);
        _options = Workload.Options(stack);
        _sophia = Workload.SophiaAnalyzers();
        _floor = ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer());
        _dense = Workload.Parse(StackGenerator.DenseDocument());
        _boundBase = Workload.Compile(_trees);
        _boundBase.GetDiagnostics();
    }

    [Benchmark(Baseline = true)]
    public int Binding() => Workload.Compile(_trees).GetDiagnostics().Length;

    [Benchmark]
    public Task<int> BindingAndSophia() => AnalyzeAsync(_sophia);

    [Benchmark]
    public Task<int> BindingAndFloor() => AnalyzeAsync(_floor);

    [Benchmark]
    public async Task<int> SingleDocumentSophia()
    {
        var compilation = _boundBase.AddSyntaxTrees(_dense);
        var withAnalyzers = compilation.WithAnalyzers(_sophia, new CompilationWithAnalyzersOptions(_options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzers.Compilation.GetSemanticModel(_dense), null, CancellationToken.None);
        return diagnostics.Length;
    }

    [Benchmark]
    public int SingleDocumentBinding() => _boundBase.AddSyntaxTrees(_dense).GetSemanticModel(_dense).GetDiagnostics().Length;

    private async Task<int> AnalyzeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = Workload.Compile(_trees).WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(_options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        return diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
    }
}
