#!/usr/bin/env python3
"""Countries' representative points and extents from Natural Earth.

Run once, by hand, to (re)write gazetteer/countries.csv and
gazetteer/regions.csv:

    mkdir /tmp/na && cd /tmp/na && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/natural-earth-countries.py /tmp/na/package/countries-50m.json \\
        ../shared/data/geonames/countryInfo.txt gazetteer

Source: Natural Earth 1:50m Admin 0 countries (public domain), as TopoJSON in
the npm package world-atlas 2.0.2 (ISC licence for the packaging). Each
country's point is the pole of inaccessibility of its largest polygon (the
polylabel algorithm, precision 0.01 degree, in plain longitude/latitude):
a point well inside the country, never its capital. The extent is that of
the country's main territory: the largest polygon and those of at least 1% of its
area whose first vertex lies within 30 degrees of the point (so
France without French Guiana and Réunion, the United States without
Alaska and Hawaii, Russia without Kaliningrad); the smallest longitude
range holding them (crossing the antimeridian where that is smaller: west >
east then) and their latitude range. Countries are matched to ISO 3166-1 alpha-2 codes by
their ISO numeric code through GeoNames' countryInfo.txt; features with no
numeric code in world-atlas (Kosovo, Northern Cyprus, Somaliland) are left
out. Output rows are sorted by code, numbers written with 5 decimals, so the
same input gives the same bytes.

regions.csv: the continents and the macro-regions reporting names, each as
the countries it is made of (the `members` column: for continents, the
countries of that continent in countryInfo.txt, Russia left out of Europe
and Asia alike since its polygons do not split at the Urals; for the others
the list in REGIONS below). The extent is the union of the members'
extents; its population the sum of theirs in countryInfo.txt; the point is the label point of the member whose point lies
nearest the extent's centre, among members whose largest polygon
spans a square degree or more (Africa stands in the Central African
Republic, Europe in Germany), so it is always on land inside the region.
"""
import heapq
import json
import math
import sys


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs, indexes):
    pts = []
    for i in indexes:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def polygons(geom, arcs):
    if geom["type"] == "Polygon":
        return [[ring(arcs, r) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in p] for p in geom["arcs"]]
    return []


def area(r):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]))) / 2


def seg_dist2(px, py, a, b):
    x, y = a
    dx, dy = b[0] - x, b[1] - y
    if dx or dy:
        t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy)
        if t > 1:
            x, y = b
        elif t > 0:
            x += dx * t
            y += dy * t
    dx, dy = px - x, py - y
    return dx * dx + dy * dy


def signed_dist(x, y, poly):
    inside = False
    best = math.inf
    for r in poly:
        for a, b in zip(r, r[1:] + r[:1]):
            if (a[1] > y) != (b[1] > y) and x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]:
                inside = not inside
            best = min(best, seg_dist2(x, y, a, b))
    return (1 if inside else -1) * math.sqrt(best)


def polylabel(poly, precision=0.01):
    """Mapbox's polylabel: the interior point farthest from the outline."""
    xs = [p[0] for p in poly[0]]
    ys = [p[1] for p in poly[0]]
    minx, miny, maxx, maxy = min(xs), min(ys), max(xs), max(ys)
    size = min(maxx - minx, maxy - miny)
    if size == 0:
        return minx, miny
    h = size / 2
    heap = []
    count = 0

    def push(x, y, h):
        nonlocal count
        d = signed_dist(x, y, poly)
        heapq.heappush(heap, (-(d + h * math.sqrt(2)), count, x, y, h, d))
        count += 1

    x = minx
    while x < maxx:
        y = miny
        while y < maxy:
            push(x + h, y + h, h)
            y += size
        x += size
    # The centroid of the outer ring as a first guess.
    r = poly[0]
    a = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1])) / 2
    if a:
        cx = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1])) / (6 * a)
        cy = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1])) / (6 * a)
    else:
        cx, cy = r[0]
    best = (signed_dist(cx, cy, poly), cx, cy)
    bb = signed_dist(minx + (maxx - minx) / 2, miny + (maxy - miny) / 2, poly)
    if bb > best[0]:
        best = (bb, minx + (maxx - minx) / 2, miny + (maxy - miny) / 2)
    while heap:
        negmax, _, x, y, h, d = heapq.heappop(heap)
        if d > best[0]:
            best = (d, x, y)
        if -negmax - best[0] <= precision:
            continue
        h /= 2
        for ox in (-h, h):
            for oy in (-h, h):
                push(x + ox, y + oy, h)
    return best[1], best[2]


def extent(polys):
    lons = [p[0] for poly in polys for p in poly[0]]
    lats = [p[1] for poly in polys for p in poly[0]]
    west, east = min(lons), max(lons)
    # The same extent with longitudes taken in [0, 360): smaller when the
    # country crosses the antimeridian.
    shifted = [x + 360 if x < 0 else x for x in lons]
    sw, se = min(shifted), max(shifted)
    if se - sw < east - west:
        west, east = (sw + 180) % 360 - 180, (se + 180) % 360 - 180
    return west, min(lats), east, max(lats)


def main():
    topo = json.load(open(sys.argv[1]))
    iso2 = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        if line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) > 2 and f[2].strip("0"):
            iso2[f[2].zfill(3)] = f[0]
    arcs = decode_arcs(topo)
    # Some codes have several features (Australia and Ashmore and Cartier
    # Islands share 036): their polygons are taken together, named after
    # the feature holding the largest.
    parts = {}
    for g in topo["objects"]["countries"]["geometries"]:
        code = iso2.get(str(g.get("id", "")).zfill(3))
        polys = polygons(g, arcs)
        if code and polys:
            for p in polys:
                parts.setdefault(code, []).append((g["properties"]["name"], p))
    rows = {}
    sizes = {}
    for code in sorted(parts):
        polys = [p for _, p in parts[code]]
        name = max(parts[code], key=lambda np: area(np[1][0]))[0]
        largest = max(polys, key=lambda p: area(p[0]))
        lon, lat = polylabel(largest)
        big = area(largest[0])

        def near(p):
            x, y = p[0][0]
            dx = abs(x - lon) % 360
            return math.hypot(min(dx, 360 - dx), y - lat) <= 30

        main_parts = [p for p in polys if p is largest or (area(p[0]) >= 0.01 * big and near(p))]
        west, south, east, north = extent(main_parts)
        rows[code] = (name, lat, lon, west, south, east, north)
        sizes[code] = big
    with open(f"{sys.argv[3]}/countries.csv", "w", encoding="utf-8", newline="\n") as out:
        out.write("country_code,name,lat,lon,west,south,east,north\n")
        for code in sorted(rows):
            name, *nums = rows[code]
            out.write(",".join([code, name.replace(",", "")] + [f"{x:.5f}" for x in nums]) + "\n")

    continent_of = {}
    population = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(f) > 8:
            continent_of.setdefault(f[8], []).append(f[0])
            population[f[0]] = int(f[7] or 0)
    with open(f"{sys.argv[3]}/regions.csv", "w", encoding="utf-8", newline="\n") as out:
        out.write("geonameid,name,aliases,feature_code,lat,lon,west,south,east,north,population,members\n")
        for gid, name, aliases, code, members in REGIONS:
            if isinstance(members, str):
                members = [c for c in continent_of[members] if c != "RU"]
            members = sorted(c for c in members if c in rows)
            west = min(rows[c][3] for c in members)
            south = min(rows[c][4] for c in members)
            north = max(rows[c][6] for c in members)
            # East: the largest east of members not crossing the antimeridian,
            # else the crossing one's.
            crossing = [rows[c][5] for c in members if rows[c][5] < rows[c][3]]
            east = min(crossing) if crossing else max(rows[c][5] for c in members)
            if crossing:
                west = min(rows[c][3] for c in members if rows[c][5] >= rows[c][3])
            clat = (south + north) / 2
            span = (east - west) % 360
            clon = (west + span / 2 + 180) % 360 - 180
            # Among members of some size (a square degree), not San Marino.
            sized = [c for c in members if sizes[c] >= 1] or members
            centre = min(sized, key=lambda c: math.hypot(rows[c][1] - clat, ((rows[c][2] - clon + 180) % 360) - 180))
            lat, lon = rows[centre][1], rows[centre][2]
            nums = [f"{x:.5f}" for x in (lat, lon, west, south, east, north)]
            people = str(sum(population.get(c, 0) for c in members))
            out.write(",".join([str(gid), name, aliases, code] + nums + [people, " ".join(members)]) + "\n")


# (id, name, aliases, feature code, members). Continents keep GeoNames' ids;
# the macro-regions, which GeoNames has no row for in these dumps, take ids
# from 3,900,000,000 up (frontline's own rows; see gazetteer/README.md).
REGIONS = [
    (6255146, "Africa", "", "CONT", "AF"),
    (6255147, "Asia", "", "CONT", "AS"),
    (6255148, "Europe", "", "CONT", "EU"),
    (6255149, "North America", "", "CONT", "NA"),
    (6255150, "South America", "Latin America", "CONT", "SA"),
    (3900000001, "Middle East", "Mideast;Near East", "RGN",
     ["BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE"]),
    (3900000002, "Caucasus", "South Caucasus;Transcaucasia", "RGN", ["AM", "AZ", "GE"]),
    (3900000003, "Balkans", "Balkan Peninsula;Western Balkans", "RGN",
     ["AL", "BA", "BG", "GR", "HR", "ME", "MK", "RS"]),
    (3900000004, "Central Asia", "", "RGN", ["KZ", "KG", "TJ", "TM", "UZ"]),
    (3900000005, "Scandinavia", "Nordic countries;the Nordics", "RGN", ["DK", "NO", "SE"]),
    (3900000006, "Baltic states", "Baltics;the Baltics", "RGN", ["EE", "LT", "LV"]),
]


if __name__ == "__main__":
    main()
