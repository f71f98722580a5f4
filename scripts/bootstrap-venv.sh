#!/usr/bin/env bash
# Creates .venv (once) and installs the pinned dependencies whenever pyproject.toml or
# constraints.txt change. Used by ./demo, ./test and .ci/run; needs only Python 3.11+.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python_bin="${PYTHON:-}"
if [ -z "$python_bin" ]; then
  for candidate in python3.13 python3.12 python3.11 python3; do
    if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
      python_bin="$candidate"; break
    fi
  done
fi
if [ -z "$python_bin" ]; then
  echo "Loyalty needs Python 3.11 or newer on PATH." >&2; exit 1
fi
if [ -L .venv ]; then
  # A venv shared from another checkout (a git worktree's link): installing here would point its
  # editable ``loyalty`` at this checkout for every other user of it. Use it as it is.
  exit 0
fi
if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi
stamp=.venv/.loyalty-deps
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "Installing pinned dependencies into .venv …" >&2
  log=.venv/pip-install.log
  if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip \
         && .venv/bin/python -m pip install --disable-pip-version-check -c constraints.txt -e '.[dev]'; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "Installing the dependencies failed (log above, also in $log)." >&2
    exit 1
  fi
  echo "$want" > "$stamp"
fi
