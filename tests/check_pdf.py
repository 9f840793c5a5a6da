#!/usr/bin/env python3
"""Checks the PDFs of the printable documents with poppler's tools.

Usage: check_pdf.py SAKIP_BINARY SOURCE_DIR

- The Kanigaran decree: F4 pages (215 x 330 mm, within 1 pt; Chromium rounds
  page sizes to a tenth of a millimetre), every font embedded, and its text
  holds the nomor, every Mengingat item, KESATU..KETIGA, the signer's name
  and formatted NIP, every lampiran jabatan and every indicator; no table
  row is split across pages (each indicator's text is whole on one page).
- A Satpol PP quarterly report holds its capaian and efisiensi rows.
- The same decree from a site with `kertas: A4` has A4 pages.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []
passes = 0


def check(ok, what):
    global passes
    if ok:
        passes += 1
    else:
        failures.append(what)
        print('FAIL:', what)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def norm(text):
    return re.sub(r'\s+', ' ', text).strip()


def pages(pdf):
    return int(re.search(r'Pages:\s+(\d+)', run('pdfinfo', pdf)).group(1))


def page_size(pdf):
    m = re.search(r'Page size:\s+([\d.]+) x ([\d.]+) pts', run('pdfinfo', pdf))
    return float(m.group(1)), float(m.group(2))


def text(pdf, page=None):
    args = ['pdftotext', '-raw']
    if page:
        args += ['-f', str(page), '-l', str(page)]
    return norm(run(*args, pdf, '-'))


def build(content, out, *only):
    args = [sakip, 'build', '--content', content, '--out', out, '--pdf']
    for o in only:
        args += ['--pdf-only', o]
    subprocess.run(args, check=True, capture_output=True)


sakip, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
work = tempfile.mkdtemp(prefix='sakip-pdf-')
try:
    site = os.path.join(work, 'site')
    build(os.path.join(src, 'content'), site, 'keputusan/iki-2024',
          'satpol-pp/laporan/2022-II/sekretaris', 'satpol-pp/perjanjian/2022/')
    root = os.path.join(site, '2024')
    decree = os.path.join(
        root, 'cetak/pemkot-probolinggo/kecamatan-kanigaran/keputusan/iki-2024.pdf')

    w, h = page_size(decree)
    check(abs(w - 609.4) <= 1 and abs(h - 935.4) <= 1, f'F4 page size, got {w} x {h}')
    fonts = run('pdffonts', decree).splitlines()[2:]
    check(fonts and all(line.split()[-5] == 'yes' for line in fonts),
          'every font embedded')

    body = text(decree)
    check('700.1.1.4/54/425.504/2024' in body, 'nomor')
    decree_md = open(os.path.join(
        src, 'content/pemkot-probolinggo/kecamatan-kanigaran/keputusan/iki-2024.md'),
        encoding='utf-8').read()
    mengingat = decree_md.split('mengingat:')[1].split('diktum:')[0]
    items = [norm(line[4:]) for line in mengingat.splitlines() if line.startswith('  - ')]
    check(len(items) == 10, 'ten Mengingat items in the content')
    for item in items:
        check(item[:80] in body, f'Mengingat item: {item[:50]}')
    for word in ('KESATU', 'KEDUA', 'KETIGA', 'MEMUTUSKAN'):
        check(word in body, word)
    check('NOOR ALY, S.H., M.M' in body, 'signer name')
    check('NIP. 19700103 199503 1 001' in body, 'formatted NIP')

    jabatan = json.load(open(os.path.join(root, 'data/jabatan.json')))
    rows = json.load(open(os.path.join(root, 'data/indikator.json')))
    in_decree = lambda unit: unit.startswith('pemkot-probolinggo/kecamatan-kanigaran')
    names = [j['jabatan_nama'] for j in jabatan
             if in_decree(j['unit']) and j['jabatan'] != 'camat']
    indicators = [r['indikator_nama'] for r in rows if in_decree(r['unit'])]
    check(len(names) == 31 and len(indicators) == 95, 'lampiran size')
    for name in names:
        check(norm(name) in body, f'lampiran jabatan {name}')
    page_texts = [text(decree, p) for p in range(1, pages(decree) + 1)]
    for indicator in indicators:
        whole = any(norm(indicator) in t for t in page_texts)
        check(whole, f'indicator whole on one page: {indicator}')

    report = os.path.join(
        root, 'cetak/pemkab-lumajang/satpol-pp/laporan/2022-II/sekretaris.pdf')
    report_text = text(report)
    check('LAPORAN KINERJA TRIWULAN II TAHUN 2022' in report_text, 'report title')
    check('Tabel Cost Per Outcome' in report_text, 'cost per outcome table')
    check('858.000 48,92 % 100 % 63 % 63 % 14,08' in report_text,
          'cost row: spending, serapan, target, realisasi, capaian, efisiensi')
    check('4.176.460.419 2.021.046.397 48,39 %' in report_text, 'second cost row')
    check('AGUS DWI KORANTO, SH, MM' in report_text, 'signer of the report')

    # The two signature blocks stand side by side: the superior's title and
    # the jabatan's are cells of one row, never run together in one line.
    check('KEPALA SATUAN POLISI PAMONG PRAJA SEKRETARIS,' not in report_text,
          'report signature titles not run together')

    # The Perjanjian Kinerja of every reporting Satpol PP jabatan: both
    # names and the budget total (summed here from the PK file) in the text.
    pk_yaml = open(os.path.join(
        src, 'content/pemkab-lumajang/satpol-pp/perjanjian/2022.yaml'),
        encoding='utf-8').read()
    pk_dir = os.path.join(root, 'cetak/pemkab-lumajang/satpol-pp/perjanjian/2022')
    entries = re.split(r'\n  ([a-z0-9-]+):\n', pk_yaml.split('\njabatan:')[1])[1:]
    pk_entries = dict(zip(entries[0::2], entries[1::2]))
    check(len(pk_entries) == 14, f'14 PK entries, got {len(pk_entries)}')
    by_path = {'/' + j['unit'] + '/' + j['jabatan']: j for j in jabatan}
    for jid, entry in pk_entries.items():
        pdf = os.path.join(pk_dir, jid + '.pdf')
        check(os.path.exists(pdf), f'PK PDF of {jid}')
        if not os.path.exists(pdf):
            continue
        body = text(pdf)
        check('PERJANJIAN KINERJA TAHUN 2022' in body, f'PK title of {jid}')
        own = by_path['/pemkab-lumajang/satpol-pp/' + jid]
        for j in (own, by_path[own['atasan']]):
            name = j['pejabat']['nama']
            check(norm(name) in body, f'PK of {jid} names {name}')
        total = sum(int(m) for m in re.findall(r'pagu: (\d+)', entry))
        rupiah = 'Rp ' + f'{total:,}'.replace(',', '.')
        check(rupiah in body, f'PK of {jid} prints the total {rupiah}')
    sekretaris = text(os.path.join(pk_dir, 'sekretaris.pdf'))
    check('Rp 5.224.140.129' in sekretaris, 'Sekretaris PK total as in the seed')
    check(sekretaris.index('PIHAK KEDUA') < sekretaris.index('PIHAK PERTAMA'),
          'pihak kedua left of pihak pertama')

    a4 = os.path.join(work, 'a4')
    shutil.copytree(os.path.join(src, 'content'), a4)
    site_yaml = os.path.join(a4, 'site.yaml')
    text_yaml = open(site_yaml, encoding='utf-8').read().replace('kertas: F4', 'kertas: A4')
    open(site_yaml, 'w', encoding='utf-8').write(text_yaml)
    build(a4, os.path.join(work, 'site-a4'), 'keputusan/iki-2024')
    w, h = page_size(os.path.join(
        work, 'site-a4/2024/cetak/pemkot-probolinggo/kecamatan-kanigaran/keputusan/iki-2024.pdf'))
    check(abs(w - 595.3) <= 1 and abs(h - 841.9) <= 1, f'A4 page size, got {w} x {h}')

    # Without the engine: a clear error, the HTML still published.
    bare = os.path.join(work, 'site-no-engine')
    result = subprocess.run([sakip, 'build', '--content', os.path.join(src, 'content'),
                             '--out', bare, '--pdf', '--pdf-only', 'keputusan/iki-2024'],
                            capture_output=True, text=True, env={'PATH': '/nonexistent'})
    check(result.returncode == 1, f'missing engine exits 1, got {result.returncode}')
    check('PDF engine `chromium` is not installed' in result.stderr, 'missing engine message')
    check(os.path.exists(os.path.join(
        bare, '2024/cetak/pemkot-probolinggo/kecamatan-kanigaran/keputusan/iki-2024.html')),
        'HTML written without the engine')

    # A failed engine loses nothing: after a content change, a build without
    # the engine keeps the previous PDF (and says so by failing).
    a4_pdf = os.path.join(
        work, 'site-a4/2024/cetak/pemkot-probolinggo/kecamatan-kanigaran/keputusan/iki-2024.pdf')
    before = open(a4_pdf, 'rb').read()
    decree_path = os.path.join(a4, 'pemkot-probolinggo/kecamatan-kanigaran/keputusan/iki-2024.md')
    changed = open(decree_path, encoding='utf-8').read().replace(
        '700.1.1.4/54/425.504/2024', '700.1.1.4/99/425.504/2024')
    open(decree_path, 'w', encoding='utf-8').write(changed)
    result = subprocess.run([sakip, 'build', '--content', a4, '--out', os.path.join(work, 'site-a4'),
                             '--pdf', '--pdf-only', 'keputusan/iki-2024'],
                            capture_output=True, text=True, env={'PATH': '/nonexistent'})
    check(result.returncode == 1, f'failed engine exits 1, got {result.returncode}')
    check(os.path.exists(a4_pdf) and open(a4_pdf, 'rb').read() == before,
          'the previous PDF is kept when the engine fails')
    check('99/425.504' in open(a4_pdf[:-4] + '.html', encoding='utf-8').read(),
          'the print HTML is updated')
finally:
    shutil.rmtree(work, ignore_errors=True)

print(f'check_pdf: {passes} passed, {len(failures)} failed')
sys.exit(1 if failures else 0)
