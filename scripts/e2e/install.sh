#!/usr/bin/env bash
# make install into a temporary prefix: the binary runs, the man page renders with man -l, the
# completion scripts load in bash, zsh and fish and complete a subcommand; make uninstall then
# leaves no file behind.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

prefix="$E2E_WORK/prefix"
mkdir -p "$prefix"
# The debug build the tests already made: the release one is the same install steps.
if make -C "$E2E_ROOT" install PREFIX="$prefix" CONFIGURATION=debug >"$E2E_WORK/install.log" 2>&1; then
  e2e_check "make install PREFIX=... succeeds" true
else
  e2e_check "make install PREFIX=... succeeds" false
  tail -20 "$E2E_WORK/install.log"
  e2e_finish
  exit
fi

bin="$prefix/bin/taskdash"
e2e_check "the binary is installed and runs" bash -c "'$bin' --version | grep -q '^[0-9]'"
page="$prefix/share/man/man1/taskdash.1"
e2e_check "man -l renders the man page" bash -c "MANWIDTH=100 man -l '$page' 2>/dev/null | grep -q 'taskdash'"
e2e_check "the man page documents snapshot --fail-on and wait" \
  bash -c "MANWIDTH=100 man -l '$page' 2>/dev/null | grep -q -- '--fail-on' && MANWIDTH=100 man -l '$page' 2>/dev/null | grep -qw 'wait'"

bash_script="$prefix/share/bash-completion/completions/taskdash"
e2e_check "bash loads the completion script without error" bash -c "source '$bash_script' && complete -p taskdash >/dev/null"
# Completing `taskdash sn` offers snapshot.
e2e_check "bash completes 'taskdash sn' to snapshot" bash -c "
  source '$bash_script'
  COMP_WORDS=(taskdash sn); COMP_CWORD=1; COMP_LINE='taskdash sn'; COMP_POINT=\${#COMP_LINE}
  func=\$(complete -p taskdash | sed -E 's/.*-F ([^ ]+).*/\\1/')
  PATH='$prefix/bin':\$PATH \"\$func\" taskdash sn taskdash
  printf '%s\\n' \"\${COMPREPLY[@]}\" | grep -qx snapshot"

zsh_script="$prefix/share/zsh/site-functions/_taskdash"
if command -v zsh >/dev/null; then
  e2e_check "zsh loads the completion script without error" \
    zsh -c "fpath=('$prefix/share/zsh/site-functions' \$fpath); autoload -U compinit; compinit -u -D; autoload -U _taskdash; zsh -n '$zsh_script'"
else
  e2e_check "zsh is installed (scripts/ensure-deps)" false
fi
fish_script="$prefix/share/fish/vendor_completions.d/taskdash.fish"
if command -v fish >/dev/null; then
  e2e_check "fish loads the completion script without error" fish -c "source '$fish_script'"
  e2e_check "fish completes 'taskdash sn' to snapshot" \
    bash -c "PATH='$prefix/bin':\$PATH fish -c \"source '$fish_script'; complete -C 'taskdash sn'\" | grep -q '^snapshot'"
else
  e2e_check "fish is installed (scripts/ensure-deps)" false
fi

make -C "$E2E_ROOT" uninstall PREFIX="$prefix" >>"$E2E_WORK/install.log" 2>&1
e2e_check "make uninstall leaves no file in the prefix" [ -z "$(find "$prefix" -type f)" ]
e2e_finish
