#!/usr/bin/env bash
# The "Run chaff" step of action.yml. Reads its inputs from the environment:
#   CHAFF             the chaff binary
#   CHAFF_PATHS       paths separated by whitespace, or one per line when it has several lines
#   CHAFF_FORMAT      --format (default compiler)
#   CHAFF_FAIL_ON     --fail-on (default warning)
#   CHAFF_SARIF_FILE  when not empty, also write SARIF there
#   CHAFF_ARGS        more options, separated by whitespace
# and GITHUB_ACTION_PATH, to find the problem matcher. Exits with chaff's status.
set -euo pipefail

format=${CHAFF_FORMAT:-compiler}
fail_on=${CHAFF_FAIL_ON:-warning}

paths=()
if [[ "${CHAFF_PATHS:-}" == *$'\n'* ]]; then
    # One path per line: spaces inside a path are kept; blank lines and surrounding blanks are not.
    while IFS= read -r line || [ -n "$line" ]; do
        line=${line%$'\r'}
        line="${line#"${line%%[![:space:]]*}"}"
        line="${line%"${line##*[![:space:]]}"}"
        [ -n "$line" ] && paths+=("$line")
    done <<< "$CHAFF_PATHS"
else
    read -r -a paths <<< "${CHAFF_PATHS:-}"
fi
[ "${#paths[@]}" -gt 0 ] || paths=(.)

extra=()
read -r -d '' -a extra <<< "${CHAFF_ARGS:-}" || true

unit=()
if [ "$format" = compiler ]; then
    matcher="$(cd "$GITHUB_ACTION_PATH/../.." && pwd)/chaff-problem-matcher.json"
    echo "::add-matcher::$matcher"
    # Annotations are placed by GitHub's JavaScript UI, which counts UTF-16 code units. The
    # user's own --column-unit in CHAFF_ARGS comes later and wins.
    unit=(--column-unit utf16)
fi

status=0
"$CHAFF" check --format "$format" --fail-on "$fail_on" ${unit[@]+"${unit[@]}"} ${extra[@]+"${extra[@]}"} -- "${paths[@]}" || status=$?

if [ "$format" = compiler ]; then
    # Later steps' output must not be read as chaff's.
    echo "::remove-matcher owner=chaff::"
    echo "::remove-matcher owner=chaff-note::"
fi
if [ -n "${CHAFF_SARIF_FILE:-}" ]; then
    # The user's options come first so that these win: SARIF counts UTF-16 (GitHub's unit), goes
    # to its own file, and findings alone never fail this run (the run above decides).
    sarif_status=0
    mkdir -p "$(dirname "$CHAFF_SARIF_FILE")"
    "$CHAFF" check ${extra[@]+"${extra[@]}"} --format sarif --output "$CHAFF_SARIF_FILE" --column-unit utf16 \
        --fail-on never --quiet -- "${paths[@]}" || sarif_status=$?
    if [ "$sarif_status" -ne 0 ]; then
        echo "chaff: writing SARIF to $CHAFF_SARIF_FILE failed (exit $sarif_status)" >&2
        [ "$status" -ge 2 ] || status=$sarif_status
    fi
fi
exit "$status"
