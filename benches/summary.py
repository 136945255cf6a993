#!/usr/bin/env python3
"""summary.py: prints the last `cargo bench` results (target/criterion) as the Markdown table in
BENCHMARKS.md: the median of each benchmark and, where a group has `native`, the ratio to it."""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


print("| benchmark | median | vs native |")
print("|---|---|---|")
for group in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "report"):
    medians = {}
    for bench in sorted(p for p in group.iterdir() if p.is_dir() and p.name != "report"):
        estimates = bench / "new" / "estimates.json"
        if estimates.exists():
            medians[bench.name] = json.loads(estimates.read_text())["median"]["point_estimate"]
    native = medians.get("native")
    for name, ns in medians.items():
        ratio = f"{ns / native:.2f}x" if native and name != "native" else ""
        print(f"| {group.name}/{name} | {fmt(ns)} | {ratio} |")
