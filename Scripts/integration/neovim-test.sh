#!/usr/bin/env bash
# Checks chaff's language server with a real editor client: Neovim's built-in LSP client,
# headless, opens a Markdown file whose findings follow CJK and astral characters, receives
# `chaff lsp`'s diagnostics, applies the quick fixes one at a time as a user would, and writes
# the buffer; then checks
#   - each diagnostic's line and byte column in Neovim (which converts the server's UTF-16
#     positions to bytes itself) against `chaff check --column-unit utf8`;
#   - the buffer after the quick fixes against what `chaff fix` writes for the same file.
#
#   Scripts/integration/neovim-test.sh [CHECKOUT]
#
# Installs Debian's neovim with apt-get when nvim is missing. Builds chaff (debug) unless CHAFF
# names a binary.
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "${1:-$script_dir/../..}" && pwd)

check_name=neovim-test
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$script_dir/common.sh"

install_if_missing nvim neovim
nvim --version | head -n 1

use_chaff

work=$(mktemp -d "${TMPDIR:-/tmp}/chaff-nvim.XXXXXX")
trap '[ "${KEEP_TEMP:-0}" = 1 ] && echo "neovim-test: kept $work" || rm -rf "$work"' EXIT
cd "$work"

# Line 3: an astral character (4 bytes, 2 UTF-16 units) and CJK before a Traditional
# character; line 5: two fixable findings on one line after an emoji.
printf '# 标题\n\n𠀀这个观點很重要。\n\n😀那个觀點和这个觀點都是 {best|top} 的说法。\n' > page.md
cp page.md fixed-by-cli.md

cat > drive.lua <<'LUA'
local out = {}
local function say(line) table.insert(out, line) end
local function finish(status)
  vim.fn.writefile(out, "nvim.out")
  vim.cmd((status == 0 and "qall!" or "cquit " .. status))
end

vim.cmd("edit page.md")
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "chaff", cmd = { os.getenv("CHAFF"), "lsp" }, root_dir = vim.fn.getcwd(),
})
if not client_id then say("no client"); return finish(2) end
vim.lsp.buf_attach_client(bufnr, client_id)

local function diagnostics() return vim.diagnostic.get(bufnr) end
local function fixable()
  local n = 0
  for _, d in ipairs(diagnostics()) do
    local lsp = d.user_data and d.user_data.lsp
    if lsp and lsp.data and lsp.data.fix then n = n + 1 end
  end
  return n
end

if not vim.wait(20000, function() return #diagnostics() > 0 end, 20) then say("no diagnostics"); return finish(3) end
local client = vim.lsp.get_client_by_id(client_id)
say("encoding " .. client.offset_encoding)
local sorted = diagnostics()
table.sort(sorted, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
for _, d in ipairs(sorted) do
  say(string.format("diag %d:%d %s %s", d.lnum + 1, d.col + 1, d.code or d.user_data.lsp.code, d.source))
end

-- The quick fixes, one at a time: ask for the actions at the first fixable finding, apply
-- its preferred one, and wait for the server's diagnostics of the edited text.
local applied = 0
while fixable() > 0 and applied < 10 do
  local before = fixable()
  local target
  for _, d in ipairs(diagnostics()) do
    if d.user_data.lsp.data and d.user_data.lsp.data.fix then target = d break end
  end
  -- As a user does: the cursor on the finding, then a code action there (Neovim converts
  -- the cursor's byte column to the session's encoding).
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = {}, only = { "quickfix" } }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000) or {}
  local chosen
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      if action.isPreferred and not chosen then chosen = action end
    end
  end
  if not chosen then say("no quick fix"); return finish(4) end
  say("apply " .. chosen.title)
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  applied = applied + 1
  if not vim.wait(20000, function() return fixable() < before end, 20) then say("diagnostics not updated"); return finish(5) end
end
vim.cmd("write")
say("left " .. #diagnostics())
finish(0)
LUA

set +e
timeout 120 nvim --headless --clean -n -c 'luafile drive.lua' > nvim.log 2>&1
status=$?
set -e
[ "$status" -eq 0 ] || fail "nvim exited with $status" nvim.out nvim.log

# What Neovim showed, against the command line's byte columns for the original file.
set +e
"$CHAFF" check --column-unit utf8 fixed-by-cli.md > check.out
"$CHAFF" fix fixed-by-cli.md > fix.out 2> fix.err
set -e
expected_diags=$(sed -E 's/^[^:]+:([0-9]+):([0-9]+): [a-z]+: .*\[([a-z0-9-]+)\]$/diag \1:\2 \3 chaff/' check.out | sort)
actual_diags=$(grep '^diag ' nvim.out | sort)
[ -n "$expected_diags" ] || fail "chaff check found nothing" check.out
[ "$expected_diags" = "$actual_diags" ] || fail "Neovim's diagnostics differ from chaff check --column-unit utf8:
expected:
$expected_diags
actual:
$actual_diags" nvim.out
grep -q '^encoding utf-16$' nvim.out || fail "Neovim did not use UTF-16" nvim.out
grep -q '^apply ' nvim.out || fail "no quick fix was applied" nvim.out
cmp -s page.md fixed-by-cli.md || fail "the buffer after Neovim's quick fixes differs from chaff fix's output" page.md fixed-by-cli.md nvim.out
echo "neovim-test: $(grep -c '^diag ' nvim.out) diagnostics at chaff check's positions, $(grep -c '^apply ' nvim.out) quick fixes applied, buffer equals chaff fix's output"
echo "neovim-test: passed"
