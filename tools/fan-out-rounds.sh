#!/usr/bin/env bash
# tools/fan-out-rounds.sh AO [ROUNDS]: on a fresh home, makes a process send 1,000 messages to
# another (all delivered) ROUNDS times (10 by default), each as one whole `ao eval`, and prints
# each command's milliseconds on one line: the fan-out figure of BENCHMARKS.md as the sender's
# memory grows over the rounds. Run two builds in turn, a few times each, to compare them.
set -euo pipefail
ao=$1 rounds=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work
home=$work/home
"$ao" --home "$home" spawn sender >/dev/null 2>&1
counter=$("$ao" --home "$home" spawn counter)
"$ao" --home "$home" eval counter "Count = 0 Handlers.add('count', 'Count', function() Count = Count + 1 end)" >/dev/null
"$ao" --home "$home" eval sender "Counter = '$counter'" >/dev/null
fan_out="for i = 1, 1000 do Send({Target = Counter, Action = 'Count'}) end"
for _ in $(seq "$rounds"); do
    start=$(date +%s%N)
    "$ao" --home "$home" eval sender "$fan_out" >/dev/null
    end=$(date +%s%N)
    echo -n "$(((end - start) / 1000000)) "
done
echo
count=$("$ao" --home "$home" eval counter "return Count")
[ "$count" = "$((rounds * 1000))" ] || { echo "the counter counted $count" >&2; exit 1; }
