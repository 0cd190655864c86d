#!/usr/bin/env python3
"""Builds ID.gold.json from ID.txt and the hand-written ID.places.tsv.

ID.places.tsv lines (the annotator's judgement, one per name):
  SURFACE<TAB>GEONAMEID     every whole-word occurrence of SURFACE is that place
  SURFACE@N<TAB>GEONAMEID   only its N-th occurrence (1-based)
  !SURFACE                  occurrences of SURFACE are not places (masks them)
ID.events.tsv lines (optional): GEONAMEID<TAB>ACTION<TAB>ACTOR, one per distinct
(place, action, actor) the article reports; ACTOR is RU, UA, an ISO code or unknown.
Longer surfaces are matched first; an occurrence inside an earlier match is skipped.
Coordinates come from the GeoNames rows in ../shared/data/geonames (UA.txt,
cities500.txt); for countries and non-Ukrainian regions, whose points the
build derives (Natural Earth points, seats), and frontline's own rows,
from gazetteer/places.tsv.

Usage: python3 tests/corpus/annotate.py [GEONAMES_DIR]   (run from the repository root)
"""
import json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', 'shared', 'data', 'geonames')

coords = {}
for fn in ('UA.txt', 'cities500.txt'):
    for line in open(os.path.join(src, fn), encoding='utf-8'):
        r = line.split('\t')
        coords[int(r[0])] = (float(r[4]), float(r[5]))
for line in list(open(os.path.join(root, 'gazetteer', 'places.tsv'), encoding='utf-8'))[1:]:
    r = line.split('\t')
    # A country stands at its Natural Earth point (gazetteer/README.md),
    # even where the dump has a row of its own (Ukraine); frontline's own
    # rows (seas, macro-regions) are in places.tsv only.
    if r[5] == 'PCLI' or int(r[0]) not in coords:
        coords[int(r[0])] = (float(r[2]), float(r[3]))

def occurrences(text, surface):
    for m in re.finditer(re.escape(surface), text):
        s, e = m.start(), m.end()
        if s > 0 and text[s - 1].isalnum():
            continue
        if e < len(text) and text[e].isalnum():
            continue
        yield s, e

for name in sorted(os.listdir(here)):
    if not name.endswith('.places.tsv'):
        continue
    ident = name[:-len('.places.tsv')]
    text = open(os.path.join(here, ident + '.txt'), encoding='utf-8').read()
    rules = [l.rstrip('\n') for l in open(os.path.join(here, name), encoding='utf-8') if l.strip()]
    parsed = []
    for rule in rules:
        if rule.startswith('!'):
            parsed.append((rule[1:], None, None))
        else:
            surface, gid = rule.split('\t')
            nth = None
            if '@' in surface:
                surface, n = surface.rsplit('@', 1)
                nth = int(n)
            parsed.append((surface, nth, int(gid)))
    parsed.sort(key=lambda p: -len(p[0]))
    taken, places = [], []
    for surface, nth, gid in parsed:
        for k, (s, e) in enumerate(occurrences(text, surface), 1):
            if nth is not None and k != nth:
                continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            # Several rules may name one surface (@1, @2): the first claims its span.
            taken.append((s, e))
            if gid is not None:
                lat, lon = coords[gid]
                places.append({'text': surface, 'start': s, 'end': e, 'geonameid': gid, 'lat': lat, 'lon': lon})
    places.sort(key=lambda p: p['start'])
    date = None
    events = []
    events_path = os.path.join(here, ident + '.events.tsv')
    if os.path.exists(events_path):
        for line in open(events_path, encoding='utf-8'):
            line = line.split('#')[0].strip()
            if line:
                gid, action, actor = line.split('\t')
                events.append({'geonameid': int(gid), 'action': action, 'actor': actor})
    out = {'id': ident, 'published': date, 'places': places, 'events': events}
    with open(os.path.join(here, ident + '.gold.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(f'{ident}: {len(places)} places, {len(events)} events')
