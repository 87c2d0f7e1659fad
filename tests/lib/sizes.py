#!/usr/bin/env python3
"""Small rooms: no file under engine/ over 800 lines and no function over 100,
unless the file's opening comment says why ("over 800 lines because ...",
"over 100 lines because ..."). Reads clang-formatted C: a function starts at
column 0 with a line ending in '{' after its parameters and ends at the next
'}' in column 0."""
import glob, re, sys

FILE_MAX, FUNC_MAX = 800, 100
root = sys.argv[1] if len(sys.argv) > 1 else "."
bad = []
for path in sorted(glob.glob(root + "/engine/*/*.[ch]")):
    rel = path[len(root) + 1:]
    lines = open(path, encoding="utf-8").read().split("\n")
    head = "\n".join(lines[:40])
    if len(lines) > FILE_MAX and "over %d lines because" % FILE_MAX not in head:
        bad.append("%s: %d lines (at most %d, or say why in its opening comment)"
                   % (rel, len(lines), FILE_MAX))
    i = 0
    while i < len(lines):
        m = re.match(r"^[A-Za-z_][\w \*]*?\b(\w+)\(", lines[i])
        if m and not lines[i].startswith(("typedef", "#")) and "=" not in lines[i].split("(")[0]:
            j = i
            while j < len(lines) and not lines[j].rstrip().endswith(("{", ";")):
                j += 1
            if j < len(lines) and lines[j].rstrip().endswith("{"):
                k = j + 1
                while k < len(lines) and not lines[k].startswith("}"):
                    k += 1
                n = k - i + 1
                if n > FUNC_MAX and "over %d lines because" % FUNC_MAX not in head:
                    bad.append("%s:%d: %s() is %d lines (at most %d)"
                               % (rel, i + 1, m.group(1), n, FUNC_MAX))
                i = k + 1
                continue
        i += 1
for b in bad:
    print(b)
print("sizes: %d too large" % len(bad))
sys.exit(1 if bad else 0)
