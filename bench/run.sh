#!/usr/bin/env bash
# Measures the built knead binary in a 100x30 tmux pane; see bench/README.md.
# Usage: bench/run.sh [RUNS]   (each run takes about two minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
out=bench/out
mkdir -p "$out"
go build -o "$out/knead" .
go build -o "$out/harness" ./bench/harness
"$out/harness" -bin "$PWD/$out/knead" -runs "$runs"
echo "== go test -bench (View of the step screen at 120x40, engine tick and event)"
go test ./tui -run '^$' -bench ViewStepScreen -count 5 | grep Benchmark
go test ./coach -run '^$' -bench . -count 5 | grep Benchmark
