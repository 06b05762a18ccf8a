#!/usr/bin/env python3
"""End-to-end tests of `glossator-cli export` and `import` (issue 4).

Every expectation is computed here, independently of the program: offsets
and quotes by FORMAT.md §1 (Python's decoded text, code points,
newline=''), brat offsets by brat's own reading (UTF-8 with a BOM as
character 0, universal newlines), SemEval offsets as the corpus README says
(code points of the file decoded as UTF-8, BOM included), sidecars parsed
with xml.etree, CSV with the csv module (and pandas when it is installed),
JSON-LD with the json module.  The quotes of every sidecar the program
writes are checked by tests/check-quotes.py.

Run by meson with GLOSSATOR_CLI, GLOSSATOR_SOURCE_ROOT and
GLOSSATOR_SHARED_DIR in the environment; the checks on the shared corpus
are skipped without it.  Prints TAP.  Python 3 standard library only.
"""

import collections
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from glossator_test import CHECK_QUOTES, CLI, ENV, ROOT, Result, Tap, check_quotes, cli  # noqa: F401

NS = 'https://glossator.github.io/ns/annotations/1'
INLINE_NS = 'https://glossator.github.io/ns/annotated-text/1'
SIDECAR_SUFFIX = '.annotations.xml'
CONTEXT = 32
GUARDED = ('=', '+', '-', '@', '\t', '\r', "'")

SHARED = os.environ.get('GLOSSATOR_SHARED_DIR') or ''
TEXTS = os.path.join(ROOT, 'tests', 'data', 'texts')
FORMATS = os.path.join(ROOT, 'tests', 'data', 'formats')


def q(name, ns=NS):
    return '{%s}%s' % (ns, name)


# ---------------------------------------------------------------- TAP ----


T = Tap()


# ------------------------------------------------------------ helpers ----



def file_bytes(path):
    try:
        with open(path, 'rb') as f:
            return f.read()
    except FileNotFoundError:
        return None


def read_text(path):
    """FORMAT.md §1: UTF-8, a leading BOM is not part of the text."""
    with open(path, 'rb') as f:
        data = f.read()
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    return data.decode('utf-8')


def decode_as(path, encoding):
    """FORMAT.md §5, with the encoding tests/data/texts/MANIFEST.tsv names."""
    with open(path, 'rb') as f:
        data = f.read()
    enc = encoding.upper()
    boms = {'UTF-8': b'\xef\xbb\xbf', 'UTF-16LE': b'\xff\xfe', 'UTF-16BE': b'\xfe\xff'}
    if enc in boms and data.startswith(boms[enc]):
        data = data[len(boms[enc]):]
    return data.decode({'UTF-16LE': 'utf-16-le', 'UTF-16BE': 'utf-16-be',
                        'WINDOWS-1252': 'cp1252'}.get(enc, enc))


def brat_text(path):
    """The text as brat reads it: UTF-8 with a BOM kept as character 0,
    universal newlines (a CRLF or a lone CR is one "\\n")."""
    with open(path, encoding='utf-8', newline=None) as f:
        return f.read()


def brat_offsets(path):
    """For each Glossator offset (FORMAT.md §1) the brat offset."""
    with open(path, 'rb') as f:
        data = f.read()
    bom = 1 if data.startswith(b'\xef\xbb\xbf') else 0
    text = read_text(path)
    out = []
    folded = 0
    i = 0
    while i < len(text):
        out.append(folded + bom)
        if text[i] == '\r' and i + 1 < len(text) and text[i + 1] == '\n':
            out.append(folded + bom + 1)   # between CR and LF
            i += 2
        else:
            i += 1
        folded += 1
    out.append(folded + bom)
    return out


def fresh_dir(base, name):
    path = os.path.join(base, name)
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)
    return path


def copy(src, dir, name=None):
    dst = os.path.join(dir, name or os.path.basename(src))
    shutil.copyfile(src, dst)
    return dst


def parse_sidecar(path):
    """What a sidecar says, as plain Python values."""
    root = ET.parse(path).getroot()
    doc = {'note': None, 'categories': {}, 'annotations': [], 'relations': []}
    cb = root.find(q('codebook'))

    def walk(node, parent):
        for c in node.findall(q('category')):
            labels = {l.get('{http://www.w3.org/XML/1998/namespace}lang'): l.text or ''
                      for l in c.findall(q('label'))}
            doc['categories'][c.get('id')] = {
                'name': c.get('name'), 'parent': parent, 'labels': labels,
                'original': c.get('name') or c.get('id')}
            walk(c, c.get('id'))
    if cb is not None:
        walk(cb, None)
    note = root.find(q('note'))
    if note is not None:
        doc['note'] = note.text or ''
    for a in root.findall(q('annotation')):
        n = a.find(q('note'))
        doc['annotations'].append({
            'id': a.get('id'), 'category': a.get('category'),
            'annotator': a.get('annotator'), 'created': a.get('created'),
            'modified': a.get('modified'),
            'targets': [(int(t.get('start')), int(t.get('end'))) for t in a.findall(q('target'))],
            'note': (n.text or '') if n is not None else None,
            'attributes': [(x.get('name'), x.text or '') for x in a.findall(q('attribute'))],
        })
    for r in root.findall(q('relation')):
        doc['relations'].append((r.get('id'), r.get('type'), r.get('from'), r.get('to')))
    return doc


def report_counts(out):
    """"  label: N" lines of an import report, by section."""
    counts = {'Imported:': {}, 'Not imported:': {}}
    section = None
    for line in out.splitlines():
        if line in counts:
            section = counts[line]
        elif section is not None and line.startswith('  '):
            label, _, n = line.strip().rpartition(': ')
            section[label] = int(n)
    return counts


# --------------------------------------------------------------- brat ----

def parse_ann(text):
    """brat lines as tuples; ids replaced by what they name, so that two
    files that number their annotations differently compare equal."""
    lines = [l for l in text.split('\n') if l.strip() != '']
    spans = {}
    kinds = {}
    triggers = {}
    for l in lines:
        f = l.split('\t')
        kinds[f[0]] = f[0][0]
        if f[0].startswith('T'):
            typ, _, offsets = f[1].partition(' ')
            spans[f[0]] = (typ, offsets)
        elif f[0].startswith('E'):
            triggers[f[0]] = f[1].split(' ')[0].split(':')[1]
    modelled = collections.Counter()
    other = collections.Counter()
    for l in lines:
        f = l.split('\t')
        k = f[0][0]
        if k == 'T':
            modelled[('T', spans[f[0]][0], spans[f[0]][1], f[2] if len(f) > 2 else '')] += 1
        elif k in 'AM':
            words = f[1].split(' ')
            target = words[1]
            if kinds.get(target) == 'T':
                modelled[('A', words[0], spans[target], ' '.join(words[2:]) or None)] += 1
            else:
                other['A on ' + kinds.get(target, '?')] += 1
        elif k == 'R':
            words = f[1].split(' ')
            a1 = words[1].split(':')[1]
            a2 = words[2].split(':')[1]
            if kinds.get(a1) == 'T' and kinds.get(a2) == 'T':
                modelled[('R', words[0], spans[a1], spans[a2])] += 1
            else:
                other['R on events'] += 1
        elif k == '#':
            typ, target = f[1].split(' ')
            if kinds.get(target) == 'T':
                modelled[('#', typ, spans[target], f[2] if len(f) > 2 else '')] += 1
            else:
                other['# on ' + kinds.get(target, '?')] += 1
        else:
            other[k] += 1
    return modelled, other


# What the import report calls each kind of line it does not model.
REPORT_LABELS = {
    'E': 'events (E)',
    'N': 'normalisations (N)',
    '*': 'equivalences (*)',
    'A on E': 'attributes of events (A)',
    '# on E': 'notes on events (#)',
    '# on R': 'notes on relations or other notes (#)',
    'R on events': 'relations between events or relations (R)',
}


def check_brat_pair(tmp, txt, ann, name):
    """Imports one .txt/.ann pair, checks the quotes and offsets, exports it
    again and compares the T, A, R and # lines; returns a failure or None."""
    work = fresh_dir(tmp, 'brat-' + re.sub(r'[^A-Za-z0-9]', '_', name))
    src = copy(txt, work, 'doc.txt')
    original = open(ann, encoding='utf-8', newline='').read()
    copy(ann, work, 'doc.ann')
    r = cli('import', '--format', 'brat', src)
    if r.rc != 0:
        return ['import failed'] + r.diag()
    counts = report_counts(r.out)
    modelled, other = parse_ann(original)

    n_t = sum(n for key, n in modelled.items() if key[0] == 'T')
    sidecar = src + SIDECAR_SUFFIX
    if n_t > 0:
        ok, diag = check_quotes(sidecar)
        if not ok:
            return ['quotes of the imported annotations'] + diag

        # every T, by its type and brat offsets, read back from the sidecar
        doc = parse_sidecar(sidecar)
        g2b = brat_offsets(src)
        folded = brat_text(src)
        have = collections.Counter()
        for a in doc['annotations']:
            typ = doc['categories'].get(a['category'], {}).get('original', a['category'])
            offsets = ';'.join('%d %d' % (g2b[s], g2b[e]) for s, e in a['targets'])
            have[(typ, offsets)] += 1
        want = collections.Counter((key[1], key[2]) for key, n in modelled.items()
                                   for _ in range(n) if key[0] == 'T')
        if have != want:
            return ['T spans in the sidecar differ', 'missing: %r' % (want - have),
                    'extra: %r' % (have - want)]
        for key in modelled:
            if key[0] != 'T':
                continue
            text = ' '.join(folded[int(s):int(e)] for s, e in
                            (p.split(' ') for p in key[2].split(';')))
            if text.replace('\n', ' ').replace('\t', ' ') != key[3]:
                return ['the brat text of %r is not the text at its offsets: %r' % (key, text)]

    # what was not modelled is reported with its count
    for kind, n in other.items():
        label = REPORT_LABELS.get(kind, kind)
        got = sum(v for k, v in counts['Not imported:'].items() if k.startswith(label))
        if got != n:
            return ['%d lines of kind %r, the report says %d' % (n, kind, got), r.out]

    r = cli('export', '--format', 'brat', src)
    if r.rc != 0:
        return ['export failed'] + r.diag()
    exported, exported_other = parse_ann(r.out)
    if exported != modelled:
        return ['the exported lines differ',
                'missing: %r' % list((modelled - exported).items())[:10],
                'extra: %r' % list((exported - modelled).items())[:10]]
    if exported_other:
        return ['the export has lines of kinds %r' % dict(exported_other)]

    # the same file again adds nothing and writes nothing
    before = file_bytes(sidecar)
    r = cli('import', '--format', 'brat', src)
    if r.rc != 0 or file_bytes(sidecar) != before:
        return ['a second import changed the annotations'] + r.diag()
    if report_counts(r.out)['Imported:'].get('annotations', 0) != 0:
        return ['a second import imported annotations'] + r.diag()
    return None


def test_brat_fixtures(tmp):
    for name in ('crlf', 'bom'):
        txt = os.path.join(FORMATS, 'brat', name + '.txt')
        ann = os.path.join(FORMATS, 'brat', name + '.ann')
        problem = check_brat_pair(tmp, txt, ann, name)
        T.check(problem is None, 'brat %s.txt: import, offsets, quotes, export, import again' % name,
                problem or ())


def brat_corpus_pairs():
    top = os.path.join(SHARED, 'corpus', 'brat-example-data', 'example-data')
    pairs = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith('.ann') and os.path.exists(os.path.join(dirpath, f[:-4] + '.txt')):
                pairs.append((os.path.join(dirpath, f[:-4] + '.txt'), os.path.join(dirpath, f),
                              os.path.relpath(os.path.join(dirpath, f[:-4]), top)))
    return pairs


def test_brat_corpus(tmp):
    if not SHARED or not os.path.isdir(os.path.join(SHARED, 'corpus', 'brat-example-data')):
        T.skip('brat example data: round trip', 'no shared corpus')
        return
    pairs = brat_corpus_pairs()
    T.check(len(pairs) == 32, 'the brat sample has 32 .txt/.ann pairs', ['found %d' % len(pairs)])
    for txt, ann, name in pairs:
        problem = check_brat_pair(tmp, txt, ann, name)
        T.check(problem is None, 'brat %s: T, A, R and # lines survive import and export' % name,
                problem or ())


# ------------------------------------------------------------ SemEval ----

def test_semeval(tmp):
    top = os.path.join(SHARED, 'corpus', 'semeval2020-task11-ptc', 'datasets') if SHARED else ''
    if not top or not os.path.isdir(top):
        T.skip('SemEval-2020 task 11: 30 articles', 'no shared corpus')
        return
    labels_dir = os.path.join(top, 'train-labels-task2-technique-classification')
    articles = sorted(f for f in os.listdir(os.path.join(top, 'train-articles')) if f.endswith('.txt'))
    T.check(len(articles) == 30, 'the SemEval sample has 30 articles', ['found %d' % len(articles)])
    total = 0
    for article in articles:
        aid = article[len('article'):-len('.txt')]
        labels = os.path.join(labels_dir, 'article%s.task2-TC.labels' % aid)
        work = fresh_dir(tmp, 'semeval-' + aid)
        src = copy(os.path.join(top, 'train-articles', article), work)
        r = cli('import', '--format', 'semeval', src, labels)
        problems = [] if r.rc == 0 else ['import failed'] + r.diag()

        lines = [l for l in open(labels, encoding='utf-8', newline='').read().split('\n') if l.strip()]
        total += len(lines)
        # the corpus's reading: UTF-8, the BOM is character 0
        with open(src, encoding='utf-8', newline='') as f:
            corpus_text = f.read()
        bom = 1 if corpus_text.startswith('\ufeff') else 0
        sidecar = src + SIDECAR_SUFFIX
        if not problems and lines:
            ok, diag = check_quotes(sidecar)
            if not ok:
                problems += ['quotes'] + diag
            doc = parse_sidecar(sidecar)
            text = read_text(src)
            have = collections.Counter()
            for a in doc['annotations']:
                s, e = a['targets'][0]
                have[(doc['categories'][a['category']]['original'], s + bom, e + bom, text[s:e])] += 1
            want = collections.Counter()
            for l in lines:
                _, technique, s, e = l.split('\t')
                want[(technique, int(s), int(e), corpus_text[int(s):int(e)])] += 1
            if have != want:
                problems += ['the quotes differ from the corpus reading',
                             'missing: %r' % list((want - have).items())[:5],
                             'extra: %r' % list((have - want).items())[:5]]
        if not problems:
            r = cli('export', '--format', 'semeval', src)
            exported = sorted(l for l in r.out.split('\n') if l)
            if r.rc != 0 or exported != sorted(lines):
                problems += ['the export differs from the label file'] + r.diag(800)
        T.check(not problems, 'SemEval article %s: %d labels, quotes, export as a multiset' % (aid, len(lines)),
                problems)
    T.check(total == 947, 'the SemEval sample has 947 technique spans', ['found %d' % total])


# ----------------------------------------------------------- CSV/JSON ----

def annotated_fixtures(tmp, name):
    """tests/data/formats/csv/tricky.txt and brat/crlf.txt, annotated by
    importing their brat files, plus a document note."""
    work = fresh_dir(tmp, name)
    sources = []
    for sub, base in (('csv', 'tricky'), ('brat', 'crlf')):
        src = copy(os.path.join(FORMATS, sub, base + '.txt'), work)
        copy(os.path.join(FORMATS, sub, base + '.ann'), work)
        r = cli('import', '--format', 'brat', '--annotator', 'Ada, "the" =Countess', src)
        if r.rc != 0:
            raise RuntimeError('\n'.join(r.diag()))
        sources.append(src)
    return work, sources


def unguard(value):
    return value[1:] if value.startswith("'") else value


def test_csv(tmp):
    work, sources = annotated_fixtures(tmp, 'csv')
    out = os.path.join(work, 'all.csv')
    r = cli('export', '--format', 'csv', '-o', out, *sources)
    if not T.check(r.rc == 0 and os.path.exists(out), 'CSV export of two documents into one file', r.diag()):
        return
    raw = open(out, 'rb').read()
    T.check(not raw.startswith(b'\xef\xbb\xbf') and b'\r\n' in raw,
            'CSV: UTF-8 without BOM, CRLF record separators')
    with open(out, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    header = ['document', 'id', 'category', 'category label', 'start', 'end', 'exact',
              'prefix', 'suffix', 'note', 'annotator', 'created', 'modified']
    T.check(rows[0] == header, 'CSV header', [rows[0]])

    want = []
    for src in sources:
        doc = parse_sidecar(src + SIDECAR_SUFFIX)
        text = read_text(src)
        for a in doc['annotations']:
            labels = doc['categories'].get(a['category'], {}).get('labels', {})
            for s, e in a['targets']:
                want.append([os.path.basename(src), a['id'], a['category'],
                             labels.get(None, a['category']), str(s), str(e), text[s:e],
                             text[max(0, s - CONTEXT):s], text[e:e + CONTEXT],
                             a['note'] or '', a['annotator'] or '', a['created'] or '',
                             a['modified'] or ''])
    have = [[unguard(v) for v in row] for row in rows[1:]]
    T.check(sorted(have) == sorted(want), 'CSV rows read back with csv equal the documents (%d rows)' % len(want),
            ['first difference: %r' % (next(((h, w) for h, w in zip(sorted(have), sorted(want)) if h != w), None),),
             'rows: %d, expected %d' % (len(have), len(want))])
    dangerous = [v for row in rows[1:] for v in row if v[:1] in ('=', '+', '-', '@', '\t', '\r')]
    T.check(not dangerous, 'CSV: no cell starts with = + - @ tab or CR', dangerous[:5])
    T.check(any(row[6] == '=SUM(A1:A9)' for row in have) and any(row[9].startswith('=HYPERLINK') for row in have),
            'CSV: a leading = comes back after removing the guard apostrophe')
    T.check(any(row[6] == "'Apostrophe first" for row in have),
            'CSV: a value that starts with an apostrophe comes back with it')

    # pandas, in this interpreter or in Debian's (python3-pandas)
    reader = ("import json, sys, pandas\n"
              "frame = pandas.read_csv(sys.argv[1], dtype=str, keep_default_na=False, encoding='utf-8')\n"
              "print(json.dumps(frame.values.tolist()))\n")
    interpreters = [sys.executable] + ([p] if (p := shutil.which('python3', path='/usr/bin')) else [])
    rows_read = None
    for interpreter in interpreters:
        r = subprocess.run([interpreter, '-c', reader, out], capture_output=True, text=True)
        if r.returncode == 0:
            rows_read = json.loads(r.stdout)
            break
    if rows_read is None:
        T.skip('CSV read back with pandas.read_csv', 'pandas is not installed')
    else:
        values = [[unguard(v) for v in row] for row in rows_read]
        T.check(sorted(values) == sorted(want), 'CSV read back with pandas.read_csv equals the documents')

    # LibreOffice Calc reads the file (every column as text, UTF-8, comma,
    # double quotes), and writes what it read back out as CSV
    soffice = shutil.which('soffice')
    if soffice is None:
        T.skip('CSV read back with LibreOffice Calc', 'LibreOffice is not installed (libreoffice-calc-nogui)')
    else:
        calc_dir = os.path.join(tmp, 'calc')
        os.makedirs(calc_dir, exist_ok=True)
        text_columns = '/'.join('%d/2' % (i + 1) for i in range(len(header)))
        r = subprocess.run([soffice, '--headless', '--norestore',
                            '-env:UserInstallation=file://' + os.path.join(tmp, 'calc-profile'),
                            '--infilter=CSV:44,34,76,1,' + text_columns,
                            '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true',
                            '--outdir', calc_dir, out],
                           capture_output=True, text=True, timeout=180)
        written = os.path.join(calc_dir, 'all.csv')
        if T.check(r.returncode == 0 and os.path.exists(written), 'LibreOffice Calc opens the CSV export',
                   [r.stdout, r.stderr]):
            with open(written, encoding='utf-8', newline='') as f:
                calc_rows = list(csv.reader(f))
            # a Calc cell keeps its line breaks as LF: a CR in a field
            # (from CRLF text) comes back as one
            def calc_cell(v):
                return v.replace('\r\n', '\n').replace('\r', '\n')
            values = [[unguard(v) for v in row] for row in calc_rows[1:]]
            want_calc = [[calc_cell(v) for v in row] for row in want]
            T.check(calc_rows[0] == header and sorted(values) == sorted(want_calc),
                    'CSV read back with LibreOffice Calc equals the documents (line breaks as LF)',
                    ['first difference: %r' % (next(((h, w) for h, w in zip(sorted(values), sorted(want_calc)) if h != w), None),)])


def test_webanno(tmp):
    work, sources = annotated_fixtures(tmp, 'webanno')
    for src in sources:
        r = cli('export', '--format', 'webanno', src)
        try:
            data = json.loads(r.out)
        except ValueError as e:
            T.check(False, 'JSON-LD export of %s parses' % os.path.basename(src), r.diag() + [str(e)])
            continue
        doc = parse_sidecar(src + SIDECAR_SUFFIX)
        text = read_text(src)
        items = data['first']['items']
        problems = []
        if data.get('@context') != 'http://www.w3.org/ns/anno.jsonld' or data.get('type') != 'AnnotationCollection':
            problems.append('not an AnnotationCollection with the Web Annotation context')
        if data.get('total') != len(items):
            problems.append('total %r but %d items' % (data.get('total'), len(items)))
        by_id = {item['id'].rpartition('#')[2]: item for item in items}
        for a in doc['annotations']:
            item = by_id.get(a['id'])
            if item is None:
                problems.append('no item for %s' % a['id'])
                continue
            bodies = item['body']
            classifying = [b['value'] for b in bodies if b.get('purpose') == 'classifying']
            commenting = [b['value'] for b in bodies if b.get('purpose') == 'commenting']
            if classifying != [doc['categories'][a['category']]['original']]:
                problems.append('%s: category %r' % (a['id'], classifying))
            if commenting != ([a['note']] if a['note'] else []):
                problems.append('%s: note %r' % (a['id'], commenting))
            targets = item['target'] if isinstance(item['target'], list) else [item['target']]
            got = []
            for t in targets:
                sel = {s['type']: s for s in t['selector']}
                pos, quote = sel['TextPositionSelector'], sel['TextQuoteSelector']
                s, e = pos['start'], pos['end']
                if quote['exact'] != text[s:e] or quote['prefix'] != text[max(0, s - CONTEXT):s] or \
                        quote['suffix'] != text[e:e + CONTEXT]:
                    problems.append('%s: quote %r at %d–%d' % (a['id'], quote, s, e))
                got.append((s, e))
            if got != a['targets']:
                problems.append('%s: positions %r, not %r' % (a['id'], got, a['targets']))
        links = [(i['id'].rpartition('#')[2], [b for b in i['body'] if b.get('purpose') == 'tagging'][0]['value'],
                  i['target'][0].rpartition('#')[2],
                  [b for b in i['body'] if b.get('purpose') == 'linking'][0]['id'].rpartition('#')[2])
                 for i in items if i.get('motivation') == 'linking']
        for i in items:
            if i.get('motivation') == 'linking':
                linked = [b for b in i['body'] if b.get('purpose') == 'linking'][0]['id']
                if not isinstance(i['target'], list) or i['target'][1:] != [linked]:
                    problems.append('%s: targets %r are not both ends' % (i['id'], i['target']))
        if sorted(links) != sorted(doc['relations']):
            problems.append('relations %r, not %r' % (links, doc['relations']))
        T.check(not problems, 'JSON-LD of %s read back with json equals the document (%d annotations)'
                % (os.path.basename(src), len(doc['annotations'])), problems[:10])


# ------------------------------------------------------------- inline ----

def inline_text(node):
    """The text of <text>: its text nodes, each <c cp> as its character."""
    out = [node.text or '']
    for child in node:
        if child.tag == q('c', INLINE_NS):
            out.append(chr(int(child.get('cp'))))
        elif child.tag == q('s', INLINE_NS):
            out.append(inline_text(child))
        out.append(child.tail or '')
    return ''.join(out)


def inline_pieces(text_node):
    """(offset, length, ids or None) of each piece of <text>."""
    pieces = []
    offset = 0

    def add(s, ids):
        nonlocal offset
        if s:
            pieces.append((offset, len(s), ids))
            offset += len(s)
    add(text_node.text or '', None)
    for child in text_node:
        if child.tag == q('s', INLINE_NS):
            s = inline_text(child)
            if int(child.get('o')) != offset:
                raise ValueError('o="%s" but the piece starts at %d' % (child.get('o'), offset))
            pieces.append((offset, len(s), frozenset(child.get('a').split())))
            offset += len(s)
        else:
            add(chr(int(child.get('cp'))), None)
        add(child.tail or '', None)
    return pieces


def annotate_texts(work, src, length):
    """A few annotations of every shape, with the CLI."""
    spans = [(0, min(5, length)), (length // 3, length // 2), (length // 4, 2 * length // 3),
             (length // 4, 2 * length // 3), (max(0, length - 1), length), (1, length)]
    for i, (s, e) in enumerate(spans):
        if s < e:
            r = cli('annotate', '-c', ['factual', 'opinion', 'hedge'][i % 3], '-s', s, '-e', e,
                    '-n', 'note %d, "quoted"\nline' % i if i % 2 else 'x', '-a', 'Tester', src)
            if r.rc != 0:
                raise RuntimeError('\n'.join(r.diag()))


def test_inline(tmp):
    manifest = [l.split('\t') for l in open(os.path.join(TEXTS, 'MANIFEST.tsv'), encoding='utf-8').read().splitlines()[1:] if l]
    cases = [(os.path.join(TEXTS, row[0]), row[1]) for row in manifest if row[-1] == 'ok']
    cases += [(os.path.join(FORMATS, 'brat', 'crlf.txt'), 'UTF-8'), (os.path.join(FORMATS, 'csv', 'tricky.txt'), 'UTF-8')]
    if SHARED and os.path.isdir(os.path.join(SHARED, 'corpus', 'seeds')):
        seeds = os.path.join(SHARED, 'corpus', 'seeds')
        cases += [(os.path.join(seeds, f), 'UTF-8') for f in sorted(os.listdir(seeds)) if f.endswith('.txt')]
    for path, encoding in cases:
        name = os.path.basename(path)
        work = fresh_dir(tmp, 'inline-' + name)
        src = copy(path, work)
        text = decode_as(path, encoding)
        annotate_texts(work, src, len(text))
        out = os.path.join(work, 'export.xml')
        r = cli('export', '--format', 'inline', '-o', out, src)
        problems = [] if r.rc == 0 else r.diag()
        if not problems:
            root = ET.parse(out).getroot()
            text_node = root.find(q('text', INLINE_NS))
            if root.tag != q('annotated-text', INLINE_NS) or root.get('version') != '1.0' or \
                    root.get('source') != name:
                problems.append('root %r %r' % (root.tag, root.attrib))
            rebuilt = inline_text(text_node)
            if rebuilt != text:
                problems.append('the text differs from the decoded source: %r != %r' % (rebuilt[:200], text[:200]))
            doc = parse_sidecar(src + SIDECAR_SUFFIX) if os.path.exists(src + SIDECAR_SUFFIX) else \
                {'annotations': [], 'relations': [], 'note': None, 'categories': {}}
            bounds = set()
            for a in doc['annotations']:
                for s, e in a['targets']:
                    bounds.update((s, e))
            try:
                for offset, length, ids in inline_pieces(text_node):
                    covering = frozenset(a['id'] for a in doc['annotations']
                                         if any(s <= offset < e for s, e in a['targets']))
                    if (ids or frozenset()) != covering:
                        problems.append('the piece at %d names %r, but %r cover it' % (offset, ids, covering))
                    if ids and any(offset < b < offset + length for b in bounds):
                        problems.append('the piece at %d is not cut at a target boundary' % offset)
            except ValueError as e:
                problems.append(str(e))
            # and back: the same annotations in a fresh copy
            back = fresh_dir(tmp, 'inline-back-' + name)
            copy(path, back)
            r = cli('import', '--format', 'inline', '--replace', os.path.join(back, name), out)
            if r.rc != 0:
                problems += ['import'] + r.diag()
            elif doc['annotations']:
                again = parse_sidecar(os.path.join(back, name) + SIDECAR_SUFFIX)
                for key in ('annotations', 'relations', 'note', 'categories'):
                    if sorted(map(repr, again[key])) != sorted(map(repr, doc[key])) if isinstance(doc[key], list) \
                            else again[key] != doc[key]:
                        problems.append('%s differ after export and import' % key)
        T.check(not problems, 'inline %s: the text code point for code point, pieces, and back' % name, problems[:8])


# ---------------------------------------------------------- bad input ----

def test_bad_inputs(tmp):
    manifest = os.path.join(FORMATS, 'bad', 'MANIFEST.tsv')
    rows = [l.split('\t') for l in open(manifest, encoding='utf-8').read().splitlines()
            if l and not l.startswith('#')][1:]
    for file, fmt, lines, message in rows:
        work = fresh_dir(tmp, 'bad-' + os.path.basename(file))
        src = copy(os.path.join(FORMATS, 'bad', 'article.txt'), work)
        bad = copy(os.path.join(FORMATS, file), work)
        sidecar = src + SIDECAR_SUFFIX

        # without annotations: no file appears
        r = cli('import', '--format', fmt, src, bad)
        wanted = sorted(int(n) for n in lines.split(','))
        got = sorted(int(m.group(1)) for m in re.finditer('^' + re.escape(bad) + r':(\d+): ', r.err, re.M))
        T.check(r.rc == 1 and got == wanted and message in r.err and not os.path.exists(sidecar),
                'bad %s: exit 1, problems on lines %s as FILE:LINE: message, nothing written' % (file, lines),
                r.diag() + ['lines: %r' % got])

        # with annotations: the file is left as it was
        r = cli('annotate', '-c', 'factual', '-s', 0, '-e', 5, src)
        before = file_bytes(sidecar)
        r = cli('import', '--format', fmt, '--replace', src, bad)
        T.check(r.rc == 1 and file_bytes(sidecar) == before,
                'bad %s with --replace: refused, the annotations untouched' % file, r.diag())

    work = fresh_dir(tmp, 'bad-format')
    src = copy(os.path.join(FORMATS, 'bad', 'article.txt'), work)
    r = cli('export', '--format', 'docx', src)
    T.check(r.rc == 2 and '“docx”' in r.err and 'inline, tei, csv, brat, semeval, webanno' in r.err and not r.out,
            'export --format docx: an unknown format, the known ones listed', r.diag())
    r = cli('import', '--format', 'tei', src, src)
    T.check(r.rc == 2 and 'inline, brat, semeval' in r.err and not os.path.exists(src + SIDECAR_SUFFIX),
            'import --format tei: not importable, the importable ones listed', r.diag())
    r = cli('import', '--format', 'brat', src, os.path.join(work, 'missing.ann'))
    T.check(r.rc == 1 and 'missing.ann' in r.err, 'import of a missing file names it', r.diag())
    r = cli('export', '--format', 'brat', src, src)
    T.check(r.rc == 2 and '-o' in r.err, 'export of several articles needs -o for a folder', r.diag())


def test_export_many(tmp):
    work, sources = annotated_fixtures(tmp, 'many')
    out = os.path.join(work, 'out')
    os.makedirs(out)   # export writes into a folder that exists, never creates it
    r = cli('export', '--format', 'brat', '-o', out, *sources)
    names = sorted(os.listdir(out)) if os.path.isdir(out) else []
    T.check(r.rc == 0 and names == ['crlf.ann', 'tricky.ann'],
            'export of several articles writes one file each into the -o folder', r.diag() + [names])
    r = cli('export', '--format', 'tei', '-o', out, *sources)
    T.check(r.rc == 0 and 'crlf.txt.tei.xml' in os.listdir(out), 'TEI files are named SOURCE.tei.xml', r.diag())
    # two articles of one name in two folders would overwrite each other
    twin_dir = os.path.join(work, 'twin')
    os.mkdir(twin_dir)
    twin = os.path.join(twin_dir, os.path.basename(sources[0]))
    shutil.copyfile(sources[0], twin)
    shutil.copyfile(sources[0] + '.annotations.xml', twin + '.annotations.xml')
    out2 = os.path.join(work, 'out2')
    os.mkdir(out2)
    r = cli('export', '--format', 'brat', '-o', out2, sources[0], twin)
    T.check(r.rc == 2 and 'would both be written' in r.err and os.listdir(out2) == [],
            'export refuses two articles that would be written to one file, and writes nothing', r.diag())


def main():
    if not os.access(CLI, os.X_OK):
        print('1..0 # SKIP glossator-cli is not built (%s)' % CLI)
        return 0
    tmp = tempfile.mkdtemp(prefix='glossator-formats-')
    try:
        for test in (test_brat_fixtures, test_brat_corpus, test_semeval, test_csv, test_webanno,
                     test_inline, test_bad_inputs, test_export_many):
            try:
                test(tmp)
            except Exception as e:   # one broken test must not hide the others
                import traceback
                T.check(False, '%s raised %s' % (test.__name__, type(e).__name__),
                        traceback.format_exc().splitlines())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return T.finish()


if __name__ == '__main__':
    sys.exit(main())
