#!/usr/bin/env bash
# Checks that two builds of `frontline` write byte-identical output on the
# README's main command, the sample article's three layers in every format
# the old binary has, `eval` over the corpus, the corpus (in each of those
# formats, and indented) and a 1,000-article batch through `layers`, and
# `front` over that batch with the test baseline.
#
#   tools/same-output.sh OLD_BINARY NEW_BINARY
#
# Build OLD from an earlier commit, e.g.
#   git worktree add /tmp/old HEAD~1 && (cd /tmp/old && cargo build --release)
# Exits 0 when every output is the same, 1 (listing the differences) if not.
set -euo pipefail
old=$(realpath "$1")
new=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tools/make-batch.py" 1000 >"$work/batch.jsonl"

run() { # run NAME BINARY: every job, outputs under $work/NAME
    local out="$work/$1" bin="$2"
    mkdir -p "$out"
    cd "$root"
    "$bin" extract examples/north-korea-boots-on-the-ground.txt --published 2024-06-27 -o "$out/sample.geojson"
    for layer in places events mentions; do
        for format in geojson geojsonseq csv; do
            "$bin" extract examples/north-korea-boots-on-the-ground.txt --published 2024-06-27 \
                --layer "$layer" --format "$format" >"$out/sample.$layer.$format"
        done
    done
    "$bin" eval --gold tests/corpus --errors >"$out/eval.txt"
    "$bin" eval --gold tests/corpus --json >"$out/eval.json"
    "$bin" layers tests/corpus --out-dir "$out/corpus" --jobs 2 2>/dev/null
    "$bin" layers "$work/batch.jsonl" --out-dir "$out/batch" --jobs 2 2>/dev/null
    "$bin" extract examples/north-korea-boots-on-the-ground.txt --published 2024-06-27 \
        --layer mentions --pretty >"$out/sample.mentions.pretty.geojson"
    for format in geojsonseq csv; do
        "$bin" layers tests/corpus --out-dir "$out/corpus-$format" --format "$format" --jobs 2 2>/dev/null
    done
    "$bin" layers tests/corpus --out-dir "$out/corpus-pretty" --pretty --jobs 2 2>/dev/null
    "$bin" front "$work/batch.jsonl" --baseline tests/data/front/baseline-2024-06-01.csv \
        --out-dir "$out/front" --timeline 2>/dev/null
    # The summary line of `layers` carries a time; index.csv does not.
}
run old "$old"
run new "$new"
if diff -r "$work/old" "$work/new" >"$work/diff.txt"; then
    echo "same output: $(find "$work/new" -type f | wc -l) files"
else
    head -50 "$work/diff.txt"
    echo "DIFFERENT"
    exit 1
fi
