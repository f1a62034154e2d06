# shellcheck shell=bash
# Sourced by the integration checks (vim-test.sh, neovim-test.sh, github-test.sh) after they set
# `check_name` and `checkout`: how a check fails, installs its editor and finds the chaff it runs.

# Prints "$check_name: FAIL: MESSAGE" and the files named after it, then exits 1.
fail() {
    echo "${check_name:?}: FAIL: $1" >&2
    shift
    for f in "$@"; do
        [ -f "$f" ] && { echo "----- $f -----" >&2; cat "$f" >&2; }
    done
    exit 1
}

# install_if_missing COMMAND PACKAGE: Debian's PACKAGE with apt-get when COMMAND is not on PATH.
install_if_missing() {
    if ! command -v "$1" >/dev/null; then
        echo "== installing $2"
        export DEBIAN_FRONTEND=noninteractive
        { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; } || fail "could not install $2 with apt-get"
    fi
}

# Sets and exports CHAFF: the binary CHAFF names, or a debug build of the checkout.
use_chaff() {
    if [ -z "${CHAFF:-}" ]; then
        echo "== building chaff"
        swift build --package-path "${checkout:?}" --product chaff >/dev/null || fail "swift build failed"
        CHAFF="$(swift build --package-path "$checkout" --show-bin-path)/chaff"
    fi
    [ -x "$CHAFF" ] || fail "no chaff binary at $CHAFF"
    export CHAFF
}
