#!/usr/bin/env bash
# Regenerates what is generated from the rule catalogue: docs/rules/README.md (the rule index) and the "How to suppress"
# section of every available rule's page. The tests that check them fail until this has run after a catalogue change.
set -euo pipefail
cd "$(dirname "$0")/.."
SOPHIA_UPDATE_DOCS=1 dotnet test tests/Sophia.Infra.Analyzers.Tests -c Release -nologo -v q --filter "FullyQualifiedName~RuleIndexTests"
