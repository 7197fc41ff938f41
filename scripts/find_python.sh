#!/usr/bin/env bash
# Print the path of a working Python interpreter of the given minor version (e.g. 3.10).
# pyenv shims for versions that are not active fail when run, so each candidate is tried.
set -euo pipefail
want="$1"
works() { "$1" -c "import sys; sys.exit(0 if '%d.%d' % sys.version_info[:2] == '$want' else 1)" >/dev/null 2>&1; }
candidates=("python$want")
if command -v pyenv >/dev/null 2>&1; then
  for dir in "$(pyenv root)"/versions/"$want"*/bin; do candidates+=("$dir/python$want"); done
fi
candidates+=("/usr/local/bin/python$want" "/usr/bin/python$want")
for candidate in "${candidates[@]}"; do
  if works "$candidate"; then command -v "$candidate" || echo "$candidate"; exit 0; fi
done
echo "find_python: no working python$want found (tried: ${candidates[*]})" >&2
exit 1
