#!/usr/bin/env bash
# Checks the build without the compiled-in gazetteer (cargo feature
# `bundled-gazetteer` off): the library compiles; the command refuses to
# run without a data file and says so; given the file (by flag or by
# FRONTLINE_GAZETTEER) it writes the same bytes as the default build.
#
#   tools/no-bundled-gazetteer.sh
#
# Debug builds, run from the crate's root; CI runs it (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=(extract examples/north-korea-boots-on-the-ground.txt --published 2024-06-27 --layer events)

cargo build --locked --quiet --no-default-features --lib
cargo build --locked --quiet --no-default-features --features cli
cp target/debug/frontline "$work/frontline-no-gazetteer"
cargo build --locked --quiet
cargo run --locked --quiet --example gazetteer-file -- "$work/gazetteer.bin"
target/debug/frontline "${sample[@]}" >"$work/bundled.geojson"

if "$work/frontline-no-gazetteer" resolve Kyiv 2>"$work/err"; then
    echo "a build without the gazetteer ran without one" >&2
    exit 1
fi
grep -q "built without the bundled gazetteer" "$work/err"
"$work/frontline-no-gazetteer" --gazetteer "$work/gazetteer.bin" "${sample[@]}" >"$work/flag.geojson"
FRONTLINE_GAZETTEER="$work/gazetteer.bin" "$work/frontline-no-gazetteer" "${sample[@]}" >"$work/env.geojson"
cmp "$work/bundled.geojson" "$work/flag.geojson"
cmp "$work/bundled.geojson" "$work/env.geojson"
echo "no-bundled-gazetteer: the library builds; the command reads the data file, same output"
