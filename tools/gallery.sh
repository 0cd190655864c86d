#!/usr/bin/env bash
# Draws the README's gallery, docs/gallery/*.png, with `frontline render`:
#
#   tools/gallery.sh [BINARY]        (default: builds target/release/frontline)
#
# - front-2024-06-28.png: the README's `front` run (the sample article over
#   the test baseline), fitted to the front.
# - front-kreminna.png: the same, around Kreminna (--bbox), where the line
#   is drawn.
# - article-places-events.png: the sample article's places and events,
#   published 2024-06-27, fitted to where the events are (the Korean and
#   American places it names are listed under the map).
# - article-world.png: the same over a box from Ukraine to Korea, on the
#   1:110m world basemap.
# The output depends only on the binary and the repository.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ $# -ge 1 ]; then
    bin=$(realpath "$1")
else
    cargo build --release --quiet
    bin="$root/target/release/frontline"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=docs/gallery
mkdir -p "$out"

"$bin" front examples --published 2024-06-27 --as-of 2024-06-28 \
    --baseline tests/data/front/baseline-2024-06-01.csv --out-dir "$work/front"
mkdir -p "$work/article"
for layer in places events; do
    "$bin" extract examples/north-korea-boots-on-the-ground.txt --published 2024-06-27 \
        --layer "$layer" >"$work/article/$layer.geojson"
done

"$bin" render "$work/front" -o "$out/front-2024-06-28.png"
"$bin" render "$work/front" --bbox 37.55,48.75,38.75,49.3 --width 1000 --height 700 \
    --title "Around Kreminna, as of 2024-06-28" -o "$out/front-kreminna.png"
"$bin" render "$work/article" -o "$out/article-places-events.png"
"$bin" render "$work/article" --bbox 20,30,140,62 --width 1200 --height 600 \
    --title "Places the article names, 2024-06-27" -o "$out/article-world.png"
ls -l "$out"
