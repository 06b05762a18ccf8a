#!/usr/bin/env python3
"""The includes of src/ form a tree, not a circle (STYLE.md, "Who owns what").

A module is a .c file with its .h and -private.h; module A depends on B when
any file of A includes a header of B. Prints TAP: one check that no cycle
exists, naming the cycle when one does, and one that no source file is over
the size a newcomer can read.

Usage: test-includes.py [FOLDER...]
The folders (below the source root, such as src/core) whose files are held to
that size; all of src/ when none is named. The includes are always checked
across all of src/. The source root is $GLOSSATOR_SOURCE_ROOT, else the tree
this script is in."""

import os
import re
import sys

root = os.environ.get("GLOSSATOR_SOURCE_ROOT") or os.path.join(os.path.dirname(__file__), "..", "..")
src = os.path.join(root, "src")
MAX_LINES = 1000
folders = [os.path.normpath(folder) for folder in sys.argv[1:]] or ["src"]

include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def in_folders(path):
    return any(path == folder or path.startswith(folder + os.sep) for folder in folders)


def module_of(name):
    base = os.path.basename(name)
    base = re.sub(r"\.(c|h)$", "", base)
    return re.sub(r"-private$", "", base)


graph = {}
sizes = {}
for folder, _, files in os.walk(src):
    for name in files:
        if not name.endswith((".c", ".h")):
            continue
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        sizes[os.path.relpath(path, root)] = text.count("\n")
        mod = module_of(name)
        deps = graph.setdefault(mod, set())
        for header in include.findall(text):
            if header.startswith("gls-"):
                other = module_of(header)
                if other != mod:
                    deps.add(other)


def find_cycle():
    state = {}
    stack = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return stack[stack.index(dep):] + [dep]
            if dep not in state:
                found = visit(dep)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


print("1..2")
cycle = find_cycle()
if cycle:
    print("not ok 1 - the includes of src/ form a circle: " + " → ".join(cycle))
else:
    print(f"ok 1 - the includes of {len(graph)} modules in src/ form no circle")

checked = {path: n for path, n in sizes.items() if in_folders(path)}
big = {path: n for path, n in checked.items() if n > MAX_LINES}
where = ", ".join(folder + "/" for folder in folders)
if big:
    print("not ok 2 - files over %d lines: %s" % (MAX_LINES, ", ".join(f"{p} ({n})" for p, n in sorted(big.items()))))
elif not checked:
    print(f"not ok 2 - there is no source file in {where}")
else:
    print(f"ok 2 - no file in {where} is over {MAX_LINES} lines (the longest: %s, %d)" % max(checked.items(), key=lambda kv: kv[1]))
