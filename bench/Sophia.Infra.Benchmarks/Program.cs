using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace Sophia.Infra.Benchmarks;

/// <summary>
/// <c>--quick</c> [--sizes 1,10,100|none] [--no-sdk] [--full-upto 10] [--repeat 3] [--iterations N] [--out file.md]: the ratio table in
/// one run (bench/README.md). Sizes above <c>--full-upto</c> skip the SDK analyzers and the floor (each is another full
/// analysis of the compilation: at 100x that is many minutes).
/// <c>--generate N dir</c>: writes a generated stack of about N resources to dir (to look at it or build it).
/// Anything else goes to BenchmarkDotNet (e.g. <c>--filter *</c>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--quick")
        {
            var sizes = new List<int> { 1, 10, 100 };
            var withSdk = true;
            var iterations = 21;
            string? output = null;
            var fullUpTo = 10;
            var repeat = 3;
            for (var i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--sizes":
                        var value = args[++i];
                        sizes = value == "none" ? new List<int>() : value.Split(',').Select(s => int.Parse(s.TrimEnd('x'), CultureInfo.InvariantCulture)).ToList();
                        break;
                    case "--no-sdk":
                        withSdk = false;
                        break;
                    case "--iterations":
                        iterations = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--full-upto":
                        fullUpTo = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--repeat":
                        repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--out":
                        output = args[++i];
                        break;
                    default:
                        Console.Error.WriteLine("unknown option " + args[i]);
                        return 2;
                }
            }

            return await RatioRun.RunAsync(sizes, withSdk, iterations, output, fullUpTo, repeat);
        }

        if (args.Length >= 2 && args[0] == "--profile")
        {
            // For a sampling profiler (dotnet-trace collect -- ...): every Sophia analyzer over a generated stack of args[1]
            // resources, args[2] times (default 10), each time on freshly parsed trees in a fresh compilation bound before.
            var stack = StackGenerator.Generate(int.Parse(args[1], CultureInfo.InvariantCulture));
            var options = Workload.Options(stack);
            var analyzers = Workload.SophiaAnalyzers();
            var floor = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new FloorAnalyzer());
            var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
            for (var round = 0; round < rounds; round++)
            {
                var compilation = Workload.Compile(Workload.Parse(stack));
                var watch = System.Diagnostics.Stopwatch.StartNew();
                compilation.GetDiagnostics();
                var binding = watch.Elapsed;
                var pauses = GC.GetTotalPauseDuration();
                var collections = GC.CollectionCount(0);
                var (times, _, findings, cpu) = await RatioRun.RunAnalyzersAsync(compilation, options, analyzers);
                pauses = GC.GetTotalPauseDuration() - pauses;
                collections = GC.CollectionCount(0) - collections;
                var (floorTimes, _, _, floorCpu) = await RatioRun.RunAnalyzersAsync(compilation, options, floor);
                var total = TimeSpan.FromTicks(times.Sum(t => t.Time.Ticks));
                Console.Error.WriteLine($"round {round}: binding {binding.TotalMilliseconds:F0} ms, {findings} findings, SIA {total.TotalMilliseconds:F1} ms ({total / binding:P1}; GC pauses during the SIA run {pauses.TotalMilliseconds:F0} ms in {collections} collections), floor {floorTimes[0].Time.TotalMilliseconds:F1} ms: "
                    + string.Join(", ", times.OrderByDescending(t => t.Time).Take(6).Select(t => $"{t.Name.Replace("Analyzer", "")} {t.Time.TotalMilliseconds:F1}")));
            }

            return 0;
        }

        if (args.Length == 3 && args[0] == "--generate")
        {
            var stack = StackGenerator.Generate(int.Parse(args[1], CultureInfo.InvariantCulture));
            System.IO.Directory.CreateDirectory(args[2]);
            foreach (var file in stack.Files.Append(StackGenerator.DenseDocument()))
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(args[2], System.IO.Path.GetFileName(file.Path)), file.Text);
            }

            foreach (var (path, text) in stack.AdditionalFiles)
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(args[2], System.IO.Path.GetFileName(path)), text);
            }

            Console.WriteLine($"{stack.Resources} resources in {stack.Files.Count} files written to {args[2]}");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
