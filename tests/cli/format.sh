#!/usr/bin/env bash
# The C sources keep the committed .clang-format style.
set -u
if ! command -v clang-format >/dev/null 2>&1; then
    echo "SKIP: clang-format is not installed (Debian package clang-format)"
    exit 77
fi
files=$(git ls-files 'engine/*.c' 'engine/*.h' 'tests/*.c' 2>/dev/null || find engine tests -name '*.[ch]')
if clang-format --dry-run --Werror $files 2>"${TMPDIR:-/tmp}/format.$$"; then
    echo "format: 1 passed, 0 failed"
    rm -f "${TMPDIR:-/tmp}/format.$$"
else
    head -40 "${TMPDIR:-/tmp}/format.$$"; rm -f "${TMPDIR:-/tmp}/format.$$"
    echo "FAIL: run clang-format -i on the files above"
    echo "format: 0 passed, 1 failed"
    exit 1
fi
