#!/usr/bin/env bash
# Compiles the built-in claim lexicon (the options of rules/unsourced-claim.json) and the claim
# judges' cue tables (Sources/ChaffKinds/Claims/SourceCueTables.swift) into
# Sources/ChaffKinds/Claims/BuiltinClaimLexicon.generated.swift and BuiltinSourceCues.generated.swift,
# which a check run reads instead of compiling thousands of phrases. Run after editing either
# (for a rule file, after Scripts/generate-builtin-rules.py); the test suite fails while a copy
# is stale. The compiling is chaff's own, run by the tests that check the copies.
set -euo pipefail
cd "$(dirname "$0")/.."
CHAFF_REGENERATE=claim-snapshots swift test --filter 'BuiltinClaimLexiconTests/committedCopyIsCurrent|BuiltinSourceCuesTests/committedCopyIsCurrent'
