#!/usr/bin/env python3
"""Builds the basemap `frontline render` compiles in and the web map loads.

    python3 tools/basemap.py WORLD_ATLAS_DIR NE_DIR WORLD_MAP_GPKG [OUT_DIR]

WORLD_ATLAS_DIR: the unpacked npm package `world-atlas` 2.0.2 (its
`package/` folder: countries-110m.json, countries-10m.json; Natural Earth
admin 0, v4.1.0).
NE_DIR: a folder with Natural Earth GeoJSON from the CC0 repository
martynafford/natural-earth-geojson: ne_110m_lakes.json,
ne_110m_rivers_lake_centerlines.json, ne_10m_lakes.json,
ne_10m_lakes_europe.json, ne_10m_rivers_lake_centerlines.json,
ne_10m_rivers_europe.json (the 10m lakes and centerlines unpacked from
their .7z).
WORLD_MAP_GPKG: `world_map.gpkg` of the Debian package qgis-common
3.22.16 (/usr/share/qgis/resources/data/): Natural Earth 1:10m admin 1
v4.1.0, generalised by the QGIS project (its layer `states_provinces`).
OUT_DIR: default data/natural-earth/basemap.

Writes two GeoJSON FeatureCollections, one feature per line, each feature
with a `kind` property:

- `world.geojson` (1:110m, the whole world): land (a country's polygons,
  `name`), border (land borders between countries), coast, lake, river.
- `region.geojson` (1:10m, cut to the box REGION around Ukraine and its
  neighbours): the same kinds, plus admin1 (borders between the first-level
  divisions of Ukraine and its neighbours, `country`) and admin1-label (a
  point inside each division, `name`, `country`). Rivers and lakes carry
  Natural Earth's `rank` (scalerank: smaller is more important).

Crimea: Natural Earth's admin 0 follows de facto control and draws Crimea
inside Russia. The script gives Russia's polygon that lies wholly inside the
Crimean box to Ukraine and drops the arcs it shares with Ukraine (the
Perekop and Chonhar land border), so land and borders follow the
internationally recognised border; Crimea's and Sevastopol's admin-1 units
count as Ukraine's. The output depends only on the input.
"""
import json
import os
import sqlite3
import struct
import sys
import importlib.util

# The TopoJSON arc decoding and bounding boxes of the front's outlines
# (tools/natural-earth.py), shared rather than copied.
_spec = importlib.util.spec_from_file_location(
    "natural_earth", os.path.join(os.path.dirname(os.path.abspath(__file__)), "natural-earth.py"))
_ne = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ne)
bbox, decode_arcs, arc_points, ring_of = _ne.bbox, _ne.decode_arcs, _ne.arc_points, _ne.ring_of

REGION = (14.0, 40.0, 50.0, 57.0)  # lon/lat box of the 1:10m layers
CRIMEA = (32.0, 44.0, 37.0, 46.3)
REGION_TOLERANCE = 0.004  # degrees, Douglas-Peucker on land arcs (~400 m)
WATER_TOLERANCE = 0.002
NEIGHBOURS = {"UKR", "RUS", "BLR", "POL", "SVK", "HUN", "ROU", "MDA"}

# Ukraine's oblasts under the names the gazetteer uses (Natural Earth's
# admin-1 names are older romanisations).
OBLAST_NAMES = {
    "Kiev": "Kyiv",
    "Kiev City": "Kyiv City",
    "Odessa": "Odesa",
    "Donets'k": "Donetsk",
    "Luhans'k": "Luhansk",
    "Zaporizhzhya": "Zaporizhzhia",
    "Dnipropetrovs'k": "Dnipropetrovsk",
    "Ivano-Frankivs'k": "Ivano-Frankivsk",
    "L'viv": "Lviv",
    "Ternopil'": "Ternopil",
    "Khmel'nyts'kyy": "Khmelnytskyi",
    "Vinnytsya": "Vinnytsia",
    "Mykolayiv": "Mykolaiv",
    "Transcarpathia": "Zakarpattia",
}
RIVER_NAMES = {
    "Donets": "Siverskyi Donets",
    "Seversky Donets": "Siverskyi Donets",
    "Oskol": "Oskil",
    "Pripyat": "Prypiat",
    "Prypyat": "Prypiat",
    "Southern Bug": "Southern Buh",
    "Zakhidnyy Buh": "Western Bug",
    "Bug": "Western Bug",
    "Dnepr": "Dnipro",
    "Dnepre": "Dnipro",
}
INHULETS = 401915  # unnamed in Natural Earth; its rivernum


# ---------------------------------------------------------------- geometry


def simplify(pts, tol):
    """Douglas-Peucker of tools/natural-earth.py; a tolerance of 0 keeps every point."""
    return pts if tol <= 0 else _ne.simplify(pts, tol)


def simplify_ring(ring, tol):
    return ring if len(ring) < 4 or tol <= 0 else _ne.simplify_ring(ring, tol)


def overlaps(b, box):
    return b[0] <= box[2] and b[2] >= box[0] and b[1] <= box[3] and b[3] >= box[1]


def inside(b, box):
    return b[0] >= box[0] and b[2] <= box[2] and b[1] >= box[1] and b[3] <= box[3]


def clip_ring(ring, box):
    """Sutherland-Hodgman against a rectangle; a closed ring or []."""
    if inside(bbox(ring), box):
        return ring
    pts = ring[:-1]
    for edge in range(4):
        if not pts:
            return []
        axis, limit, keep_low = [(0, box[0], False), (0, box[2], True), (1, box[1], False), (1, box[3], True)][edge]

        def ins(p):
            return p[axis] <= limit if keep_low else p[axis] >= limit

        out = []
        for k, cur in enumerate(pts):
            prev = pts[k - 1]
            if ins(cur):
                if not ins(prev):
                    out.append(cut(prev, cur, axis, limit))
                out.append(cur)
            elif ins(prev):
                out.append(cut(prev, cur, axis, limit))
        pts = out
    if len(pts) < 3:
        return []
    return pts + [pts[0]]


def cut(a, b, axis, limit):
    t = (limit - a[axis]) / (b[axis] - a[axis])
    p = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
    return (limit, p[1]) if axis == 0 else (p[0], limit)


def clip_line(line, box):
    """The runs of a line inside box (points outside dropped, ends cut at the box)."""
    runs, run = [], []
    for k, p in enumerate(line):
        ok = box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]
        if ok:
            if not run and k > 0:
                run.append(edge_point(line[k - 1], p, box))
            run.append(p)
        elif run:
            run.append(edge_point(p, line[k - 1], box))
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= 2]


def edge_point(outside, inner, box):
    """Where the segment from an outside point to an inside one crosses the box."""
    t_best = 0.0
    for axis, limit in ((0, box[0]), (0, box[2]), (1, box[1]), (1, box[3])):
        d = inner[axis] - outside[axis]
        if d == 0:
            continue
        t = (limit - outside[axis]) / d
        if 0 <= t <= 1:
            p = (outside[0] + t * (inner[0] - outside[0]), outside[1] + t * (inner[1] - outside[1]))
            if box[0] - 1e-9 <= p[0] <= box[2] + 1e-9 and box[1] - 1e-9 <= p[1] <= box[3] + 1e-9:
                t_best = max(t_best, t)
    return (outside[0] + t_best * (inner[0] - outside[0]), outside[1] + t_best * (inner[1] - outside[1]))


def unwrap(pts):
    """Longitudes made continuous across the antimeridian (some may leave -180..180)."""
    out = [pts[0]]
    for x, y in pts[1:]:
        px = out[-1][0]
        while x - px > 180:
            x -= 360
        while px - x > 180:
            x += 360
        out.append((x, y))
    return out


def world_pieces(pts, ring, box):
    """A ring or line cut to box; one that crosses the antimeridian is cut into its pieces on either side."""
    clip = clip_ring if ring else (lambda p, b: clip_line(p, b))
    pts = unwrap(pts)
    lo, _, hi, _ = bbox(pts)
    if -180 <= lo and hi <= 180:
        out = clip(pts, box)
        return ([out] if out else []) if ring else out
    pieces = []
    for shift in (-360, 0, 360):
        moved = [(x + shift, y) for x, y in pts]
        out = clip(moved, (max(box[0], -180.0), box[1], min(box[2], 180.0), box[3]))
        if ring:
            pieces += [out] if out else []
        else:
            pieces += out
    return pieces


def ring_area(ring):
    return sum(ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1] for k in range(len(ring) - 1)) / 2


def label_point(ring):
    """The area centroid of a ring; if it falls outside, the middle of the widest horizontal chord through it."""
    a = ring_area(ring)
    cx = sum((ring[k][0] + ring[k + 1][0]) * (ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1]) for k in range(len(ring) - 1)) / (6 * a)
    cy = sum((ring[k][1] + ring[k + 1][1]) * (ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1]) for k in range(len(ring) - 1)) / (6 * a)
    xs = sorted(
        ring[k][0] + (cy - ring[k][1]) * (ring[k + 1][0] - ring[k][0]) / (ring[k + 1][1] - ring[k][1])
        for k in range(len(ring) - 1)
        if (ring[k][1] > cy) != (ring[k + 1][1] > cy)
    )
    spans = [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]
    if any(a0 <= cx <= b0 for a0, b0 in spans) or not spans:
        return cx, cy
    a0, b0 = max(spans, key=lambda s: s[1] - s[0])
    return (a0 + b0) / 2, cy


# ---------------------------------------------------------------- output


def rnd(pts, digits):
    out = []
    for x, y in pts:
        p = [round(x, digits), round(y, digits)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def feature(kind, geometry, **props):
    return {"type": "Feature", "properties": {"kind": kind, **props}, "geometry": geometry}


def write(path, features):
    with open(path, "w") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(json.dumps(x, separators=(",", ":"), ensure_ascii=False) for x in features))
        f.write("\n]}\n")


# ---------------------------------------------------------------- admin 0


def polygons_of(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def admin0(path, tol, box, digits):
    """land, border and coast features from a world-atlas countries TopoJSON."""
    topo = json.load(open(path))
    arcs = [simplify(a, tol) for a in decode_arcs(topo)]
    # Polygons as (country, [rings of arc indices]); Crimea given to Ukraine.
    polys = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        for poly in polygons_of(g):
            owner = name
            if name == "Russia" and inside(bbox(ring_of(arcs, poly[0])), CRIMEA):
                owner = "Ukraine"
            polys.append((owner, poly))
    users = {}  # arc -> the owners of the rings that use it, once per use
    for owner, poly in polys:
        for ring in poly:
            for i in ring:
                users.setdefault(i if i >= 0 else ~i, []).append(owner)
    features = []
    by_country = {}
    for owner, poly in polys:
        rings = [ring_of(arcs, r) for r in poly]
        if not overlaps(bbox(rings[0]), box):
            continue
        outer = [rnd(r, digits) for r in world_pieces(rings[0], True, box)]
        holes = [rnd(h, digits) for r in rings[1:] for h in world_pieces(r, True, box)]
        outer = [r for r in outer if len(r) >= 4]
        holes = [h for h in holes if len(h) >= 4]
        for k, r in enumerate(outer):
            # A hole goes with the first outer piece (holes near the antimeridian do not occur).
            by_country.setdefault(owner, []).append([r] + (holes if k == 0 else []))
    for name in sorted(by_country):
        features.append(feature("land", {"type": "MultiPolygon", "coordinates": by_country[name]}, name=name))
    for i in sorted(users):
        if len(users[i]) == 1:
            kind = "coast"
        elif len(set(users[i])) > 1:
            kind = "border"
        else:
            continue  # inside one country: Crimea's former arcs with the mainland
        for run in world_pieces(arcs[i], False, box):
            run = rnd(run, digits)
            if len(run) >= 2:
                features.append(feature(kind, {"type": "LineString", "coordinates": run}))
    return features


# ---------------------------------------------------------------- admin 1


def wkb_polygons(blob):
    """Outer rings and holes of a GeoPackage geometry blob (Polygon or MultiPolygon)."""
    assert blob[:2] == b"GP", "not a GeoPackage geometry"
    flags = blob[3]
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    data = blob[8 + env :]
    pos = 0

    def read(fmt, order):
        nonlocal pos
        v = struct.unpack_from(("<" if order else ">") + fmt, data, pos)
        pos += struct.calcsize(fmt)
        return v

    def geometry():
        order = data[pos] == 1
        read("B", order)
        (typ,) = read("I", order)
        dims = 3 if typ // 1000 in (1, 2) else 4 if typ // 1000 == 3 else 2
        typ %= 1000
        if typ == 3:
            (n,) = read("I", order)
            rings = []
            for _ in range(n):
                (m,) = read("I", order)
                rings.append([read("d" * dims, order)[:2] for _ in range(m)])
            return [rings]
        if typ == 6:
            (n,) = read("I", order)
            out = []
            for _ in range(n):
                out.extend(geometry())
            return out
        raise ValueError(f"geometry type {typ}")

    return geometry()


def admin1(gpkg, box):
    con = sqlite3.connect(gpkg)
    rows = con.execute(
        "select name, adm0_a3, geom from states_provinces where adm0_a3 in (%s) order by adm0_a3, name, fid"
        % ",".join("'%s'" % c for c in sorted(NEIGHBOURS))
    ).fetchall()
    features = []
    edges = {}  # (country, segment) -> count
    order = []
    for name, country, blob in rows:
        if name in ("Crimea", "Sevastopol"):
            country = "UKR"
        polys = wkb_polygons(blob)
        rings = [[(round(x, 4), round(y, 4)) for x, y in r] for p in polys for r in p]
        if country == "UKR" or overlaps(bbox(rings[0]), box):
            for r in rings:
                for a, b in zip(r, r[1:]):
                    if a == b:
                        continue
                    key = (country, min(a, b), max(a, b))
                    if key not in edges:
                        order.append(key)
                    edges[key] = edges.get(key, 0) + 1
        biggest = max((p[0] for p in polys), key=lambda r: abs(ring_area(r)))
        x, y = label_point(biggest)
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            label = OBLAST_NAMES.get(name, name) if country == "UKR" else name
            features.append(feature("admin1-label", {"type": "Point", "coordinates": [round(x, 4), round(y, 4)]}, name=label, country=country))
    shared = [k for k in order if edges[k] >= 2]
    for country, line in chain(shared):
        for run in clip_line(line, box):
            features.append(feature("admin1", {"type": "LineString", "coordinates": rnd(run, 4)}, country=country))
    return features


def chain(keys):
    """Joins segments (country, a, b) into lines, in a deterministic order."""
    adj = {}
    for c, a, b in keys:
        adj.setdefault((c, a), []).append(b)
        adj.setdefault((c, b), []).append(a)
    used = set()
    lines = []

    def walk(c, start, nxt):
        line = [start, nxt]
        used.add((c, min(start, nxt), max(start, nxt)))
        while len(adj[(c, nxt)]) == 2:
            a, b = adj[(c, nxt)]
            step = b if a == line[-2] else a
            seg = (c, min(nxt, step), max(nxt, step))
            if seg in used:
                break
            used.add(seg)
            line.append(step)
            nxt = step
        return line

    # Start from nodes that are not simple pass-throughs, then close loops.
    for c, a, b in keys:
        for start, nxt in ((a, b), (b, a)):
            if len(adj[(c, start)]) != 2 and (c, min(start, nxt), max(start, nxt)) not in used:
                lines.append((c, walk(c, start, nxt)))
    for c, a, b in keys:
        if (c, a, b) not in used:
            lines.append((c, walk(c, a, b)))
    return lines


# ---------------------------------------------------------------- water


def lines_of(g):
    if not g:
        return []
    return g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]


def polys_of(g):
    if not g:
        return []
    return g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]


def rivers(paths, box, tol, digits, max_rank):
    features = []
    for path in paths:
        for f in json.load(open(path))["features"]:
            p = f["properties"]
            rank = int(p.get("scalerank") or 0)
            name = p.get("name") or ("Inhulets" if p.get("rivernum") == INHULETS else None)
            if rank > max_rank and name not in RIVER_NAMES.values() and name not in RIVER_NAMES:
                continue
            name = RIVER_NAMES.get(name, name)
            for line in lines_of(f["geometry"]):
                for run in clip_line([tuple(c[:2]) for c in line], box):
                    run = rnd(simplify(run, tol), digits)
                    if len(run) >= 2:
                        props = {"rank": rank}
                        if name:
                            props["name"] = name
                        features.append(feature("river", {"type": "LineString", "coordinates": run}, **props))
    return features


def lakes(paths, box, tol, digits):
    features = []
    for path in paths:
        for f in json.load(open(path))["features"]:
            p = f["properties"]
            for poly in polys_of(f["geometry"]):
                outer = [tuple(c[:2]) for c in poly[0]]
                if not overlaps(bbox(outer), box):
                    continue
                rings = [rnd(clip_ring(simplify_ring([tuple(c[:2]) for c in r], tol), box), digits) for r in poly]
                if len(rings[0]) >= 4:
                    rings = [r for r in rings if len(r) >= 4]
                    props = {"rank": int(p.get("scalerank") or 0)}
                    if p.get("name"):
                        props["name"] = p["name"]
                    features.append(feature("lake", {"type": "Polygon", "coordinates": rings}, **props))
    return features


def main():
    atlas, ne, gpkg = sys.argv[1], sys.argv[2], sys.argv[3]
    out = sys.argv[4] if len(sys.argv) > 4 else "data/natural-earth/basemap"
    os.makedirs(out, exist_ok=True)
    world_box = (-180.0, -90.0, 180.0, 90.0)
    world = admin0(os.path.join(atlas, "countries-110m.json"), 0, world_box, 3)
    world += lakes([os.path.join(ne, "ne_110m_lakes.json")], world_box, 0, 3)
    world += rivers([os.path.join(ne, "ne_110m_rivers_lake_centerlines.json")], world_box, 0, 3, 99)
    write(os.path.join(out, "world.geojson"), world)
    region = admin0(os.path.join(atlas, "countries-10m.json"), REGION_TOLERANCE, REGION, 4)
    region += admin1(gpkg, REGION)
    region += lakes([os.path.join(ne, f) for f in ("ne_10m_lakes.json", "ne_10m_lakes_europe.json")], REGION, WATER_TOLERANCE, 4)
    region += rivers(
        [os.path.join(ne, f) for f in ("ne_10m_rivers_lake_centerlines.json", "ne_10m_rivers_europe.json")],
        REGION,
        WATER_TOLERANCE,
        4,
        11,
    )
    write(os.path.join(out, "region.geojson"), region)


if __name__ == "__main__":
    main()
