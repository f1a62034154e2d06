#!/usr/bin/env bash
# Compiles the built-in claim lexicon (the options of rules/unsourced-claim.json) into
# Sources/ChaffKinds/Claims/BuiltinClaimLexicon.generated.swift, which a check run reads
# instead of compiling thousands of phrases. Run after editing rules/unsourced-claim.json (and
# Scripts/generate-builtin-rules.py); the test suite fails while the copy is stale. The
# compiling is chaff's own (ClaimLexicon), run by the test that checks the copy.
set -euo pipefail
cd "$(dirname "$0")/.."
CHAFF_REGENERATE=claim-lexicon swift test --filter BuiltinClaimLexiconTests/committedCopyIsCurrent
