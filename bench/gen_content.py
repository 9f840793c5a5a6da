#!/usr/bin/python3
"""Synthetic content for the benchmark, in Sakip's format and as Hugo sites.

Usage: gen_content.py UNITS JABATAN INDIKATOR SAKIP_OUT HUGO_OUT [HUGO_ONE_OUT]
                      [--hugo-nav pruned|full]

UNITS units under one pemda, each with JABATAN jabatan (a head, four
second-level posts, the rest below them) of INDIKATOR indicators, and
realisasi for four quarters. Texts are taken from the sample content
(transcribed from the seed documents), so lengths are realistic.

HUGO_OUT is a Hugo site writing the same pages as sakip: per jabatan its
page, its IKI sheet and its four quarterly reports (output formats of one
content file), per unit a list page and a documents page, with the layouts
of bench/hugo-layouts/ (sakip's header, breadcrumb, side navigation, tables
and CSS; figures computed by the templates from the same front matter).
HUGO_ONE_OUT, if given, is the earlier comparison: one page per jabatan,
its indicators as a table, a minimal layout.
"""
import argparse
import os
import random
import shutil

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, '..', 'content')
LAYOUTS = os.path.join(HERE, 'hugo-layouts')
THEME_STATIC = os.path.join(HERE, '..', 'themes', 'default', 'static')


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


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('units', type=int)
    parser.add_argument('per_unit', type=int, metavar='jabatan')
    parser.add_argument('per_jabatan', type=int, metavar='indikator')
    parser.add_argument('sakip_out')
    parser.add_argument('hugo_out', help='Hugo site writing the same pages')
    parser.add_argument('hugo_one_out', nargs='?',
                        help='Hugo site writing one page per jabatan')
    parser.add_argument('--hugo-nav', choices=('pruned', 'full'), default='pruned',
                        help='side navigation of the same-pages Hugo site')
    return parser.parse_args()


def start_hugo_same(out, nav):
    """The same-pages Hugo site: config, layouts, sakip's CSS, the pemda."""
    os.makedirs(os.path.join(out, 'content', 'pemda'))
    with open(os.path.join(out, 'hugo.yaml'), 'w') as f:
        f.write(HUGO_SAME_CONFIG.format(nav=nav))
    shutil.copytree(LAYOUTS, os.path.join(out, 'layouts'))
    os.makedirs(os.path.join(out, 'static', 'aset'))
    for name in ('sakip.css', 'cetak.css', 'favicon.svg'):
        shutil.copy(os.path.join(THEME_STATIC, name), os.path.join(out, 'static', 'aset'))
    with open(os.path.join(out, 'content', '_index.md'), 'w') as f:
        f.write('---\ntitle: Beranda\n---\n')
    with open(os.path.join(out, 'content', 'pemda', '_index.md'), 'w') as f:
        f.write('---\ntitle: Pemerintah Kabupaten Contoh\njenis: Pemerintah daerah\n---\n')


def start_hugo_one(out):
    """The one-page-per-jabatan Hugo site with its minimal layout."""
    os.makedirs(os.path.join(out, 'content'))
    os.makedirs(os.path.join(out, 'layouts', '_default'))
    with open(os.path.join(out, 'hugo.yaml'), 'w') as f:
        f.write('baseURL: https://sakip.example.go.id/\nlanguageCode: id\n'
                'title: Benchmark SAKIP\n'
                'disableKinds: [taxonomy, term, RSS]\n')
    with open(os.path.join(out, 'layouts', '_default', 'single.html'), 'w') as f:
        f.write(HUGO_SINGLE)
    with open(os.path.join(out, 'layouts', '_default', 'list.html'), 'w') as f:
        f.write(HUGO_LIST)


def write_front(path, front):
    with open(path, 'w') as f:
        f.write('---\n' + yaml.safe_dump(front, allow_unicode=True, sort_keys=False,
                                         width=1000) + '---\n')


def main():
    args = parse_args()
    units, per_unit, per_jabatan = args.units, args.per_unit, args.per_jabatan
    sakip_out, hugo_out, hugo_one_out = args.sakip_out, args.hugo_out, args.hugo_one_out
    rng = random.Random(20241122)
    pools = harvest()
    pick = lambda kind: rng.choice(pools[kind])
    for out in (sakip_out, hugo_out, hugo_one_out):
        if out:
            shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(sakip_out, 'pemda'))
    with open(os.path.join(sakip_out, 'site.yaml'), 'w') as f:
        f.write('judul: Benchmark SAKIP\ntahun: 2024\n'
                'base_url: https://sakip.example.go.id/\n')
    with open(os.path.join(sakip_out, 'pemda', 'unit.yaml'), 'w') as f:
        f.write('nama: Pemerintah Kabupaten Contoh\njenis: pemda\n')
    start_hugo_same(hugo_out, args.hugo_nav)
    if hugo_one_out:
        start_hugo_one(hugo_one_out)
    for u in range(1, units + 1):
        unit_id = f'unit-{u:04d}'
        unit_dir = os.path.join(sakip_out, 'pemda', unit_id)
        os.makedirs(os.path.join(unit_dir, 'jabatan'))
        os.makedirs(os.path.join(unit_dir, 'realisasi'))
        unit_name = f'Dinas Contoh {u}'
        with open(os.path.join(unit_dir, 'unit.yaml'), 'w') as f:
            yaml.safe_dump({'nama': unit_name, 'jenis': 'dinas',
                            'pimpinan': 'kepala'}, f, allow_unicode=True)
        same_unit = os.path.join(hugo_out, 'content', 'pemda', unit_id)
        os.makedirs(os.path.join(same_unit, 'jabatan'))
        write_front(os.path.join(same_unit, '_index.md'),
                    {'title': unit_name, 'jenis': 'Dinas'})
        if hugo_one_out:
            one_unit = os.path.join(hugo_one_out, 'content', unit_id)
            os.makedirs(one_unit)
            with open(os.path.join(one_unit, '_index.md'), 'w') as f:
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
            # Hugo has no realisasi files: each indicator carries its four
            # quarters (the same figures) in the jabatan's front matter.
            same_indikator = []
            for ind in indikator:
                values = realisasi[(jabatan_id, ind['id'])]
                same_indikator.append(dict(
                    ind, realisasi=list(values['triwulan'].values()),
                    realisasi_anggaran=list(values['anggaran'].values())))
            write_front(os.path.join(same_unit, 'jabatan', jabatan_id + '.md'),
                        dict(front, title=front['nama'], indikator=same_indikator))
            if hugo_one_out:
                write_front(os.path.join(one_unit, jabatan_id + '.md'),
                            dict(front, title=front['nama']))
        data = {'tahun': 2024, 'jabatan': {}}
        for (jabatan_id, ind_id), values in realisasi.items():
            data['jabatan'].setdefault(jabatan_id, {})[ind_id] = values
        with open(os.path.join(unit_dir, 'realisasi', '2024.yaml'), 'w') as f:
            yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False, width=1000)


# Print pages (IKI sheet, four quarterly reports) are output formats of the
# jabatan page, the documents list one of the unit's list page: one content
# file per jabatan makes its six pages, as one sakip jabatan file does.
HUGO_SAME_CONFIG = """baseURL: https://sakip.example.go.id/
languageCode: id
title: Benchmark SAKIP
disableKinds: [taxonomy, term, RSS]
params:
  tahun: 2024
  dibangun: 1 Januari 2026
  navigasi: {nav}
  navigasi_maks: 12
outputFormats:
  iki: {{mediaType: text/html, baseName: iki, isHTML: true}}
  tw1: {{mediaType: text/html, baseName: laporan-tw1, isHTML: true}}
  tw2: {{mediaType: text/html, baseName: laporan-tw2, isHTML: true}}
  tw3: {{mediaType: text/html, baseName: laporan-tw3, isHTML: true}}
  tw4: {{mediaType: text/html, baseName: laporan-tw4, isHTML: true}}
  dokumen: {{mediaType: text/html, baseName: dokumen, isHTML: true}}
outputs:
  home: [HTML]
  section: [HTML, dokumen]
  page: [HTML, iki, tw1, tw2, tw3, tw4]
"""


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
