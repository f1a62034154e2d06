#!/usr/bin/env bash
# Checks the hooks in .pre-commit-hooks.yaml with real pre-commit.
#
#   Scripts/integration/pre-commit-test.sh [CHECKOUT]
#
# CHECKOUT (default: the repository this script is in) must be a git repository: pre-commit
# clones it at its HEAD commit, so uncommitted changes are NOT tested (a warning says so).
# pre-commit is installed from PyPI into a temporary virtual environment, PRE_COMMIT_HOME is a
# temporary folder, and everything is removed at the end (KEEP_TEMP=1 keeps it).
# `language: swift` builds chaff in release mode inside pre-commit's cache: minutes on 2 cores.
#
# Environment: PRE_COMMIT_VERSION (default 4.7.0), BUILD_TIMEOUT seconds (default 3600).
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "${1:-$script_dir/../..}" && git rev-parse --show-toplevel)
version=${PRE_COMMIT_VERSION:-4.7.0}
build_timeout=${BUILD_TIMEOUT:-3600}

work=$(mktemp -d "${TMPDIR:-/tmp}/chaff-pre-commit.XXXXXX")
cleanup() {
    if [ "${KEEP_TEMP:-0}" = 1 ]; then echo "pre-commit-test: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

fail() {
    echo "pre-commit-test: FAIL: $1" >&2
    if [ -n "${2:-}" ] && [ -f "$2" ]; then
        echo "----- output -----" >&2
        cat "$2" >&2
        echo "------------------" >&2
    fi
    if [ -f "$PRE_COMMIT_HOME/pre-commit.log" ]; then
        echo "----- $PRE_COMMIT_HOME/pre-commit.log (last 60 lines) -----" >&2
        tail -n 60 "$PRE_COMMIT_HOME/pre-commit.log" >&2
    fi
    exit 1
}

command -v swift >/dev/null || fail "swift is not on PATH; language: swift needs it"
command -v git >/dev/null || fail "git is not on PATH"

echo "== pre-commit $version in a virtual environment"
python3 -m venv "$work/venv" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "pre-commit==$version" \
    || fail "pip could not install pre-commit==$version"
pre_commit="$work/venv/bin/pre-commit"
"$pre_commit" --version

export PRE_COMMIT_HOME="$work/cache"
export PRE_COMMIT_COLOR=never
# A hook repository's commit, not its working tree, is what pre-commit installs.
rev=$(git -C "$checkout" rev-parse HEAD)
if [ -n "$(git -C "$checkout" status --porcelain --untracked-files=no)" ]; then
    echo "pre-commit-test: warning: $checkout has uncommitted changes; testing commit $rev" >&2
fi
git -C "$checkout" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null \
    || fail ".pre-commit-hooks.yaml is not committed at $rev in $checkout"

echo "== a throw-away repository using $checkout@$rev"
repo="$work/repo"
mkdir "$repo"
cd "$repo"
git init --quiet
git config user.email test@example.invalid
git config user.name "chaff pre-commit test"
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<CONFIG
repos:
  - repo: $checkout
    rev: $rev
    hooks:
      - id: chaff
      - id: chaff-markdown
      - id: chaff-fix
CONFIG
# A rule with a replacement, so that chaff-fix has something to fix.
mkdir chaff-rules
cat > chaff-rules/use-color.json <<'RULE'
{"id": "use-color", "kind": "pattern", "summary": "British spelling.", "description": "Test rule.",
 "message": "Write '{replacement}' instead of '{match}'",
 "options": {"phrases": ["colour"], "replacement": "color"},
 "examples": {"valid": ["color"], "invalid": ["↓colour"]}}
RULE
printf '{"rules": ["chaff-rules"]}\n' > .chaff.json
printf '干净的说明文字，没有模板残留。\n' > clean.md
printf '尊敬的 {{ name }}，您好\n' > bad.txt
printf '# 标题\n\n欢迎来到 %%SITE_NAME%% 的页面。\n' > bad.md
printf 'print("%%s" %% name)  # {{ name }}\n' > app.py
git add .
git commit --quiet -m "fixture"

echo "== building the hooks (swift build -c release inside pre-commit's cache; slow)"
start=$(date +%s)
timeout "$build_timeout" "$pre_commit" install-hooks > "$work/install.log" 2>&1 \
    || fail "pre-commit install-hooks failed or took over ${build_timeout}s" "$work/install.log"
echo "built in $(( $(date +%s) - start ))s"

# run_hook NAME EXPECTED_STATUS FILE… : runs one hook on the files, output in $work/NAME.log.
run_hook() {
    local hook=$1 expected=$2 log="$work/run-$1-$2.log"
    shift 2
    local status=0
    timeout 600 "$pre_commit" run "$hook" --color=never --files "$@" > "$log" 2>&1 || status=$?
    [ "$status" -eq "$expected" ] || fail "'pre-commit run $hook --files $*' exited $status, expected $expected" "$log"
    last_log=$log
}

echo "== a clean file passes"
run_hook chaff 0 clean.md
grep -q '^chaff\.*Passed$' "$last_log" || fail "no 'Passed' line for the chaff hook" "$last_log"

echo "== a placeholder fails with a compiler-style line"
run_hook chaff 1 bad.txt clean.md
expected="bad.txt:1:5: warning: Unrendered template expression '{{ name }}'; fill it in or remove it [placeholder-template-expression]"
grep -qxF "$expected" "$last_log" || fail "the expected line is missing: $expected" "$last_log"
grep -q '^chaff\.*Failed$' "$last_log" || fail "no 'Failed' line for the chaff hook" "$last_log"

echo "== chaff reads documents, not source code"
run_hook chaff 0 app.py
grep -q '(no files to check)Skipped$' "$last_log" || fail "the chaff hook did not skip a .py file" "$last_log"

echo "== chaff-markdown reads Markdown only"
run_hook chaff-markdown 0 bad.txt
grep -q '(no files to check)Skipped$' "$last_log" || fail "chaff-markdown did not skip a .txt file" "$last_log"
run_hook chaff-markdown 1 bad.md
grep -qxF "bad.md:3:6: warning: Unfilled keyword slot '%SITE_NAME%'; fill it in or remove it [placeholder-delimited-keyword]" "$last_log" \
    || fail "chaff-markdown did not report bad.md" "$last_log"

echo "== chaff-fix rewrites the file, fails because it changed files, then passes"
printf '中文 colour 和 colour\n' > fix.txt
git add fix.txt
run_hook chaff-fix 1 fix.txt
grep -q 'files were modified by this hook' "$last_log" || fail "chaff-fix did not report modified files" "$last_log"
[ "$(cat fix.txt)" = '中文 color 和 color' ] || fail "chaff-fix left: $(cat fix.txt)" "$last_log"
run_hook chaff-fix 0 fix.txt
printf '中文 colour 和 {{ name }}\n' > fix.txt
run_hook chaff-fix 1 fix.txt
[ "$(cat fix.txt)" = '中文 color 和 {{ name }}' ] || fail "chaff-fix left: $(cat fix.txt)" "$last_log"
grep -qxF "fix.txt:1:12: warning: Unrendered template expression '{{ name }}'; fill it in or remove it [placeholder-template-expression]" "$last_log" \
    || fail "chaff-fix did not report the finding it cannot fix" "$last_log"

echo "== many files: pre-commit splits them into batches, every finding still has its own line"
mkdir -p many
count=1500
long=$(printf 'a%.0s' $(seq 1 100))
for i in $(seq 1 "$count"); do
    printf '第 %d 页：{{ name }}\n' "$i" > "many/$long-$i.txt"
done
git add many
git commit --quiet -m "many files"
status=0
timeout 900 "$pre_commit" run chaff --color=never --all-files > "$work/many.log" 2>&1 || status=$?
[ "$status" -eq 1 ] || fail "--all-files exited $status, expected 1" "$work/many.log"
lines=$(grep -c "^many/$long-[0-9]*\.txt:1:[0-9]*: warning: .*\[placeholder-template-expression\]$" "$work/many.log" || true)
[ "$lines" -eq "$count" ] || fail "expected $count finding lines from $count files, found $lines" "$work/many.log"

echo "pre-commit-test: ok (pre-commit $version, hooks from $rev)"
