#!/usr/bin/env python3
# glossator-cli reanchor, list --json, validate and stats after the article
# changed (issue 11), on a seed article edited by the test: each expected
# place is computed here from the edit, and the saved file is read back
# with Python's own XML parser.

import hashlib
import json
import os
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from glossator_test import Tap, cli  # noqa: E402

NS = '{https://glossator.github.io/ns/annotations/1}'
SHARED = os.environ.get('GLOSSATOR_SHARED_DIR', '')
SEED = os.path.join(SHARED, 'corpus', 'seeds', '000_5b5f6f9e71fb7d34.txt')

if not os.path.isfile(SEED):
    print('1..0 # SKIP no shared corpus')
    sys.exit(0)

T = Tap()
tmp = tempfile.mkdtemp(prefix='glossator-reanchor-')
text = open(SEED, encoding='utf-8').read()


def write(path, data):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(data)


def annotate(article, start, end, category='factual'):
    r = cli('annotate', article, '--category', category, '--start', str(start), '--end', str(end))
    T.check(r.rc == 0, 'annotate %d-%d' % (start, end), [r.diag()])
    return r.out.strip()


def sidecar_root(article):
    return ET.parse(article + '.annotations.xml').getroot()


def lines(out):
    return [line.split('\t') for line in out.splitlines() if line]


# --- one article: an insertion before, a word changed inside one quote, one deleted
article = os.path.join(tmp, 'a.txt')
write(article, text)
quotes = ['approximately 100 Iranian', 'from Louisiana on Monday evening',
          'sharp criticism and prompted lawsuits', 'This remains a developing story.']
spans = []
ids = []
for q in quotes:
    s = text.index(q)
    spans.append((s, s + len(q)))
    ids.append(annotate(article, s, s + len(q)))

before = open(article + '.annotations.xml', 'rb').read()

# the hash matches: nothing to do, nothing written
r = cli('reanchor', article)
T.check(r.rc == 0, 'reanchor on an unchanged article: exit 0', [r.diag()])
rows = lines(r.out)
T.check([row[1] for row in rows] == ['exact'] * 4 and
        [(int(row[2]), int(row[3])) for row in rows] == spans,
        'unchanged: every target reported exact at its offsets', [r.out])
T.check(open(article + '.annotations.xml', 'rb').read() == before, 'unchanged: nothing written')

insert = 'UPDATE: this story was corrected.\n'
changed = insert + text
changed = changed.replace('on Monday evening', 'on Sunday evening')
changed = changed.replace('sharp criticism and prompted lawsuits', 'criticism')
write(article, changed)
shift = len(insert)

r = cli('reanchor', '--dry-run', article)
T.check(r.rc == 0, 'reanchor --dry-run: exit 0', [r.diag()])
rows = lines(r.out)
want = [
    [ids[0], 'moved', str(spans[0][0]), str(spans[0][1]), str(spans[0][0] + shift), str(spans[0][1] + shift)],
    [ids[1], 'fuzzy', str(spans[1][0]), str(spans[1][1]), str(spans[1][0] + shift), str(spans[1][1] + shift)],
    [ids[2], 'orphaned', str(spans[2][0]), str(spans[2][1]), '', ''],
]
T.check(rows[:3] == want, 'dry run: moved, fuzzy and orphaned lines as computed from the edits',
        ['want %r' % want, 'got  %r' % rows])
last = changed.index(quotes[3])
T.check(rows[3] == [ids[3], 'moved', str(spans[3][0]), str(spans[3][1]), str(last), str(last + len(quotes[3]))],
        'dry run: the last sentence moved by the insertion less the deletion', [rows[3]])
T.check('1 moved' not in r.err and '2 moved' in r.err and '1 to review' in r.err and '1 not found' in r.err,
        'dry run: a summary on standard error', [r.err])
T.check(open(article + '.annotations.xml', 'rb').read() == before, 'dry run: nothing written')

# list --json before saving: "moved" is shown
r = cli('list', '--json', article)
try:
    listed = json.loads(r.out)
except ValueError as e:
    listed = None
    T.check(False, 'list --json prints JSON', [e, r.out[:500]])
if listed is not None:
    T.check(set(listed) == {'source', 'state', 'annotations', 'relations'},
            'list --json: source, state, annotations, relations',
            [sorted(listed)])
    by_id = {a['id']: a for a in listed['annotations']}
    T.check([by_id[i]['anchor'] for i in ids] == ['moved', 'fuzzy', 'orphaned', 'moved'],
            'list --json: anchor of each annotation', [[by_id[i]['anchor'] for i in ids]])
    t = by_id[ids[1]]['targets'][0]
    T.check(t == {'start': spans[1][0] + shift, 'end': spans[1][1] + shift,
                  'exact': 'from Louisiana on Sunday evening'},
            'list --json: a fuzzy target with its new text', [t])
    t = by_id[ids[2]]['targets'][0]
    T.check(t['exact'] == quotes[2] and t['start'] == spans[2][0], 'list --json: an orphan keeps its quote', [t])
    T.check(all(set(a) >= {'id', 'category', 'anchor', 'annotator', 'note', 'targets'}
                for a in listed['annotations']), 'list --json: every field of an annotation')

r = cli('validate', article)
T.check(r.rc == 0 and '1 annotation sits on similar text' in r.out and '1 annotation was not found' in r.out,
        'validate counts fuzzy and orphaned', [r.diag()])
r = cli('stats', article)
T.check(r.rc == 0 and '(fuzzy)' in r.out and '(orphaned)' in r.out, 'stats counts fuzzy and orphaned', [r.diag()])

# now for real
r = cli('reanchor', article)
T.check(r.rc == 0, 'reanchor: exit 0', [r.diag()])
root = sidecar_root(article)
src = root.find(NS + 'source')
T.check(src.get('sha256') == hashlib.sha256(changed.encode('utf-8')).hexdigest(),
        'saved: the new article\'s hash', [src.get('sha256')])
T.check(src.get('length') == str(len(changed)), 'saved: the new length', [src.get('length')])
T.check(root.get('version') == '1.1', 'saved with marks: version 1.1', [root.get('version')])
anns = {a.get('id'): a for a in root.iter(NS + 'annotation')}
T.check(anns[ids[0]].get('anchor') is None, 'saved: a moved annotation has no mark')
T.check(anns[ids[1]].get('anchor') == 'fuzzy' and
        anns[ids[1]].find(NS + 'target/' + NS + 'previous').text == quotes[1] and
        anns[ids[1]].find(NS + 'target/' + NS + 'exact').text == 'from Louisiana on Sunday evening',
        'saved: the fuzzy one with its new quote and its previous one')
T.check(anns[ids[2]].get('anchor') == 'orphaned' and
        anns[ids[2]].find(NS + 'target/' + NS + 'exact').text == quotes[2] and
        anns[ids[2]].find(NS + 'target').get('start') == str(spans[2][0]),
        'saved: the orphan keeps its offsets and quote')
tg = anns[ids[0]].find(NS + 'target')
T.check((int(tg.get('start')), int(tg.get('end'))) == (spans[0][0] + shift, spans[0][1] + shift),
        'saved: the moved annotation at its new offsets')

# the saved file validates against the schema
schema = os.path.join(os.environ.get('GLOSSATOR_SOURCE_ROOT', '.'), 'data', 'glossator-annotations.rng')
if shutil.which('xmllint'):
    import subprocess
    p = subprocess.run(['xmllint', '--noout', '--relaxng', schema, article + '.annotations.xml'],
                       capture_output=True, text=True)
    T.check(p.returncode == 0, 'the 1.1 file is valid against the RELAX NG schema', [p.stderr])
else:
    T.skip('the 1.1 file is valid against the RELAX NG schema', 'no xmllint')

# again: nothing changed since, so nothing is re-anchored; marks are reported
r = cli('reanchor', article)
rows = lines(r.out)
T.check(r.rc == 0 and [row[1] for row in rows] == ['exact', 'fuzzy', 'orphaned', 'exact'],
        'again: exact, and the marks as they are', [r.out])

# --- several sources: SOURCE#ID, and exit 1 for one that cannot be read
other = os.path.join(tmp, 'b.txt')
write(other, text)
bid = annotate(other, 0, 10)
write(other, 'Prefix. ' + text)
missing = os.path.join(tmp, 'missing.txt')
r = cli('reanchor', '--dry-run', other, missing)
T.check(r.rc == 1, 'a source that cannot be read: exit 1', [r.diag()])
T.check(r.out.startswith(other + '#' + bid + '\tmoved\t0\t10\t8\t18'),
        'several sources: SOURCE#ID', [r.out])
T.check('missing.txt' in r.err, 'the unreadable one is named', [r.err])

r = cli('reanchor')
T.check(r.rc == 2, 'no source: a usage error, exit 2', [r.diag()])

shutil.rmtree(tmp)
sys.exit(T.finish())
