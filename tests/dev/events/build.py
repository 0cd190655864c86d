#!/usr/bin/env python3
"""Builds ID.txt and ID.gold.json (the layout `frontline eval --gold` reads) from items.json.

items.json holds one record per sentence (or short passage) taken from an openly licensed
source (see SOURCES.md), with the annotator's judgement:
  places: [{"surface": S, "geonameid": G}]   every whole-word occurrence of S in that
          passage is place G; "S@N" means only its N-th occurrence in the passage;
          geonameid null masks S (not a place).
  events: [{"place", "geonameid", "action", "actor", "certainty"}]  what the passage reports.
Passages of one file are joined by blank lines, in the order of items.json. Events are
written as the distinct (geonameid, action, actor) triples of the file, as src/eval.rs
scores them; "certainty" (certain / claimed / speculative) is kept as an extra field that
eval ignores (the strongest one the file gives the triple).

Coordinates come from the GeoNames rows (../shared/data/geonames: UA.txt, cities500.txt)
and, for countries and non-Ukrainian regions, gazetteer/places.tsv, as tests/corpus/annotate.py.
Usage (from the repository root): python3 tests/dev/events/build.py [GEONAMES_DIR] [--set DIR]
(--set tests/dev/events-heldout builds the held-out part from its own items.json into its folder.)
"""
import json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
args = sys.argv[1:]
if '--set' in args:
    k = args.index('--set')
    here = os.path.abspath(args[k + 1])
    del args[k:k + 2]
src = args[0] if args else '/work/shared/data/geonames'
if not os.path.exists(os.path.join(src, 'UA.txt')):
    src = os.path.join(root, '..', 'shared', 'data', 'geonames')

coords = {}
for fn in ('UA.txt', 'cities500.txt'):
    for line in open(os.path.join(src, fn), encoding='utf-8'):
        r = line.split('\t')
        coords.setdefault(int(r[0]), (float(r[4]), float(r[5])))
for line in list(open(os.path.join(root, 'gazetteer', 'places.tsv'), encoding='utf-8'))[1:]:
    r = line.split('\t')
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

items = json.load(open(os.path.join(here, 'items.json'), encoding='utf-8'))
files = {}
for it in items:
    files.setdefault(it['file'], []).append(it)
rank = {'certain': 0, 'claimed': 1, 'speculative': 2}
for ident, its in files.items():
    text, places, triples = '', [], {}
    for it in its:
        if text:
            text += '\n\n'
        base = len(text)
        para = it['text']
        text += para
        rules = []
        for p in it['places']:
            surface, nth = p['surface'], None
            if '@' in surface:
                surface, n = surface.rsplit('@', 1)
                nth = int(n)
            rules.append((surface, nth, p['geonameid']))
        rules.sort(key=lambda r: -len(r[0]))
        taken = []
        for surface, nth, gid in rules:
            for k, (s, e) in enumerate(occurrences(para, surface), 1):
                if nth is not None and k != nth:
                    continue
                if any(s < te and ts < e for ts, te in taken):
                    continue
                taken.append((s, e))
                if gid is not None:
                    lat, lon = coords[gid]
                    places.append({'text': surface, 'start': base + s, 'end': base + e,
                                   'geonameid': gid, 'lat': lat, 'lon': lon})
        for ev in it['events']:
            key = (ev['geonameid'], ev['action'], ev['actor'])
            c = ev['certainty']
            if key not in triples or rank[c] < rank[triples[key]]:
                triples[key] = c
    text += '\n'
    places.sort(key=lambda p: p['start'])
    events = [{'geonameid': g, 'action': a, 'actor': s, 'certainty': c}
              for (g, a, s), c in triples.items()]
    with open(os.path.join(here, ident + '.txt'), 'w', encoding='utf-8') as f:
        f.write(text)
    out = {'id': ident, 'published': None, 'places': places, 'events': events}
    with open(os.path.join(here, ident + '.gold.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(f'{ident}: {len(its)} passages, {len(places)} places, {len(events)} events')
