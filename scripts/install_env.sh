#!/usr/bin/env bash
# Create or update one virtual environment from its pinned requirements file.
# Skips the env when the requirements file has not changed since the last successful install.
#   usage: scripts/install_env.sh NAME PYTHON_VERSION REQUIREMENTS_FILE
set -euo pipefail
name="$1"; version="$2"; requirements="$3"
cd "$(dirname "$0")/.."
venv=".venvs/$name"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  touch "$stamp"
  echo "$name env: up to date"
  exit 0
fi
echo "$name env: installing $requirements (Python $version) ..."
if ! "$venv/bin/python" -c "import sys; sys.exit(0 if '%d.%d' % sys.version_info[:2] == '$version' else 1)" 2>/dev/null; then
  rm -rf "$venv"
  "$(scripts/find_python.sh "$version")" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pip==26.3"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
"$venv/bin/python" -m pip check
echo "$want" > "$stamp"
echo "$name env: ready"
