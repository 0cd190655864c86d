#!/usr/bin/env python3
"""Converts Natural Earth data into the two small files the front embeds.

    python3 tools/natural-earth.py WORLD_ATLAS_DIR RIVERS_DIR [OUT_DIR]

WORLD_ATLAS_DIR: the unpacked npm package `world-atlas` 2.0.2
(`npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz`: its
`package/` folder, with countries-10m.json, Natural Earth 1:10m admin 0).
RIVERS_DIR: a folder with Natural Earth 1:10m `ne_10m_rivers_lake_centerlines.json`
and `ne_10m_rivers_europe.json` as GeoJSON (e.g. from the CC0 repository
martynafford/natural-earth-geojson, 10m/physical/).
OUT_DIR: default data/natural-earth.

Writes `ukraine-land.txt` (the land outline of Ukraine within its
internationally recognised borders, Crimea included) and
`ukraine-rivers.txt` (the Dnipro with its reservoirs, the Siverskyi Donets,
the Oskil with its reservoir and the Inhulets, inside Ukraine's bounding box).
One ring or line per row: `name<TAB>lon,lat lon,lat ...`, 4 decimals,
simplified by Douglas-Peucker. The output depends only on the input.

Crimea: world-atlas follows Natural Earth's de facto admin-0 and draws
Crimea as part of Russia's multipolygon. The script takes the polygon of
Russia's that lies wholly within the Crimean box (lon 32-37, lat 44-46.3)
and merges it into Ukraine's mainland polygon: the TopoJSON arcs the two
polygons share (the Perekop and Chonhar land border) are dropped and the
rest chained into one ring.
"""
import json
import os
import sys

LAND_TOLERANCE = 0.003  # degrees, about 250-330 m
RIVER_TOLERANCE = 0.002
BOX = (22.0, 44.0, 40.3, 52.5)  # lon/lat box around Ukraine


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for a in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in a:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def arc_points(arcs, i):
    return arcs[i] if i >= 0 else arcs[~i][::-1]


def ring_of(arcs, indices):
    out = []
    for i in indices:
        pts = arc_points(arcs, i)
        out.extend(pts if not out else pts[1:])
    return out


def bbox(pts):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def merge(arcs, a, b):
    """One ring from two outer rings (lists of signed arc indices) that share arcs."""
    norm = lambda i: i if i >= 0 else ~i
    shared = {norm(i) for i in a} & {norm(i) for i in b}
    rest = [i for i in a + b if norm(i) not in shared]
    # Chain by end points.
    start = {}
    for i in rest:
        p = arc_points(arcs, i)
        start.setdefault(p[0], []).append(i)
    ring = []
    first = rest[0]
    at = first
    used = set()
    while True:
        used.add(at)
        pts = arc_points(arcs, at)
        ring.extend(pts if not ring else pts[1:])
        nxt = [i for i in start.get(pts[-1], []) if i not in used]
        if not nxt:
            break
        at = nxt[0]
    assert len(used) == len(rest), "the merged ring does not use every arc"
    assert ring[0] == ring[-1], "the merged ring is not closed"
    return ring


def simplify(pts, tol):
    """Douglas-Peucker, iterative; keeps the end points."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = pts[i], pts[j]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for k in range(i + 1, j):
            x, y = pts[k]
            if norm == 0:
                d = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, at = d, k
        if at >= 0 and best > tol:
            keep[at] = True
            stack.append((i, at))
            stack.append((at, j))
    return [p for p, k in zip(pts, keep) if k]


def simplify_ring(ring, tol):
    # Split the closed ring at its farthest point so both halves keep shape.
    far = max(range(len(ring)), key=lambda k: (ring[k][0] - ring[0][0]) ** 2 + (ring[k][1] - ring[0][1]) ** 2)
    a = simplify(ring[: far + 1], tol)
    b = simplify(ring[far:], tol)
    return a + b[1:]


def fmt(pts):
    out = []
    for x, y in pts:
        p = f"{x:.4f},{y:.4f}"
        if not out or out[-1] != p:
            out.append(p)
    return " ".join(out)


def land(atlas_dir):
    topo = json.load(open(os.path.join(atlas_dir, "countries-10m.json")))
    arcs = decode_arcs(topo)
    geoms = {g["properties"]["name"]: g for g in topo["objects"]["countries"]["geometries"]}
    ukraine = geoms["Ukraine"]["arcs"]
    crimea = [
        poly
        for poly in geoms["Russia"]["arcs"]
        if (lambda b: b[0] > 32 and b[2] < 37 and b[1] > 44 and b[3] < 46.3)(bbox(ring_of(arcs, poly[0])))
    ]
    assert len(crimea) == 1, f"expected one Crimean polygon in Russia's, found {len(crimea)}"
    polys = sorted(ukraine, key=lambda p: -len(ring_of(arcs, p[0])))
    for p in polys + crimea:
        assert len(p) == 1, "a polygon with holes"
    mainland = merge(arcs, polys[0][0], crimea[0][0])
    rows = [("mainland with Crimea", mainland)]
    rows += [(f"island {k}", ring_of(arcs, p[0])) for k, p in enumerate(polys[1:], 1)]
    return [f"{name}\t{fmt(simplify_ring(r, LAND_TOLERANCE))}" for name, r in rows]


def lines_of(feature):
    g = feature["geometry"]
    if not g:
        return []
    return g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]


def inside_box(line):
    """The runs of a line inside BOX."""
    runs, run = [], []
    for x, y in line:
        if BOX[0] <= x <= BOX[2] and BOX[1] <= y <= BOX[3]:
            run.append((x, y))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= 2]


# (file, property test, name written)
RIVERS = [
    ("ne_10m_rivers_lake_centerlines.json", lambda p: p.get("name") == "Dnipro", "Dnipro"),
    ("ne_10m_rivers_lake_centerlines.json", lambda p: p.get("name") == "Donets", "Siverskyi Donets"),
    ("ne_10m_rivers_europe.json", lambda p: p.get("name") == "Seversky Donets", "Siverskyi Donets"),
    ("ne_10m_rivers_europe.json", lambda p: p.get("name") == "Oskol", "Oskil"),
    # Unnamed in Natural Earth: the Inhulets, from Kropyvnytskyi's oblast
    # through Kryvyi Rih to the Dnipro above Kherson.
    ("ne_10m_rivers_europe.json", lambda p: p.get("rivernum") == 401915, "Inhulets"),
]


def rivers(rivers_dir):
    rows = []
    cache = {}
    for fname, test, name in RIVERS:
        if fname not in cache:
            cache[fname] = json.load(open(os.path.join(rivers_dir, fname)))
        found = 0
        for f in cache[fname]["features"]:
            if not test(f["properties"]):
                continue
            kind = f["properties"].get("featurecla", "")
            for line in lines_of(f):
                for run in inside_box([tuple(c[:2]) for c in line]):
                    rows.append(f"{name} ({kind})\t{fmt(simplify(run, RIVER_TOLERANCE))}")
                    found += 1
        assert found, f"no {name} in {fname}"
    return rows


def main():
    atlas, rivers_dir = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else "data/natural-earth"
    with open(os.path.join(out, "ukraine-land.txt"), "w") as f:
        f.write("\n".join(land(atlas)) + "\n")
    with open(os.path.join(out, "ukraine-rivers.txt"), "w") as f:
        f.write("\n".join(rivers(rivers_dir)) + "\n")


if __name__ == "__main__":
    main()
