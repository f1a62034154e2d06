#!/usr/bin/env bash
# Checks that Vim's quickfix list jumps to the exact character chaff reports, using the
# 'errorformat' from docs/integrations.md and `--column-unit utf8` (Vim's %c is a byte column).
#
#   Scripts/integration/vim-test.sh [CHECKOUT]
#
# Runs real Vim headless over a file whose findings follow CJK, astral and tab characters, and
# checks line, byte column, entry type and the two characters under the cursor. As a control it
# also feeds Vim scalar columns, which must land elsewhere: the test can tell the units apart.
# Installs Debian's vim with apt-get when vim is missing. Builds chaff (debug) unless CHAFF names
# a binary.
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "${1:-$script_dir/../..}" && pwd)

check_name=vim-test
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$script_dir/common.sh"

install_if_missing vim vim
vim --version | head -n 1

use_chaff

work=$(mktemp -d "${TMPDIR:-/tmp}/chaff-vim.XXXXXX")
trap '[ "${KEEP_TEMP:-0}" = 1 ] && echo "vim-test: kept $work" || rm -rf "$work"' EXIT
cd "$work"

# Line 2: 19 CJK characters (57 bytes) before '{{'. Line 3: a tab (1 byte), an astral
# character (4 bytes), two CJK characters (6 bytes) and a space before '<随机段落>'.
printf '第一行\n这是一段很长的中文文字，用来测试列号：{{ name }} 以及更多内容\n\t𠀀汉字 <随机段落> 结尾\n' > '页面 一.txt'

cat > jump.vim <<'VIM'
set encoding=utf-8
set nomore
set errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m
cgetfile chaff.out
let s:out = []
let s:list = getqflist()
for s:i in range(len(s:list))
  if s:i == 0
    silent cfirst
  else
    silent cnext
  endif
  " The two characters starting at the cursor's byte column.
  let s:here = matchstr(getline('.'), '\%' . col('.') . 'c.\{2}')
  call add(s:out, join([bufname('%'), line('.'), col('.'), s:list[s:i].type, s:here], "\t"))
endfor
call writefile(s:out, 'result.txt')
qa!
VIM

# jump UNIT: chaff's output in UNIT through Vim's quickfix; the cursor positions in result.txt.
jump() {
    rm -f result.txt
    local status=0
    "$CHAFF" check --column-unit "$1" '页面 一.txt' > chaff.out 2> chaff.err || status=$?
    [ "$status" -eq 1 ] || fail "chaff exited $status, expected 1" chaff.out chaff.err
    timeout 60 vim -N -u NONE -i NONE -n -es -S jump.vim < /dev/null > vim.log 2>&1 || true
    [ -f result.txt ] || fail "Vim wrote no result" chaff.out vim.log
}

echo "== utf8 columns: the cursor lands on each finding"
jump utf8
expected=$(printf '页面 一.txt\t2\t58\tw\t{{\n页面 一.txt\t3\t13\tw\t<随')
[ "$(cat result.txt)" = "$expected" ] || fail "cursor positions differ from the expected ones:
$expected" chaff.out result.txt

echo "== scalar columns (the control): Vim lands elsewhere"
jump scalar
if grep -qP '\t(\{\{|<随)$' result.txt; then
    fail "scalar columns put the cursor on a finding too, so this test cannot tell units apart" chaff.out result.txt
fi

echo "vim-test: ok"
