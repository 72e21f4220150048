#!/usr/bin/env python3
"""Checks the compiler's shape: no import cycle between the files of `src/`,
no compiler stage importing a later one, no tool named outside `readers/`,
no function over 80 lines. Prints what it finds; exits 1 on any."""
import os, re, sys

SRC = os.path.join(os.path.dirname(__file__), "..", "src")
# The compiler's folders, bottom first: a folder imports only those before it.
LAYERS = ["model", "pictures", "readers", "markup", "check", "assemble", "write"]
TOOLS = re.compile(r"(hugo|zola|astro|starlight|jekyll|pelican|liquid)", re.I)
MAX_LINES = 80


def modules():
    """Module path (`compiler::readers::load`) → file."""
    found = {}
    for root, _, files in os.walk(SRC):
        for name in files:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, SRC)[:-3].split(os.sep)
            if rel[-1] in ("mod", "lib", "main"):
                rel = rel[:-1]
            found["::".join(rel)] = path
    return found


def code_of(path):
    """The file's text without comments and strings, and without its tests."""
    text = open(path, encoding="utf-8").read()
    text = re.split(r"#\[cfg\(test\)\]\s*mod tests", text)[0]
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'r?#*"(?:[^"\\]|\\.)*"#*', '""', text)


def imports(module, path, mods):
    """The modules of `src/` a file names."""
    code = code_of(path)
    out = set()
    parent = module.split("::")[:-1]
    for match in re.finditer(r"\b(crate|super)((?:::[a-z_][a-z0-9_]*)+)", code):
        head, tail = match.group(1), match.group(2).split("::")[1:]
        base = [] if head == "crate" else list(parent)
        parts = base + tail
        while parts and "::".join(parts) not in mods:
            parts.pop()
        target = "::".join(parts)
        if parts and target != module and not module.startswith(target + "::"):
            out.add(target)
    return out


def cycles(graph):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return found


def layer(module):
    parts = module.split("::")
    if len(parts) < 2 or parts[0] != "compiler":
        return None
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else None


def long_functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    for i, line in enumerate(lines):
        if not re.match(r"\s*(pub(\([a-z]+\))? )?(async )?(const )?fn \w+", line):
            continue
        indent = len(line) - len(line.lstrip())
        for j in range(i + 1, len(lines)):
            if lines[j].startswith(" " * indent + "}") and len(lines[j]) - len(lines[j].lstrip()) == indent:
                if j - i + 1 > MAX_LINES:
                    out.append((i + 1, j - i + 1, line.strip()))
                break
            if lines[j].rstrip().endswith(";") and j == i:
                break
    return out


def main():
    mods = modules()
    graph = {m: imports(m, p, mods) for m, p in mods.items()}
    problems = 0
    for part in cycles(graph):
        problems += 1
        print("cycle:", " ↔ ".join(part))
    for m, targets in sorted(graph.items()):
        for t in sorted(targets):
            lm, lt = layer(m), layer(t)
            if lm is not None and lt is not None and lt > lm:
                problems += 1
                print(f"upward import: {m} → {t}")
    for m, path in sorted(mods.items()):
        if (m == "compiler" or m.startswith("compiler::")) and not m.startswith("compiler::readers"):
            for n, line in enumerate(code_of(path).split("\n"), 1):
                if TOOLS.search(line):
                    problems += 1
                    print(f"tool named outside readers: {os.path.relpath(path, SRC)}:{n}: {line.strip()}")
    for m, path in sorted(mods.items()):
        for at, count, head in long_functions(path):
            problems += 1
            print(f"function over {MAX_LINES} lines: {os.path.relpath(path, SRC)}:{at} ({count} lines) {head}")
    edges = sum(len(t) for t in graph.values())
    print(f"check-imports: {len(mods)} modules, {edges} imports, {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
