#!/usr/bin/env python3
"""Makes the app's wasm smaller in Trunk's staging folder (argv[1]), before
its JS glue is minified (scripts/minify-js.sh).

1. binaryen's wasm-opt -Oz (../shared/toolchain.md: the feature flags are
   needed because `strip` drops the section naming them): about -1% brotli.
2. Leptos always builds server_fn's browser client, which exports three
   JavaScript stream classes (wasm-streams' IntoUnderlying*) that a static
   site never uses: their classes are cut from the glue (-0.3 KB brotli).
   Their exports stay in the wasm: cutting them with wasm-metadce made the
   wasm smaller raw but not under brotli (measured).

binaryen comes from npm (scripts/install-tools.sh). Without it, or if the
glue does not look as expected, the files ship as they are and this says so.
Each step is checked: the result must still be a valid module.
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = Path(__file__).resolve().parent.parent / "node_modules" / ".bin"
FEATURES = ["--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-nontrapping-float-to-int",
            "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]
UNUSED = re.compile(r"IntoUnderlying(ByteSource|Sink|Source)")


def say(text):
    print(f"shrink-wasm: {text}", file=sys.stderr)


def without_classes(js):
    """The glue without the stream classes and their finalizers, or None."""
    out = js
    for m in list(re.finditer(r"export class (IntoUnderlying\w+) \{", js)):
        start = out.find(m.group(0))
        depth, i = 1, start + len(m.group(0))
        while depth:
            depth += {"{": 1, "}": -1}.get(out[i], 0)
            i += 1
        out = out[:start] + out[i:]
    out = re.sub(r"const IntoUnderlying\w+Finalization = [^;]*;", "", out)
    out = re.sub(r"if \(Symbol\.dispose\) (IntoUnderlying\w+)\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;", "", out)
    # Nothing else may name them.
    return None if UNUSED.search(out) or re.search(r"wasm\.\w*intounderlying", out) else out


def run(tool, *args):
    return subprocess.run([str(BIN / tool), *args, *FEATURES], capture_output=True, text=True)


def main(staging):
    wasm_path = next(staging.glob("vitrine-*_bg.wasm"), None)
    js_path = next((p for p in staging.glob("vitrine-*.js")), None)
    if not wasm_path or not js_path:
        return say("no app in the staging folder")
    if os.environ.get("VITRINE_SERVE"):
        return  # `make serve`: every save rebuilds; 20 s of wasm-opt each time is not worth 1%.
    if not (BIN / "wasm-opt").exists():
        return say("binaryen is not installed (scripts/install-tools.sh), the wasm ships as built")
    js, wasm = js_path.read_text(), wasm_path.read_bytes()
    before = len(wasm)
    trimmed = without_classes(js)
    with tempfile.TemporaryDirectory() as work:
        optimised = Path(work) / "opt.wasm"
        done = run("wasm-opt", "-Oz", str(wasm_path), "-o", str(optimised))
        if done.returncode != 0:
            return say(f"wasm-opt failed, the wasm ships as built: {done.stderr[-500:]}")
        if run("wasm-opt", str(optimised), "-o", "/dev/null").returncode != 0:
            return say("the optimised wasm does not validate, the wasm ships as built")
        wasm_path.write_bytes(optimised.read_bytes())
    if trimmed is None:
        say("the glue's stream classes are not as expected: kept")
    else:
        js_path.write_text(trimmed)
    say(f"{before} → {wasm_path.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
