#!/usr/bin/env python3
"""Sentence-level event scoring of the dev set: runs `frontline extract --layer events` on each
file, gives each predicted event to the passage its evidence starts in, and compares it with that
passage's gold events in items.json (same matching as src/eval.rs: same action and actor, place
within 10 km). Prints the totals, then every passage with a false alarm (FP) or a miss (FN).
Usage (from the repository root): python3 tests/dev/events/score_sentences.py [path/to/frontline]
Coordinates for the 10 km rule come from /work/shared/data/geonames/UA.txt.
"""
import json, csv, subprocess, io, math, os, sys
D=os.path.dirname(os.path.abspath(__file__))
BIN=sys.argv[1] if len(sys.argv)>1 else 'target/release/frontline'
items=json.load(open(D+'/items.json'))
coords={}
for line in open('/work/shared/data/geonames/UA.txt',encoding='utf-8'):
    r=line.split('\t'); coords[int(r[0])]=(float(r[4]),float(r[5]))
def close(a,b):
    if a==b: return True
    if a not in coords or b not in coords: return False
    (la1,lo1),(la2,lo2)=coords[a],coords[b]
    la1,lo1,la2,lo2=map(math.radians,(la1,lo1,la2,lo2))
    d=math.sin((la2-la1)/2)**2+math.cos(la1)*math.cos(la2)*math.sin((lo2-lo1)/2)**2
    return 6371*2*math.asin(math.sqrt(d))<=10
files={}
for it in items: files.setdefault(it['file'],[]).append(it)
tot=dict(tp=0,fp=0,fn=0); rows=[]
for f,its in files.items():
    out=subprocess.run([BIN,'extract',D+'/'+f+'.txt','--layer','events','--format','csv'],capture_output=True,text=True).stdout
    evs=list(csv.DictReader(io.StringIO(out)))
    off=0; spans=[]
    for it in its:
        spans.append((off,off+len(it['text']))); off+=len(it['text'])+2
    for k,it in enumerate(its):
        s,e=spans[k]
        got={(int(v['geonameid']),v['action'],v['actor']):(v['place'],v['trigger']) for v in evs if s<=int(v['start'])<e}
        want={(x['geonameid'],x['action'],x['actor']):x['place'] for x in it['events']}
        un=list(want)
        fps=[]
        for g in got:
            m=[w for w in un if w[1]==g[1] and w[2]==g[2] and close(w[0],g[0])]
            if m: un.remove(m[0]); tot['tp']+=1
            else: fps.append(g); tot['fp']+=1
        tot['fn']+=len(un)
        rows.append(dict(id=it['id'],text=it['text'],fp=[f"{g[2]} {g[1]} @{got[g][0]} (trigger {got[g][1]})" for g in fps],fn=[f"{w[2]} {w[1]} @{want[w]}" for w in un]))
p=tot['tp']/(tot['tp']+tot['fp']); r=tot['tp']/(tot['tp']+tot['fn'])
print('sentence-level',tot,'P %.3f R %.3f F1 %.3f'%(p,r,2*p*r/(p+r)))

for x in rows:
    if x['fp'] or x['fn']:
        print('\n##',x['id'],'|',x['text'][:400].replace('\n',' '))
        for a in x['fp']: print('   FP',a)
        for a in x['fn']: print('   FN',a)
