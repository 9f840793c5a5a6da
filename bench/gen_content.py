#!/usr/bin/python3
"""Synthetic content for the benchmark, in Sakip's format and as a Hugo site.

Usage: gen_content.py UNITS JABATAN INDIKATOR SAKIP_OUT HUGO_OUT

UNITS units under one pemda, each with JABATAN jabatan (a head, four
second-level posts, the rest below them) of INDIKATOR indicators, and
realisasi for four quarters. Texts are taken from the sample content
(transcribed from the seed documents), so lengths are realistic. The Hugo
site has the same jabatan pages with the same text: one page per jabatan,
its indicators in front matter, rendered as a table by a minimal layout.
"""
import os
import random
import shutil
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, '..', 'content')


def harvest():
    """Sentences of each kind from the sample jabatan files."""
    pools = {k: [] for k in ('nama', 'tugas', 'fungsi', 'sasaran',
                             'indikator', 'formulasi', 'sumber')}
    for folder, _, files in os.walk(CONTENT):
        if os.path.basename(folder) != 'jabatan':
            continue
        for name in sorted(files):
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                front = yaml.safe_load(f.read().split('---\n')[1])
            pools['nama'].append(front['nama'])
            tugas = front.get('tugas') or []
            pools['tugas'] += [tugas] if isinstance(tugas, str) else tugas
            pools['fungsi'] += front.get('fungsi') or []
            for ind in front.get('indikator') or []:
                pools['sasaran'].append(ind.get('sasaran') or ind['nama'])
                pools['indikator'].append(ind['nama'])
                if ind.get('formulasi'):
                    pools['formulasi'].append(ind['formulasi'])
                sumber = ind.get('sumber_data') or []
                pools['sumber'] += [sumber] if isinstance(sumber, str) else sumber
    return {k: [str(x) for x in v if x] for k, v in pools.items()}


def jabatan_tree(count):
    """(id, nama index, atasan id) for a unit: head, 4 second level, rest."""
    posts = [('kepala', None)]
    second = [f'kabid-{i}' for i in range(1, min(5, count))]
    posts += [(s, 'kepala') for s in second]
    for i in range(len(posts), count):
        posts.append((f'staf-{i}', second[i % len(second)] if second else 'kepala'))
    return posts


def main():
    units, per_unit, per_jabatan = (int(x) for x in sys.argv[1:4])
    sakip_out, hugo_out = sys.argv[4], sys.argv[5]
    rng = random.Random(20241122)
    pools = harvest()
    pick = lambda kind: rng.choice(pools[kind])
    for out in (sakip_out, hugo_out):
        shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(sakip_out, 'pemda'))
    with open(os.path.join(sakip_out, 'site.yaml'), 'w') as f:
        f.write('judul: Benchmark SAKIP\ntahun: 2024\n'
                'base_url: https://sakip.example.go.id/\n')
    with open(os.path.join(sakip_out, 'pemda', 'unit.yaml'), 'w') as f:
        f.write('nama: Pemerintah Kabupaten Contoh\njenis: pemda\n')
    os.makedirs(os.path.join(hugo_out, 'content'))
    os.makedirs(os.path.join(hugo_out, 'layouts', '_default'))
    with open(os.path.join(hugo_out, 'hugo.yaml'), 'w') as f:
        f.write('baseURL: https://sakip.example.go.id/\nlanguageCode: id\n'
                'title: Benchmark SAKIP\n'
                'disableKinds: [taxonomy, term, RSS]\n')
    with open(os.path.join(hugo_out, 'layouts', '_default', 'single.html'), 'w') as f:
        f.write(HUGO_SINGLE)
    with open(os.path.join(hugo_out, 'layouts', '_default', 'list.html'), 'w') as f:
        f.write(HUGO_LIST)
    for u in range(1, units + 1):
        unit_id = f'unit-{u:04d}'
        unit_dir = os.path.join(sakip_out, 'pemda', unit_id)
        os.makedirs(os.path.join(unit_dir, 'jabatan'))
        os.makedirs(os.path.join(unit_dir, 'realisasi'))
        unit_name = f'Dinas Contoh {u}'
        with open(os.path.join(unit_dir, 'unit.yaml'), 'w') as f:
            yaml.safe_dump({'nama': unit_name, 'jenis': 'dinas',
                            'pimpinan': 'kepala'}, f, allow_unicode=True)
        hugo_unit = os.path.join(hugo_out, 'content', unit_id)
        os.makedirs(hugo_unit)
        with open(os.path.join(hugo_unit, '_index.md'), 'w') as f:
            f.write(f'---\ntitle: "{unit_name}"\n---\n')
        realisasi = {}
        for jabatan_id, atasan in jabatan_tree(per_unit):
            indikator = []
            for k in range(1, per_jabatan + 1):
                indikator.append({
                    'id': f'indikator-{k}', 'sasaran': pick('sasaran'),
                    'nama': pick('indikator'), 'formulasi': pick('formulasi'),
                    'sumber_data': [pick('sumber')], 'satuan': '%',
                    'target': 100, 'target_triwulan': [25, 50, 75, 100],
                    'anggaran': {'kode': f'1.05.001.2.{k:02d}',
                                 'pagu': rng.randrange(10, 500) * 1000000}})
                realisasi[(jabatan_id, f'indikator-{k}')] = {
                    'triwulan': {q: rng.randrange(15, 30) for q in ('I', 'II', 'III', 'IV')},
                    'anggaran': {q: rng.randrange(1, 9) * 1000000 * i
                                 for i, q in enumerate(('I', 'II', 'III', 'IV'), 1)}}
            front = {'nama': pick('nama') if jabatan_id != 'kepala' else f'Kepala {unit_name}',
                     'jenis': 'pelaksana' if jabatan_id.startswith('staf') else 'administrator',
                     'tugas': pick('tugas'),
                     'fungsi': [pick('fungsi') for _ in range(rng.randrange(3, 9))],
                     'indikator': indikator}
            if atasan:
                front['atasan'] = atasan
            text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
            with open(os.path.join(unit_dir, 'jabatan', jabatan_id + '.md'), 'w') as f:
                f.write('---\n' + text + '---\n')
            hugo_front = dict(front, title=front['nama'])
            with open(os.path.join(hugo_unit, jabatan_id + '.md'), 'w') as f:
                f.write('---\n' + yaml.safe_dump(hugo_front, allow_unicode=True,
                                                 sort_keys=False, width=1000) + '---\n')
        data = {'tahun': 2024, 'jabatan': {}}
        for (jabatan_id, ind_id), values in realisasi.items():
            data['jabatan'].setdefault(jabatan_id, {})[ind_id] = values
        with open(os.path.join(unit_dir, 'realisasi', '2024.yaml'), 'w') as f:
            yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False, width=1000)


HUGO_SINGLE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body><nav><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></nav>
<main><h1>{{ .Title }}</h1>
<p>{{ .Params.tugas }}</p>
<ol>{{ range .Params.fungsi }}<li>{{ . }}</li>{{ end }}</ol>
<table><thead><tr><th>Sasaran</th><th>Indikator</th><th>Formulasi</th><th>Sumber data</th><th>Target</th></tr></thead>
<tbody>{{ range .Params.indikator }}<tr><td>{{ .sasaran }}</td><td>{{ .nama }}</td><td>{{ .formulasi }}</td><td>{{ delimit .sumber_data ", " }}</td><td>{{ .target }} {{ .satuan }}</td></tr>{{ end }}</tbody></table>
</main></body></html>
"""
HUGO_LIST = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""

if __name__ == '__main__':
    main()
