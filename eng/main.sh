#!/usr/bin/env bash
# The main job: build the analyzers and the package, build the reference stack clean under warnings-as-errors with the
# analyzers attached, then build the deliberately non-compliant sample stack and show what the analyzers find there.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== 1/4 Analyzers and code fixes"
dotnet build src/Sophia.Infra.CodeFixes -c Release -v q -nologo

echo "== 2/4 NuGet package (artifacts/package)"
dotnet pack src/Sophia.Infra.Package -c Release -o artifacts/package -v q -nologo
unzip -l artifacts/package/Sophia.Infra.Analyzers.*.nupkg | grep -E "analyzers/|build" || true

echo "== 3/4 Reference stack (src/Sophia.Infra.Stack): must have no finding, under -warnaserror"
dotnet build src/Sophia.Infra.Stack -c Release -v q -nologo -warnaserror -p:TreatWarningsAsErrors=true
echo "reference stack: clean"

echo "== 4/4 Non-compliant sample stack (samples/Sophia.Infra.Samples): the analyzers at work"
mkdir -p artifacts
dotnet build samples/Sophia.Infra.Samples -c Release -nologo -v q > /dev/null 2>&1 || true   # dependencies first
# Then the sample project alone, recompiled, so that every finding is printed even when nothing changed.
dotnet build samples/Sophia.Infra.Samples -c Release -nologo --no-incremental --no-dependencies -v q \
  -p:ErrorLog="$PWD/artifacts/samples.sarif%2Cversion=2.1" > artifacts/samples-build.log 2>&1 || { cat artifacts/samples-build.log; exit 1; }
# One line per finding: file(line,col): warning SIAnnnn: message (the help link and project suffix trimmed), ordered by file
# and then by line number (numerically), duplicates (the same finding from a second target framework pass) removed.
grep -E "warning SIA[0-9]{4}:" artifacts/samples-build.log | sed -E -e 's/ \[[^]]*\]$//' -e 's/ \(https:[^)]*\)$//' -e "s|^$PWD/||" \
  | sort -u | sort -t'(' -k1,1 -k2,2n -s > artifacts/samples-findings.txt || true
sed -E 's/^/  /' artifacts/samples-findings.txt
echo "SARIF log: artifacts/samples.sarif"
echo "findings by rule ($(wc -l < artifacts/samples-findings.txt) in all):"
grep -oE "warning SIA[0-9]{4}" artifacts/samples-findings.txt | cut -d" " -f2 | sort | uniq -c | awk '{ printf "  %s %s\n", $2, $1 }'
