#!/usr/bin/env python3
# glossator-cli on a corpus folder (issue 13): a folder of the seed articles,
# the brat examples with their annotations imported, the SemEval articles
# with their labels imported, an HTML page and a Markdown file with
# annotations, and what must be skipped. Which files are articles is
# decided here by the rule README.md states; the counts come from the
# sidecars, read with Python's own XML parser; the output of a folder is
# compared with the output of its articles one at a time.

import fcntl
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from glossator_test import CLI, ENV, ROOT, Tap, cli  # noqa: E402

NS = '{https://glossator.github.io/ns/annotations/1}'
SHARED = os.environ.get('GLOSSATOR_SHARED_DIR', '')
CORPUS = os.path.join(SHARED, 'corpus')
SIDECAR = '.annotations.xml'

if not os.path.isdir(os.path.join(CORPUS, 'semeval2020-task11-ptc')):
    print('1..0 # SKIP no shared corpus')
    sys.exit(0)

T = Tap()
tmp = tempfile.mkdtemp(prefix='glossator-corpus-')
corpus = os.path.join(tmp, 'corpus')


def copy(src, *dest):
    path = os.path.join(corpus, *dest)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    shutil.copyfile(src, path)
    return path


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(data)


def build_corpus():
    """The corpus folder; returns how many imports failed."""
    failed = []
    for name in sorted(os.listdir(os.path.join(CORPUS, 'seeds'))):
        article = copy(os.path.join(CORPUS, 'seeds', name), 'seeds', name)
        r = cli('annotate', article, '-c', 'factual', '-s', 0, '-e', 10, '-n', 'first words')
        if r.rc != 0:
            failed.append(r.diag())
    news = os.path.join(CORPUS, 'brat-example-data', 'example-data', 'tutorials', 'news')
    for name in sorted(os.listdir(news)):
        if name.endswith('.txt'):
            article = copy(os.path.join(news, name), 'brat', 'news', name)
            copy(os.path.join(news, name[:-4] + '.ann'), 'brat', 'news', name[:-4] + '.ann')
            r = cli('import', '--format', 'brat', article)
            if r.rc != 0:
                failed.append(r.diag())
    semeval = os.path.join(CORPUS, 'semeval2020-task11-ptc', 'datasets')
    for name in sorted(os.listdir(os.path.join(semeval, 'train-articles')))[:12]:
        article = copy(os.path.join(semeval, 'train-articles', name), 'semeval', name)
        labels = os.path.join(semeval, 'train-labels-task2-technique-classification',
                              name[:-4] + '.task2-TC.labels')
        r = cli('import', '--format', 'semeval', article, labels)
        if r.rc != 0:
            failed.append(r.diag())
    page = copy(os.path.join(ROOT, 'tests', 'data', 'html', 'port-strike.html'), 'web', 'port-strike.html')
    cli('annotate', page, '-c', 'factual', '-s', 67, '-e', 78)
    notes = os.path.join(corpus, 'web', 'notes.md')
    write(notes, '# Notes\n\nA file that is an article because it has annotations.\n')
    cli('annotate', notes, '-c', 'opinion', '-s', 2, '-e', 7)
    # skipped: hidden entries, other files without annotations
    write(os.path.join(corpus, '.git', 'info.txt'), 'not an article\n')
    write(os.path.join(corpus, 'seeds', '.draft.txt'), 'not an article\n')
    write(os.path.join(corpus, 'README.md'), 'not an article\n')
    return failed


def expected_articles(top):
    """The rule of README.md, written again: .txt/.html/.htm/.xhtml or a
    sidecar beside it; hidden entries and sidecars skipped; sorted by path,
    byte by byte."""
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith('.')]
        for name in files:
            if name.startswith('.') or name.endswith(SIDECAR):
                continue
            if (name.lower().endswith(('.txt', '.html', '.htm', '.xhtml'))
                    or os.path.exists(os.path.join(folder, name + SIDECAR))):
                found.append(os.path.relpath(os.path.join(folder, name), top))
    return sorted(found, key=lambda p: p.encode('utf-8'))


def sidecar_counts(article):
    """(annotations, notes) in the article's sidecar, or (0, 0)."""
    path = article + SIDECAR
    if not os.path.exists(path):
        return 0, 0
    root = ET.parse(path).getroot()
    annotations = root.findall(NS + 'annotation')
    notes = [a for a in annotations if (a.findtext(NS + 'note') or '') != '']
    return len(annotations), len(notes)


def snapshot(top):
    """Every file's bytes, by relative path."""
    files = {}
    for folder, _, names in os.walk(top):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, 'rb') as f:
                files[os.path.relpath(path, top)] = f.read()
    return files


failed_imports = build_corpus()
T.check(not failed_imports, 'the corpus is built: every annotate and import succeeds', failed_imports[:3])
articles = expected_articles(corpus)
paths = [os.path.join(corpus, a) for a in articles]
T.check(len(articles) == 2 + 13 + 12 + 2, 'the corpus has %d articles' % len(articles), articles)

# stats --json: every article, in order, its counts as its sidecar says
before = snapshot(corpus)
r = cli('stats', '--json', corpus)
try:
    data = json.loads(r.out)
except ValueError as e:
    data = {'articles': [], 'failed': ['not JSON: %s' % e], 'total': {}}
got = [a['source'] for a in data['articles']]
T.check(r.rc == 0 and got == paths and data['failed'] == [],
        'stats --json FOLDER: every article once, sorted by path', r.diag() + ['got %r' % got[:5]])
wrong = []
for a in data['articles']:
    want = sidecar_counts(a['source'])
    if (a['annotations'], a['notes']) != want or sum(c['annotations'] for c in a['categories']) != want[0]:
        wrong.append('%s: got %r, want %r' % (a['source'], (a['annotations'], a['notes']), want))
T.check(not wrong, 'stats --json: each article\'s annotations and notes are its sidecar\'s', wrong[:5])
total = data.get('total', {})
T.check(total.get('articles') == len(paths)
        and total.get('annotations') == sum(sidecar_counts(p)[0] for p in paths)
        and total.get('characters') == sum(a['characters'] for a in data['articles'])
        and sum(c['annotations'] for c in total.get('categories', [])) == total.get('annotations'),
        'stats --json: the total is the sum of the articles, per category too', [json.dumps(total)[:500]])
T.check(total.get('annotations', 0) > 100, 'the imported annotations are counted (%r)' % total.get('annotations'))

# stats as tables: the folder's output is its articles' output, one after
# the other, then the total
r = cli('stats', corpus)
one_by_one = ''.join(cli('stats', p).out for p in paths)
T.check(r.rc == 0 and r.out.startswith(one_by_one) and r.err == '',
        'stats FOLDER prints what stats prints for each article, in order', r.diag(800))
tail = r.out[len(one_by_one):]
T.check(tail.startswith('All %d articles\n' % len(paths)) and ('%d' % total.get('annotations', -1)) in tail,
        'stats FOLDER ends with a table of all the articles', [tail[:600]])
T.check(cli('stats', corpus).out == r.out, 'stats FOLDER twice: the same output')

# validate: in order, as one at a time; nothing written
r = cli('validate', corpus)
want = ''.join(cli('validate', p).out for p in paths)
T.check(r.rc == 0 and r.out == want, 'validate FOLDER: exit 0, each article as validate prints it, in order',
        r.diag(800))
T.check(snapshot(corpus) == before, 'stats and validate write nothing')

# progress: on a terminal only, and never on standard output
COLUMNS = 50


def on_terminal(*args):
    """Runs the command with standard error on a terminal COLUMNS wide;
    returns its exit status, what the terminal got, standard output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, COLUMNS, 0, 0))
    p = subprocess.Popen([CLI] + [str(a) for a in args], stdout=subprocess.PIPE, stderr=slave, env=ENV)
    os.close(slave)
    tty = b''
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        tty += chunk
    out = p.stdout.read()
    p.wait()
    os.close(master)
    return p.returncode, tty, out


def progress_lines(tty):
    """The progress lines drawn, each erased by the next."""
    lines = []
    for piece in tty.split(b'\r\x1b[K'):
        last = piece.decode('utf-8', 'replace').split('\n')[-1].rstrip('\r')
        if ' articles: ' in last:
            lines.append(last)
    return lines


rc, tty, out = on_terminal('validate', corpus)
T.check(rc == 0 and b'of %d articles' % len(paths) in tty and out.decode() == want,
        'validate FOLDER on a terminal: a progress line on standard error, the same standard output',
        [tty[-300:], out[:300]])
T.check(b'articles' not in cli('validate', corpus).err_bytes, 'no progress line when standard error is not a terminal')

# every command that works on a folder on every core; agreement with the
# folder as two coders' (a copy)
coder2 = os.path.join(tmp, 'coder2')
shutil.copytree(corpus, coder2)
n_sidecars = sum(1 for p in paths if os.path.exists(p + SIDECAR))
out_csv = os.path.join(tmp, 'progress.csv')
for args, n in ((('stats', corpus), len(paths)),
                (('export', '--format', 'csv', '-o', out_csv, corpus), len(paths)),
                (('reanchor', '--dry-run', corpus), len(paths)),
                (('agreement', corpus, coder2), n_sidecars)):
    name = args[0]
    rc, tty, out = on_terminal(*args)
    lines = progress_lines(tty)
    piped = cli(*args)
    T.check(rc == piped.rc and lines and lines[-1].startswith('%d of %d articles: ' % (n, n)),
            '%s FOLDER on a terminal: a progress line to the last article' % name, [tty[-400:]])
    T.check(all(len(line) <= COLUMNS - 1 for line in lines) and any('…' in line for line in lines),
            '%s FOLDER: each progress line fits the terminal, long paths shortened at their start' % name,
            [line for line in lines if len(line) > COLUMNS - 1][:3] or lines[:3])
    T.check(out.decode() == piped.out, '%s FOLDER: the same standard output on a terminal' % name,
            [out[:300], piped.out[:300]])
    T.check(' articles: ' not in piped.err, '%s FOLDER: no progress line when standard error is piped' % name,
            [piped.err[:300]])
shutil.rmtree(coder2)

# a broken sidecar and an annotation file without its article: both told,
# the others still checked
broken_article = [p for p in paths if os.path.exists(p + SIDECAR)][3]
broken = broken_article + SIDECAR
with open(broken, 'r+b') as f:
    f.truncate(os.path.getsize(broken) // 2)
orphan = os.path.join(corpus, 'semeval', 'gone.txt' + SIDECAR)
shutil.copyfile(paths[-1] + SIDECAR if os.path.exists(paths[-1] + SIDECAR) else broken, orphan)
r = cli('validate', corpus)
T.check(r.rc == 1 and broken in r.err and 'gone.txt' in r.err
        and r.out.count('\n') == len(paths) - 1,
        'validate FOLDER with a broken file and an orphaned one: exit 1, both named, the others reported',
        r.diag(1500))
os.remove(orphan)
r = cli('stats', '--json', corpus)
data = json.loads(r.out) if r.out.startswith('{') else {'failed': [], 'articles': []}
T.check(r.rc == 1 and data['failed'] == [broken_article] and len(data['articles']) == len(paths) - 1,
        'stats --json with a broken file: exit 1, it is listed as failed, the others counted', r.diag(800))
os.remove(broken)

# export: one file per article under OUT, in the article's subfolder
out = os.path.join(tmp, 'out')
os.mkdir(out)
r = cli('export', '--format', 'brat', '-o', out, corpus)
made = sorted(os.path.relpath(os.path.join(f, n), out) for f, _, ns in os.walk(out) for n in ns)
want_made = sorted(a.rsplit('.', 1)[0] + '.ann' for a in articles)
T.check(r.rc == 0 and made == sorted(want_made), 'export brat FOLDER: a .ann per article, in its subfolder',
        r.diag() + ['made %r' % made[:6], 'want %r' % want_made[:6]])
csv = os.path.join(tmp, 'all.csv')
r = cli('export', '--format', 'csv', '-o', csv, corpus)
with open(csv, encoding='utf-8') as f:
    rows = f.read()
T.check(r.rc == 0 and all(a.rsplit(os.sep, 1)[-1] in rows for a in articles if sidecar_counts(os.path.join(corpus, a))[0]),
        'export csv FOLDER: one file naming every annotated article', r.diag())

# reanchor: only the changed article moves and is saved
changed = paths[-3]  # a SemEval article
with open(changed, encoding='utf-8', newline='') as f:
    text = f.read()
with open(changed, 'w', encoding='utf-8', newline='') as f:
    f.write('Breaking news. ' + text)
before = snapshot(corpus)
r = cli('reanchor', '--dry-run', corpus)
moved = [line for line in r.out.splitlines() if line.startswith(changed + '#')]
T.check(r.rc == 0 and moved and all('\tmoved\t' in line for line in moved)
        and r.err.count('did not change') == len(paths) - 1,
        'reanchor --dry-run FOLDER: the changed article\'s annotations moved, the others unchanged',
        r.diag(1500))
T.check(snapshot(corpus) == before, 'reanchor --dry-run writes nothing')
r = cli('reanchor', corpus)
after = snapshot(corpus)
changed_files = sorted(k for k in after if after[k] != before.get(k))
T.check(r.rc == 0 and changed_files == [os.path.relpath(changed + SIDECAR, corpus)],
        'reanchor FOLDER saves only the changed article\'s annotations', r.diag(500) + [changed_files])

# folders that are not there, or empty
r = cli('stats', os.path.join(tmp, 'nowhere'))
T.check(r.rc == 1 and 'nowhere' in r.err, 'stats of a missing folder: exit 1, named', r.diag())
os.mkdir(os.path.join(tmp, 'empty'))
r = cli('validate', os.path.join(tmp, 'empty'))
T.check(r.rc == 0 and 'no articles' in r.err, 'validate of an empty folder: exit 0, said so', r.diag())

shutil.rmtree(tmp)
sys.exit(T.finish())
