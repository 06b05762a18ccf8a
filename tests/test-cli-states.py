#!/usr/bin/env python3
# The state of work and the statistics as CSV on the command line
# (issue 13): a state written into a sidecar by hand, as FORMAT.md's
# extension rule allows, is reported by stats --json and list --json; the
# rows of stats --csv are checked against the sidecars, read with Python's
# own XML parser, and parsed with Python's own CSV reader.

import csv
import io
import json
import os
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from glossator_test import Tap, cli  # noqa: E402

NS = 'https://glossator.github.io/ns/annotations/1'
WORK = 'https://glossator.github.io/ns/work/1'
SIDECAR = '.annotations.xml'
HEADER = 'source,state,category,label,annotations,characters,notes'

T = Tap()
tmp = tempfile.mkdtemp(prefix='glossator-states-')
corpus = os.path.join(tmp, 'corpus')


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)


def set_state(article, state):
    """Writes work:state on source, as another program could."""
    ET.register_namespace('', NS)
    ET.register_namespace('work', WORK)
    tree = ET.parse(article + SIDECAR)
    tree.getroot().find('{%s}source' % NS).set('{%s}state' % WORK, state)
    tree.write(article + SIDECAR, xml_declaration=True, encoding='UTF-8')


def expected_rows(article, source):
    """The CSV rows of one article, from its sidecar: the codebook's
    categories in order, then the others; characters covered per category."""
    root = ET.parse(article + SIDECAR).getroot()
    source_el = root.find('{%s}source' % NS)
    state = source_el.get('{%s}state' % WORK, 'not-started')
    order, labels = [], {}
    for c in root.iter('{%s}category' % NS):
        order.append(c.get('id'))
        label = c.find('{%s}label' % NS)
        labels[c.get('id')] = label.text if label is not None else ''
    counts = {}
    for a in root.findall('{%s}annotation' % NS):
        cat = a.get('category')
        if cat not in order:
            order.append(cat)
        n = counts.setdefault(cat, [0, set(), 0])
        n[0] += 1
        note = a.find('{%s}note' % NS)
        if note is not None and (note.text or '') != '':
            n[2] += 1
        for t in a.findall('{%s}target' % NS):
            n[1].update(range(int(t.get('start')), int(t.get('end'))))
    rows = []
    for cat in order:
        n = counts.get(cat, [0, set(), 0])
        rows.append([source, state, cat, labels.get(cat, ''), str(n[0]), str(len(n[1])), str(n[2])])
    return rows


a = os.path.join(corpus, 'a.txt')
b = os.path.join(corpus, 'news', 'b, "quoted".txt')
c = os.path.join(corpus, 'news', 'c.txt')
write(a, 'The minister said the port would reopen on Monday.\n')
write(b, 'Officials, who asked not to be named, expect delays.\n')
write(c, 'An article nobody has annotated yet.\n')
for args in ((a, 'factual', 0, 12, 'who said it'), (a, 'factual', 4, 20, None), (a, 'prediction', 21, 50, None),
             (b, 'anonymous', 0, 36, 'unnamed, "officials"')):
    extra = ['-n', args[4]] if args[4] else []
    r = cli('annotate', args[0], '-c', args[1], '-s', args[2], '-e', args[3], *extra)
    T.check(r.rc == 0, 'annotate %s' % os.path.basename(args[0]), r.diag())
set_state(a, 'done')
set_state(b, 'in-progress')

r = cli('validate', a, b)
T.check(r.rc == 0, 'a sidecar with a work:state attribute on source is valid', r.diag())

# stats --json: each article's state, and the total per state
r = cli('stats', '--json', corpus)
try:
    data = json.loads(r.out)
except ValueError:
    data = {'articles': [], 'total': {}}
states = {os.path.relpath(x['source'], corpus): x.get('state') for x in data['articles']}
T.check(r.rc == 0 and states == {'a.txt': 'done', 'news/b, "quoted".txt': 'in-progress', 'news/c.txt': 'not-started'},
        'stats --json: every article has its state of work', r.diag() + ['got %r' % states])
T.check(data['total'].get('states') == {'not-started': 1, 'in-progress': 1, 'done': 1},
        'stats --json: the total counts the articles in each state', [json.dumps(data['total'])[:400]])

# list --json
r = cli('list', '--json', a)
try:
    state = json.loads(r.out).get('state')
except ValueError:
    state = None
T.check(r.rc == 0 and state == 'done', 'list --json: the state of work', r.diag())
r = cli('list', '--json', c)
T.check(r.rc == 0 and '"state" : "not-started"' in r.out, 'list --json: an article without a sidecar is not started',
        r.diag())

# stats --csv: one header line, RFC 4180 (CRLF, doubled quotes), a row per
# article and category, the counts the sidecars hold
r = cli('stats', '--csv', corpus)
lines = r.out_bytes.split(b'\r\n')
T.check(r.rc == 0 and r.out_bytes.endswith(b'\r\n') and b'\n' not in r.out_bytes.replace(b'\r\n', b''),
        'stats --csv: every line ends with CRLF', r.diag(600))
T.check(lines[0].decode() == HEADER, 'stats --csv: the header line', [lines[0]])
T.check(b'"' + b.encode() + b'"' not in r.out_bytes and
        ('"%s"' % b.replace('"', '""')).encode() in r.out_bytes,
        'stats --csv: a field with a comma and quotes is quoted, its quotes doubled', [r.out[:400]])
rows = list(csv.reader(io.StringIO(r.out, newline='')))
want = [HEADER.split(',')]
for article in (a, b, c):
    if os.path.exists(article + SIDECAR):
        want += expected_rows(article, article)
got_annotated = [row for row in rows if row[0] != c]
T.check(got_annotated == want, 'stats --csv: the rows are what the sidecars say',
        ['got  %r' % x for x in got_annotated[:6]] + ['want %r' % x for x in want[:6]])
c_rows = [row for row in rows if row[0] == c]
T.check(len(c_rows) > 0 and all(row[1] == 'not-started' and row[4:] == ['0', '0', '0'] for row in c_rows),
        'stats --csv: an article without annotations has its categories with zeros', [repr(c_rows[:3])])

# one file as one folder: the same rows
r_one = cli('stats', '--csv', a)
T.check(r_one.rc == 0 and r_one.out == '\r\n'.join([HEADER] + [','.join(x) for x in expected_rows(a, a)]) + '\r\n',
        'stats --csv FILE: its rows only', r_one.diag(600))

# both at once is a usage error; a broken sidecar is reported, the rest written
r = cli('stats', '--csv', '--json', a)
T.check(r.rc == 2 and 'not both' in r.err and r.out == '', 'stats --csv --json: a usage error', r.diag())
with open(b + SIDECAR, 'r+b') as f:
    f.truncate(100)
r = cli('stats', '--csv', corpus)
rows = list(csv.reader(io.StringIO(r.out, newline='')))
T.check(r.rc != 0 and 'b, "quoted".txt' in r.err and rows[0] == HEADER.split(',')
        and {row[0] for row in rows[1:]} == {a, c},
        'stats --csv with a broken sidecar: the file is named, the others are written', r.diag(800))

shutil.rmtree(tmp)
sys.exit(T.finish())
