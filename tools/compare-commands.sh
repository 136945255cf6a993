#!/usr/bin/env bash
# tools/compare-commands.sh OLD_AO NEW_AO [RUNS]: times whole commands of two `ao` builds in the
# same run, interleaved (old, new, old, new...) on fresh homes, and prints each command's median:
# `ao eval p 'return 1'`, `ao send p -a Ping`, and an `ao eval` that makes a process send 1,000
# messages to another (delivered). For BENCHMARKS.md figures next to the build before a change.
set -euo pipefail
old=$1 new=$2 runs=${3:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work
for build in old new; do
    ao=${!build}
    home=$work/$build
    "$ao" --home "$home" spawn p >/dev/null 2>&1
    "$ao" --home "$home" spawn sender >/dev/null
    counter=$("$ao" --home "$home" spawn counter)
    "$ao" --home "$home" eval counter "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)" >/dev/null
    "$ao" --home "$home" eval sender "Counter = '$counter'" >/dev/null
done
micros() { local start end; start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N); echo $(((end - start) / 1000)); }
fan_out="for i = 1, 1000 do Send({Target = Counter, Action = 'Count'}) end"
for kind in eval send fan-out; do
    for _ in $(seq "$runs"); do
        for build in old new; do
            ao=${!build}
            home=$work/$build
            case $kind in
                eval) micros "$ao" --home "$home" eval p 'return 1' ;;
                send) micros "$ao" --home "$home" send p -a Ping ;;
                fan-out) micros "$ao" --home "$home" eval sender "$fan_out" ;;
            esac >>"$work/$kind.$build"
        done
    done
    for build in old new; do
        median=$(sort -n "$work/$kind.$build" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)] / 1000}')
        echo "$kind $build: $median ms"
    done
done
