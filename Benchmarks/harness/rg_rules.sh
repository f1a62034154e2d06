#!/bin/sh
# Runs ripgrep over PATH... with the pattern files rule_patterns.py wrote into DIR, each kind in
# ripgrep's fastest mode: regexes with -P, literals with -F (-i for the ASCII claim phrases).
# Usage: rg_rules.sh DIR JOBS PATH...   Exit status 2 if any run failed (1 = no match is fine).
dir=$1; jobs=$2; shift 2
status=0
run() {
    rg --no-config --no-ignore --hidden --count-matches -j "$jobs" "$@"
    [ $? -le 1 ] || status=2
}
[ -s "$dir/rg-patterns.txt" ] && run -P -f "$dir/rg-patterns.txt" "$@"
[ -s "$dir/rg-fixed.txt" ] && run -F -f "$dir/rg-fixed.txt" "$@"
[ -s "$dir/rg-fixed-i.txt" ] && run -F -i -f "$dir/rg-fixed-i.txt" "$@"
exit $status
