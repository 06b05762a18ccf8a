#!/usr/bin/env python3
"""glossator-cli link, compare and validate on links between articles (issue
12), on copies of the two seed articles: the relation written to A's file
with a reference relative to it, an unknown id refused with nothing written,
a link inside one article, the counts of compare (text and JSON), and a
dangling link reported by validate as a warning, never dropped."""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from glossator_test import Tap, cli, tree  # noqa: E402

tap = Tap()
seeds = os.path.join(os.environ['GLOSSATOR_SHARED_DIR'], 'corpus', 'seeds')
NS = '{https://glossator.github.io/ns/annotations/1}'


def relations(sidecar):
    import xml.etree.ElementTree as ET
    root = ET.parse(sidecar).getroot()
    return root.get('version'), [r.attrib for r in root.iter(NS + 'relation')]


with tempfile.TemporaryDirectory() as tmp:
    os.makedirs(os.path.join(tmp, 'left'))
    os.makedirs(os.path.join(tmp, 'right'))
    a = os.path.join(tmp, 'left', '000.txt')
    b = os.path.join(tmp, 'right', '001.txt')
    shutil.copy(os.path.join(seeds, '000_5b5f6f9e71fb7d34.txt'), a)
    shutil.copy(os.path.join(seeds, '001_e2a903427bd796e1.txt'), b)
    text_a = open(a, encoding='utf-8', newline='').read()
    text_b = open(b, encoding='utf-8', newline='').read()

    def annotate(path, text, quote, category='factual'):
        start = text.index(quote)
        r = cli('annotate', path, '--category', category, '--start', str(start), '--end', str(start + len(quote)))
        tap.check(r.rc == 0, f'annotate “{quote}”', r.diag())
        return r.out.strip()

    a1 = annotate(a, text_a, 'approximately 100 Iranian citizens')
    a2 = annotate(a, text_a, 'all officials involved requested anonymity', 'hedge')
    b1 = annotate(b, text_b, 'around 100 Iranian nationals')
    annotate(b, text_b, 'months of diplomatic negotiations')

    # an unknown id on either side: exit 1, nothing written
    before = tree(tmp)
    for args, what in (([a, 'a-nope', b, b1], 'ID_A'), ([a, a1, b, 'a-nope'], 'ID_B')):
        r = cli('link', *args, '--type', 'contradicts')
        tap.check(r.rc == 1 and 'a-nope' in r.err, f'an unknown {what} is refused with exit 1', r.diag())
        tap.check(tree(tmp) == before, f'an unknown {what}: nothing is written')
    r = cli('link', a, a1, b, b1)
    tap.check(r.rc == 2 and '--type' in r.err, 'without --type: a usage error', r.diag())
    r = cli('link', a, a1, b, b1, '--type', 'not a type')
    tap.check(r.rc == 1 and tree(tmp) == before, 'a type that is no NCName is refused, nothing written', r.diag())

    # across: to="../right/001.txt.annotations.xml#ID", file version 1.1
    r = cli('link', a, a1, b, b1, '--type', 'contradicts')
    tap.check(r.rc == 0 and re.fullmatch(r'r-[0-9a-f-]+', r.out.strip()), 'link prints the new id', r.diag())
    across = r.out.strip()
    version, found = relations(a + '.annotations.xml')
    tap.check(version == '1.1', f'a file with a link is version 1.1 (got {version})')
    tap.check([(x['id'], x['type'], x['from'], x['to']) for x in found]
              == [(across, 'contradicts', a1, '../right/001.txt.annotations.xml#' + b1)],
              'the link names B’s file relative to A’s', found)
    tap.check(relations(b + '.annotations.xml')[1] == [], 'B’s file is not changed')

    # inside one article: SOURCE_B may be SOURCE_A
    r = cli('link', a, a2, a, a1, '--type', 'supports')
    tap.check(r.rc == 0, 'a link inside one article', r.diag())
    found = relations(a + '.annotations.xml')[1]
    tap.check(any(x['from'] == a2 and x['to'] == a1 and x['type'] == 'supports' for x in found),
              'inside one article, to is a plain id', found)

    # list --json gives the to as written
    r = cli('list', '--json', a)
    listed = json.loads(r.out)['relations'] if r.rc == 0 else []
    tap.check(any(x['to'] == '../right/001.txt.annotations.xml#' + b1 for x in listed),
              'list --json gives the reference as written', r.diag())

    # compare: per category, annotations, linked, only here, by type
    r = cli('compare', a, b)
    tap.check(r.rc == 0, 'compare', r.diag())
    lines = r.out.splitlines()
    tap.check(lines == [a, '\tfactual\t1\t1\t0\tcontradicts=1', '\thedge\t1\t0\t1\t',
                        b, '\tfactual\t2\t1\t1\tcontradicts=1'], 'compare counts per category', lines)
    r = cli('compare', '--json', b, a)
    data = json.loads(r.out) if r.rc == 0 else {}
    cats = [x['categories'] for x in data.get('articles', [])]
    tap.check(cats == [{'factual': {'annotations': 2, 'linked': 1, 'only_here': 1, 'by_type': {'contradicts': 1}}},
                       {'factual': {'annotations': 1, 'linked': 1, 'only_here': 0, 'by_type': {'contradicts': 1}},
                        'hedge': {'annotations': 1, 'linked': 0, 'only_here': 1, 'by_type': {}}}],
              'compare --json, the link counted from B’s side too', r.diag())

    # the exports carry the links
    rel_csv = os.path.join(tmp, 'relations.csv')
    ann_csv = os.path.join(tmp, 'annotations.csv')
    r = cli('export', '--format', 'csv', '--relations', rel_csv, '-o', ann_csv, a, b)
    tap.check(r.rc == 0 and os.path.exists(ann_csv), 'export --format csv --relations', r.diag())
    rows = list(csv.DictReader(open(rel_csv, encoding='utf-8', newline=''))) if r.rc == 0 else []
    by_id = {row['id']: row for row in rows}
    tap.check(len(rows) == 2 and set(by_id) >= {across}, 'one row per relation of both articles', rows)
    row = by_id.get(across, {})
    tap.check((row.get('document'), row.get('type'), row.get('from'), row.get('from exact'),
               row.get('to document'), row.get('to id'), row.get('to category'), row.get('to exact'),
               row.get('state'))
              == ('000.txt', 'contradicts', a1, 'approximately 100 Iranian citizens', '001.txt', b1,
                  'factual', 'around 100 Iranian nationals', 'ok'),
              'the link’s row has both quotes, read from the other article’s file', row)
    for fmt, extra, what in (('tei', [], 'with TEI'), ('csv', ['-o', rel_csv], 'into the file of -o'),
                             ('csv', ['-o', os.path.join(tmp, '.', 'relations.csv')], 'into -o spelt otherwise')):
        before = tree(tmp)
        r = cli('export', '--format', fmt, '--relations', rel_csv, *extra, a)
        tap.check(r.rc == 2 and '--relations' in r.err and tree(tmp) == before,
                  f'--relations {what} is a usage error, nothing written', r.diag())

    for victim, what in ((a, 'an article it reads'), (a + '.annotations.xml', 'an annotation file')):
        before = tree(tmp)
        r = cli('export', '--format', 'csv', '--relations', victim, '-o', ann_csv, a, b)
        tap.check(r.rc == 2 and tree(tmp) == before, f'--relations over {what}: a usage error, nothing written',
                  r.diag())

    r = cli('export', '--format', 'tei', a)
    tei = r.out if r.rc == 0 else ''
    links = re.findall(r'<link [^>]*>', tei)
    tap.check(len(links) == 1 and 'type="contradicts"' in links[0]
              and ('../right/001.txt.annotations.xml#%s"' % b1) in links[0]
              and re.search(r'target="#[^ "]+ \.\./right/', links[0]),
              'TEI: the link points at the seg and at the annotation in B’s file', links)
    rng = os.path.join(os.environ['GLOSSATOR_SHARED_DIR'], 'schemas', 'tei_all.rng')
    tei_file = os.path.join(tmp, 'a.tei.xml')
    open(tei_file, 'w', encoding='utf-8').write(tei)
    v = subprocess.run(['xmllint', '--noout', '--nonet', '--relaxng', rng, tei_file],
                       capture_output=True, text=True)
    tap.check(v.returncode == 0, 'TEI with a link to another article is valid TEI P5', v.stderr[-2000:])

    r = cli('export', '--format', 'webanno', a)
    items = json.loads(r.out)['first']['items'] if r.rc == 0 else []
    link = [i for i in items if i['id'].endswith('#' + across)]
    tap.check(len(link) == 1 and link[0]['motivation'] == 'linking'
              and [t.rpartition('#')[2] for t in link[0]['target']] == [a1, b1]
              and link[0]['target'][1] == '../right/001.txt.annotations.xml#' + b1,
              'W3C: the link is an annotation whose targets are both annotations', link)

    r = cli('export', '--format', 'inline', a)
    tap.check(r.rc == 0 and ('to="../right/001.txt.annotations.xml#%s"' % b1) in r.out,
              'inline: the link keeps the reference to B’s file', r.diag())

    # validate follows the link: fine, then dangling (annotation, then file)
    r = cli('validate', a)
    tap.check(r.rc == 0 and 'warning' not in r.err, 'validate: a link that resolves gives no warning', r.diag())
    sidecar_b = b + '.annotations.xml'
    s = open(sidecar_b, encoding='utf-8').read()
    s = re.sub(r'<annotation id="%s".*?</annotation>' % re.escape(b1), '', s, flags=re.S)
    open(sidecar_b, 'w', encoding='utf-8').write(s)
    r = cli('validate', a)
    tap.check(r.rc == 0 and 'warning' in r.err and across in r.err and 'no such annotation' in r.err,
              'validate: a link to a deleted annotation is a warning, exit 0', r.diag())
    os.unlink(sidecar_b)
    r = cli('validate', a)
    tap.check(r.rc == 0 and 'cannot be read' in r.err, 'validate: a link to a missing file is a warning, exit 0',
              r.diag())
    tap.check(across in [x['id'] for x in relations(a + '.annotations.xml')[1]], 'the dangling link is kept')
    r = cli('export', '--format', 'csv', '--relations', rel_csv, '-o', ann_csv, a)
    rows = list(csv.DictReader(open(rel_csv, encoding='utf-8', newline=''))) if r.rc == 0 else []
    row = {x['id']: x for x in rows}.get(across, {})
    tap.check(row.get('state') == 'no-file' and row.get('to exact') == '' and row.get('to id') == b1,
              'CSV: a dangling link keeps its row, marked no-file', rows)

tap.finish()
