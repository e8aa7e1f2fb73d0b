#!/usr/bin/env python3
"""Keeps the code easy to find and change (issue #19), run by scripts/test.sh:

- no source file over MAX_LINES lines (tests included);
- no import circles: within each crate, no two modules under one parent refer to each other,
  directly or round a longer loop (`crate::a::…` and `super::…` paths, `use` groups expanded);
- no API path written outside `crates/domain/src/paths.rs`: the apps and the server build every
  `/api/v1/…` path from its constants.

Prints what is wrong and exits 1, or prints the counts and exits 0.
"""

import os
import re
import subprocess
import sys
from collections import defaultdict

MAX_LINES = 1000
SOURCE_ENDINGS = (".rs", ".ts", ".py", ".sh", ".css", ".html", ".sql", ".toml")
CRATES = ["src", "crates/domain/src", "crates/server/src", "crates/texts-build/src"]
# Paths the API is described by (the one list) or that name a prefix of many, not one route.
PATH_LITERAL_ALLOWED = {
    "crates/domain/src/paths.rs",
    "crates/server/src/openapi/usage.rs",
}
API_PATH = re.compile(r'"/api/v1/[a-z]')


def tracked_files():
    out = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True)
    return [f for f in out.stdout.splitlines() if os.path.isfile(f)]


def long_files(files):
    problems = []
    for f in files:
        if f.endswith(SOURCE_ENDINGS) and not f.endswith("Cargo.lock"):
            with open(f, encoding="utf-8", errors="replace") as fh:
                n = sum(1 for _ in fh)
            if n > MAX_LINES:
                problems.append(f"{f}: {n} lines (at most {MAX_LINES})")
    return problems


def module_of(root, path):
    parts = os.path.relpath(path, root)[:-3].split("/")
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    if parts and parts[0] == "bin":
        return None  # each binary is its own crate root
    return parts


def expand(prefix, group):
    """`a::{b, c::{d, e}}` → [a::b, a::c::d, a::c::e] (only the paths matter, not `as` names)."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(group + ","):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append(group[start:i].strip())
            start = i + 1
    paths = []
    for item in filter(None, items):
        item = item.split(" as ")[0].strip()
        if "{" in item:
            head, rest = item.split("{", 1)
            paths += expand(prefix + head.rstrip(":").split("::"), rest.rsplit("}", 1)[0])
        else:
            paths.append(prefix + [p for p in item.split("::") if p])
    return paths


def references(module, is_mod_file, text):
    text = re.sub(r"//[^\n]*", "", text)
    found = []
    for m in re.finditer(r"\b(crate|super|self)((?:::(?:\w+|\{)))+", text):
        start = m.start()
        # Gather the whole path, with a brace group if any.
        rest = text[start:]
        brace = re.match(r"((?:crate|super|self)(?:::\w+)*)::\{", rest)
        if brace:
            depth, end = 0, len(brace.group(0)) - 1
            for j in range(end, len(rest)):
                depth += {"{": 1, "}": -1}.get(rest[j], 0)
                if depth == 0:
                    end = j
                    break
            head = brace.group(1).split("::")
            paths = expand(head, rest[len(brace.group(0)) : end])
        else:
            paths = [m.group(0).split("::")]
        for p in paths:
            kind, parts = p[0], p[1:]
            if kind == "crate":
                found.append(parts)
            elif kind == "self":
                found.append(module + parts)
            else:
                supers = 1 + sum(1 for x in parts if x == "super")
                base = module[: len(module) - supers] if len(module) >= supers else []
                found.append(base + [x for x in parts if x != "super"])
    return found


def circles():
    problems = []
    for root in CRATES:
        siblings = defaultdict(set)
        for d, _, fs in os.walk(root):
            for name in fs:
                if not name.endswith(".rs"):
                    continue
                path = os.path.join(d, name)
                module = module_of(root, path)
                if module is None:
                    continue
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
                for target in references(module, name == "mod.rs", text):
                    i = 0
                    while i < min(len(module), len(target)) and module[i] == target[i]:
                        i += 1
                    if i < len(module) and i < len(target):
                        siblings[tuple(module[: i + 1])].add(tuple(target[: i + 1]))
        # Strongly connected components of the sibling graph (Tarjan).
        index, low, stack, on, counter = {}, {}, [], set(), [0]
        sys.setrecursionlimit(10000)

        def visit(v):
            index[v] = low[v] = counter[0]
            counter[0] += 1
            stack.append(v)
            on.add(v)
            for w in siblings.get(v, ()):
                if w == v:
                    continue
                if w not in index:
                    visit(w)
                    low[v] = min(low[v], low[w])
                elif w in on:
                    low[v] = min(low[v], index[w])
            if low[v] == index[v]:
                loop = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    loop.append("::".join(w))
                    if w == v:
                        break
                if len(loop) > 1:
                    problems.append(f"{root}: modules import each other: {' <-> '.join(sorted(loop))}")

        for v in list(siblings):
            if v not in index:
                visit(v)
    return problems


def path_literals(files):
    problems = []
    for f in files:
        if not f.endswith(".rs") or f in PATH_LITERAL_ALLOWED or "/tests/" in f:
            continue
        if not any(f.startswith(root + "/") for root in CRATES):
            continue
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                code = line.split("//")[0]
                if API_PATH.search(code):
                    problems.append(f"{f}:{n}: an API path written out (use portal_domain::paths)")
    return problems


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    files = tracked_files()
    problems = long_files(files) + circles() + path_literals(files)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"structure: {len(files)} files, none over {MAX_LINES} lines, no import circles, "
          "every API path from portal_domain::paths")
    return 0


if __name__ == "__main__":
    sys.exit(main())
