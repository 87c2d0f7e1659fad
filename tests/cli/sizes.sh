#!/usr/bin/env bash
# Small rooms (issue 10): no file under engine/ over 800 lines, no function
# over 100, unless the file's opening comment says why.
set -u
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 is not installed"; exit 77; }
exec python3 "$(dirname "$0")/../lib/sizes.py" .
