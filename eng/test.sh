#!/usr/bin/env bash
# All tests: analyzer and code-fix tests, the ref/ mirror's tests, and the package integration tests (pack, then build
# consumer projects against the package). Ends with the line "N passed, N failed", summed from the TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=artifacts/test-results
rm -rf "$results"
dotnet test Sophia.sln -c Release -nologo --logger "trx" --results-directory "$results"
status=$?
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -nE 's/.* passed="([0-9]+)".*/\1/p'); f=$(echo "$counters" | sed -nE 's/.* failed="([0-9]+)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test failed before running every test (build error?)"; fi
echo "$passed passed, $failed failed"
exit $status
