#!/usr/bin/python3
"""Validates content files against the JSON Schemas in schema/.

Usage: check_schemas.py SAKIP SOURCE_DIR
Every file of content/ must pass; `sakip new` output must pass; hand-made
bad files must each be rejected. Needs Debian's python3-yaml and
python3-jsonschema (run with /usr/bin/python3).
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

sakip, src = sys.argv[1], sys.argv[2]
failures = []


def check(ok, what):
    print(('ok   ' if ok else 'FAIL ') + what)
    if not ok:
        failures.append(what)


def plain(value):
    """YAML as JSON sees it: dates as text, every key as text."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def document(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if path.endswith('.md'):
        _, front, _ = text.split('---\n', 2)
        text = front
    return plain(yaml.safe_load(text))


def kind(path):
    name = os.path.basename(path)
    parent = os.path.basename(os.path.dirname(path))
    if name == 'site.yaml':
        return 'site'
    if name == 'unit.yaml':
        return 'unit'
    if parent in ('jabatan', 'keputusan', 'realisasi',
                  'perjanjian') and name.endswith(
            ('.md', '.yaml')):
        return parent
    return None


validators = {}
for name in ('site', 'unit', 'jabatan', 'keputusan', 'realisasi',
             'perjanjian'):
    with open(os.path.join(src, 'schema', name + '.schema.json')) as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validators[name] = jsonschema.Draft7Validator(schema)


def errors_of(path, data=None):
    k = kind(path)
    data = document(path) if data is None else data
    return [f'{"/".join(map(str, e.path))}: {e.message}'
            for e in validators[k].iter_errors(data)]


def validate_tree(root, label):
    counts = {}
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(folder, name)
            k = kind(path)
            if not k:
                continue
            counts[k] = counts.get(k, 0) + 1
            problems = errors_of(path)
            check(not problems, f'{label}: {os.path.relpath(path, root)} '
                  + '; '.join(problems[:3]))
    return counts


counts = validate_tree(os.path.join(src, 'content'), 'content')
check(counts.get('jabatan', 0) >= 60 and counts.get('keputusan', 0) >= 1
      and counts.get('realisasi', 0) >= 1 and counts.get('site', 0) >= 2,
      f'every kind of file was validated: {counts}')

# A PK tree written from the spec (content/ has no PK yet).
counts = validate_tree(os.path.join(src, 'tests/data/pk-unseen'), 'pk-unseen')
check(counts.get('perjanjian', 0) == 1, f'a perjanjian file was validated: {counts}')

# What `sakip new` writes passes the schemas too.
work = tempfile.mkdtemp(prefix='sakip-schema-')
try:
    content = os.path.join(work, 'content')
    shutil.copytree(os.path.join(src, 'content'), content)
    for args in (['unit', 'dinas-baru'], ['jabatan', 'dinas-baru', 'kepala'],
                 ['jabatan', 'dinas-baru', 'staf'],
                 ['keputusan', 'dinas-baru', 'iki-2026'],
                 ['perjanjian', 'dinas-baru', '2026']):
        subprocess.run([sakip, 'new', '--content', content] + args,
                       check=True, capture_output=True)
    validate_tree(os.path.join(content, 'dinas-baru'), 'sakip new')
finally:
    shutil.rmtree(work, ignore_errors=True)

# Each mistake is caught by the schema, as by `sakip check`.
jabatan = document(os.path.join(
    src, 'content/pemkab-lumajang/satpol-pp/jabatan/sekretaris.md'))
bad = {
    'unknown key (typo of target)': lambda d: d['indikator'][0].update(taget=1),
    'target that is not a number': lambda d: d['indikator'][0].update(target='seratus'),
    'jenis outside its choices': lambda d: d.update(jenis='kepala'),
    'missing nama': lambda d: d.pop('nama'),
    'invalid indikator id': lambda d: d['indikator'][0].update(id='Surat SOP'),
    'polaritas outside its choices': lambda d: d['indikator'][0].update(polaritas='naik'),
}
for what, change in bad.items():
    data = json.loads(json.dumps(jabatan))
    change(data)
    check(errors_of('x/jabatan/x.md', data) != [], f'rejected: {what}')
check(errors_of('x/realisasi/2022.yaml',
                {'tahun': 2022, 'jabatan': {'a': {'b': {'triwulan': {'V': 1}}}}}) != [],
      'rejected: quarter V')
for what, rtl in {'a Rencana Tindak Lanjut row with a typo': [{'keteranagn': 'x'}],
                  'Rencana Tindak Lanjut as one text': 'x',
                  'a Rencana Tindak Lanjut row without text': [{'kode': '1.05'}]}.items():
    check(errors_of('x/realisasi/2022.yaml',
                    {'tahun': 2022, 'jabatan': {'a': {'b': {
                        'rencana_tindak_lanjut': {'II': rtl}}}}}) != [],
          f'rejected: {what}')
pk = document(os.path.join(
    src, 'tests/data/pk-unseen/pemkab-uji/dinas-uji/perjanjian/2025.yaml'))
bad_pk = {
    'rencana_aksi of three': lambda d: d['jabatan']['sekretaris']['sasaran'][0].update(rencana_aksi=[1, 2, 3]),
    'negative target': lambda d: d['jabatan']['sekretaris']['sasaran'][1].update(target=-1),
    'unknown key in a sasaran': lambda d: d['jabatan']['sekretaris']['sasaran'][1].update(satuann='x'),
    'sasaran without iki nor target': lambda d: d['jabatan']['sekretaris']['sasaran'][1].pop('target'),
    'jenis outside its choices': lambda d: d.update(jenis='awal'),
    'anggaran row without pagu': lambda d: d['jabatan']['sekretaris']['anggaran'][0].pop('pagu'),
}
for what, change in bad_pk.items():
    data = json.loads(json.dumps(pk))
    change(data)
    check(errors_of('x/perjanjian/2025.yaml', data) != [], f'rejected PK: {what}')
check(errors_of('x/site.yaml', {'judul': 'x', 'kertas': 'Letter'}) != [],
      'rejected: kertas Letter')
check(errors_of('x/keputusan/k.md', {'jenis': 'Keputusan Camat'}) != [],
      'rejected: keputusan without nomor, tentang, diktum, ...')

print(f'check_schemas: {len(failures)} failed')
sys.exit(1 if failures else 0)
