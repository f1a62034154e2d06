#!/usr/bin/env bash
# Fails when a hand-written Swift file differs from what `swift format` (the formatter that
# ships with the toolchain) makes of it under the committed .swift-format configuration.
# Generated files (*.generated.swift) are left as their generators write them.
#
#   Scripts/check-format.sh          check (exit 1 and list the differences)
#   Scripts/check-format.sh --fix    format the files in place
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'Package.swift' 'Sources/*.swift' 'Tests/*.swift' 'Fuzz/*.swift' | grep -v '\.generated\.swift$')
if [ "${1:-}" = "--fix" ]; then
    swift format format --in-place --configuration .swift-format "${files[@]}"
    exit 0
fi
if ! swift format lint --strict --configuration .swift-format "${files[@]}"; then
    echo "check-format: the files above differ from swift format's output; run Scripts/check-format.sh --fix" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files formatted as .swift-format says"
