#!/usr/bin/env bash
# The speed benchmark in one command (see bench/README.md): builds bench/ and prints the ratio table for the generated
# stacks at 1x, 10x and 100x (about 500, 5,000 and 50,000 resources) plus the single-document case, and writes it to
# bench/results/latest.md (about 6 min on 2 idle cores). Every analyzer of Sophia.Infra.Analyzers is found by reflection, so new rules are included.
# Arguments are passed on (e.g. `bash eng/bench.sh --sizes 1,10` for a shorter run, `--no-sdk` without the .NET analyzers).
# For the BenchmarkDotNet entry: dotnet run -c Release --project bench/Sophia.Infra.Benchmarks -- --filter '*'
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Every method fully optimised from its first call (the compiler's and ours), as in a build server or IDE that has run for a
# while; the warm-up run absorbs the JIT time. With tiering on, our code may still run unoptimised when it is measured.
export DOTNET_TieredCompilation=0
# The bench runs with the server collector, as the SDK's compiler does (bench/README.md); --workstation-gc for the other one.
if [ "${1:-}" = "--workstation-gc" ]; then
  export DOTNET_gcServer=0
  shift
fi
dotnet build bench/Sophia.Infra.Benchmarks -c Release -nologo -v q --disable-build-servers
mkdir -p bench/results
dotnet bench/Sophia.Infra.Benchmarks/bin/Release/net10.0/Sophia.Infra.Benchmarks.dll --quick --out bench/results/latest.md "$@"
