#!/usr/bin/env python3
"""End-to-end tests of glossator-cli (validate, list, annotate, stats).

Run by meson as `python3 tests/test-cli.py` with GLOSSATOR_CLI (the built
glossator-cli), GLOSSATOR_SOURCE_ROOT (the repository) and
GLOSSATOR_SHARED_DIR (the shared corpus, may be missing) in the environment.
Prints TAP; exit status 0 when every check passed, 1 otherwise.

Every expectation is computed here, independently of the program: offsets and
quotes by FORMAT.md §1 (Python's decoded text, code points, newline=''),
counts by parsing the sidecars with xml.etree, and the quotes of every
sidecar the program writes are checked by tests/check-quotes.py.  All work
happens in a temporary directory; nothing is written into the repository or
the shared folder.  Python 3 standard library only.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import xml.etree.ElementTree as ET

from glossator_test import CHECK_QUOTES, CLI, ENV, ROOT, Result, Tap, check_quotes, cli  # noqa: F401

NS = 'https://glossator.github.io/ns/annotations/1'
BUILTIN_IDS = ['factual', 'statistic', 'attributed', 'anonymous', 'opinion',
               'prediction', 'framing', 'hedge', 'context']
ID_RE = re.compile(r'^a-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
SIDECAR_SUFFIX = '.annotations.xml'

SHARED = os.environ.get('GLOSSATOR_SHARED_DIR') or ''
TEXTS = os.path.join(ROOT, 'tests', 'data', 'texts')
SIDECARS = os.path.join(ROOT, 'tests', 'data', 'sidecars')
ARTICLE = os.path.join(SIDECARS, 'article.txt')
SAMPLE = os.path.join(ROOT, 'data', 'samples', 'riverside-library.txt')


def q(name):
    return '{%s}%s' % (NS, name)


# ---------------------------------------------------------------- TAP ----


T = Tap()


# ------------------------------------------------------------ helpers ----



def read_text(path):
    """The decoded text of a UTF-8 source, FORMAT.md §1."""
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()


def decode_as(path, encoding):
    """Decodes a source as FORMAT.md §5 says (the encoding as named in
    tests/data/texts/MANIFEST.tsv, a leading BOM dropped)."""
    with open(path, 'rb') as f:
        data = f.read()
    enc = encoding.upper()
    if enc == 'UTF-8':
        if data.startswith(b'\xef\xbb\xbf'):
            data = data[3:]
        return data.decode('utf-8')
    if enc == 'UTF-16LE':
        if data.startswith(b'\xff\xfe'):
            data = data[2:]
        return data.decode('utf-16-le')
    if enc == 'UTF-16BE':
        if data.startswith(b'\xfe\xff'):
            data = data[2:]
        return data.decode('utf-16-be')
    if enc in ('WINDOWS-1252', 'CP1252'):
        return data.decode('cp1252')
    return data.decode(encoding)


def escape(s):
    """A text field as `list` must write it."""
    return (s.replace('\\', '\\\\').replace('\t', '\\t')
             .replace('\n', '\\n').replace('\r', '\\r'))


def file_bytes(path):
    try:
        with open(path, 'rb') as f:
            return f.read()
    except FileNotFoundError:
        return None


def parse_list(out):
    """Lines of `list` output as 7-field lists; raises ValueError."""
    if out == '':
        return []
    if not out.endswith('\n'):
        raise ValueError('output does not end with a newline')
    rows = []
    for line in out[:-1].split('\n'):
        fields = line.split('\t')
        if len(fields) != 7:
            raise ValueError('%d fields, not 7, in %r' % (len(fields), line))
        rows.append(fields)
    return rows


def list_rows(source):
    """Runs `list` and returns (result, rows or None, diagnostics)."""
    r = cli('list', source)
    try:
        out = r.out_bytes.decode('utf-8')
        rows = parse_list(out)
    except (UnicodeDecodeError, ValueError) as e:
        return r, None, r.diag() + ['cannot parse the output: %s' % e]
    return r, rows, r.diag()


def sidecar_of(source):
    return source + SIDECAR_SUFFIX


def covered(spans):
    """Number of code points covered by at least one [start, end)."""
    total, reach = 0, 0
    for s, e in sorted(spans):
        s = max(s, reach)
        if e > s:
            total += e - s
            reach = e
    return total


def sidecar_counts(path):
    """Per-category (annotations, characters, notes), the codebook's
    category ids in document order, and the totals, from the sidecar."""
    root = ET.parse(path).getroot()
    codebook = root.find(q('codebook'))
    ids = [c.get('id') for c in codebook.iter(q('category'))] if codebook is not None else []
    per = {}
    all_spans = []
    n = 0
    notes = 0
    for ann in root.findall(q('annotation')):
        n += 1
        cat = ann.get('category')
        entry = per.setdefault(cat, [0, [], 0])
        entry[0] += 1
        note = ann.find(q('note'))
        if note is not None and (note.text or '') != '':
            entry[2] += 1
            notes += 1
        if ann.get('anchor') == 'orphaned':
            continue
        for t in ann.findall(q('target')):
            span = (int(t.get('start')), int(t.get('end')))
            entry[1].append(span)
            all_spans.append(span)
    counts = {cat: (a, covered(spans), nn) for cat, (a, spans, nn) in per.items()}
    return counts, ids, (n, covered(all_spans), notes)


ROW_RE = re.compile(r'^\s+(.*\S)\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)\s*$')


def parse_stats(out):
    """stats output as a list of (path, rows, total) where rows is a list of
    (label, annotations, characters, notes)."""
    blocks = []
    for line in out.splitlines():
        if line and not line.startswith(' '):
            blocks.append([line, [], None])
            continue
        m = ROW_RE.match(line)
        if not m or not blocks:
            continue
        label = m.group(1)
        nums = tuple(int(x.replace(',', '')) for x in m.group(2, 3, 4))
        if label == 'Total':
            blocks[-1][2] = nums
        else:
            blocks[-1][1].append((label,) + nums)
    return blocks


def row_for(rows, cat):
    """The stats row of category @cat: 'Label (cat)' or 'cat (not in the codebook)'."""
    for row in rows:
        if row[0].endswith('(%s)' % cat) or row[0] == '%s (not in the codebook)' % cat:
            return row
    return None


def snapshot(top):
    """Every file under @top: bytes digest, size, mtime and inode."""
    snap = {}
    for dirpath, dirnames, filenames in os.walk(top):
        for name in filenames + dirnames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            if os.path.isfile(p):
                with open(p, 'rb') as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
            else:
                digest = 'dir'
            snap[os.path.relpath(p, top)] = (digest, st.st_size, st.st_mtime_ns, st.st_ino)
    return snap


def snapshot_diff(before, after):
    out = []
    for k in sorted(set(before) | set(after)):
        if k not in after:
            out.append('removed: ' + k)
        elif k not in before:
            out.append('created: ' + k)
        elif before[k][3] == 'dir' or before[k][0] == 'dir':
            continue
        elif before[k] != after[k]:
            out.append('changed (bytes, size, mtime or inode): ' + k)
    return out


WRITE_LOG = {'validate': [], 'read-only': []}


def watched(kind, top, *args):
    """Runs the CLI, recording in WRITE_LOG any file it created, changed or
    removed under @top."""
    before = snapshot(top)
    r = cli(*args)
    for d in snapshot_diff(before, snapshot(top)):
        WRITE_LOG[kind].append('%s: %s' % (' '.join(r.args), d))
    return r


def validate(top, *paths):
    return watched('validate', top, 'validate', *paths)


def fresh_dir(base, name, *files):
    """A new folder @base/@name holding copies of @files; returns its path."""
    d = os.path.join(base, name)
    os.makedirs(d)
    for f in files:
        if isinstance(f, tuple):
            shutil.copyfile(f[0], os.path.join(d, f[1]))
        else:
            shutil.copyfile(f, os.path.join(d, os.path.basename(f)))
    return d


CUSTOM_CODEBOOK = '''<?xml version="1.0" encoding="UTF-8"?>
<codebook xmlns="https://glossator.github.io/ns/annotations/1" id="custom" version="3">
  <label>Custom test codebook</label>
  <category id="rumour" key="1" color="#3584e4">
    <label>Rumour</label>
    <category id="hearsay" key="2" color="#2190a4">
      <label>Hearsay</label>
    </category>
  </category>
</codebook>
'''

OTHER_CODEBOOK = '''<?xml version="1.0" encoding="UTF-8"?>
<codebook xmlns="https://glossator.github.io/ns/annotations/1" id="other" version="1">
  <category id="alpha" key="1" color="#e66100">
    <label>Alpha</label>
  </category>
</codebook>
'''


def write(path, text):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)


# ---------------------------------------------------------------- tests ----

def test_basics():
    r = cli('--version')
    T.check(r.rc == 0 and r.out == 'glossator-cli 0.1.0\n',
            '--version prints "glossator-cli 0.1.0", exit 0', r.diag())

    r = cli('--help')
    T.check(r.rc == 0 and all(c in r.out for c in ('validate', 'list', 'annotate', 'stats')),
            '--help names the four commands, exit 0', r.diag())

    for command, words in (('validate', []), ('list', []), ('stats', []),
                           ('annotate', ['--category', '--start', '--end',
                                         '--note', '--annotator'])):
        r = cli(command, '--help')
        missing = [w for w in [command] + words if w not in r.out]
        T.check(r.rc == 0 and not missing,
                '%s --help: exit 0, mentions %s' % (command, ', '.join([command] + words)),
                r.diag() + ['missing: %r' % missing])

    r = cli()
    T.check(r.rc == 2, 'no command at all: exit 2', r.diag())
    r = cli('frobnicate', 'x.txt')
    T.check(r.rc == 2 and 'frobnicate' in r.err, 'unknown command: exit 2, named on stderr', r.diag())
    r = cli('validate', '--no-such-option', ARTICLE)
    T.check(r.rc == 2, 'validate with an unknown option: exit 2', r.diag())


def test_usage_errors(tmp):
    d = fresh_dir(tmp, 'usage', ARTICLE)
    src = os.path.join(d, 'article.txt')
    for args, desc in ((['validate'], 'validate without a file'),
                       (['list'], 'list without a source'),
                       (['stats'], 'stats without a source'),
                       (['annotate', '--category', 'factual', '--start', '0', '--end', '3'],
                        'annotate without a source'),
                       (['annotate', src, '--start', '0', '--end', '3'],
                        'annotate without --category'),
                       (['annotate', src, '--category', 'factual', '--end', '3'],
                        'annotate without --start'),
                       (['annotate', src, '--category', 'factual', '--start', '0'],
                        'annotate without --end'),
                       (['list', src, src], 'list with two sources')):
        r = cli(*args)
        T.check(r.rc == 2, '%s: usage error, exit 2' % desc, r.diag())
    T.check(not os.path.exists(sidecar_of(src)),
            'usage errors never create a sidecar', os.listdir(d))


def test_roundtrip_astral(tmp):
    d = fresh_dir(tmp, 'emoji', os.path.join(TEXTS, 'emoji.txt'))
    src = os.path.join(d, 'emoji.txt')
    text = read_text(src)
    start = text.index('\U0001F600')                 # 😀, astral
    end = text.index('\U0001D11E') + 1               # 𝄞, astral, included
    note = 'tab\there, line\nbreak, CR\rhere, CRLF\r\nend, back\\slash \\t not a tab, é 😀'
    annotator = 'Zoë Ž. 𝄞 Tester'
    r = cli('annotate', src, '--category', 'opinion', '--start', start, '--end', end,
            '--note', note, '--annotator', annotator)
    new_id = r.out.strip()
    T.check(r.rc == 0 and ID_RE.match(new_id) and r.out == new_id + '\n',
            'annotate astral span [%d,%d) in emoji.txt: exit 0, prints one a-UUID id' % (start, end),
            r.diag())
    sidecar = sidecar_of(src)
    T.check(os.path.isfile(sidecar), 'annotate created emoji.txt.annotations.xml', os.listdir(d))
    if not os.path.isfile(sidecar):
        return
    ok, diag = check_quotes(sidecar)
    T.check(ok, 'check-quotes.py accepts the sidecar annotate wrote (astral text)', diag)

    root = ET.parse(sidecar).getroot()
    anns = root.findall(q('annotation'))
    got_note = anns[0].findtext(q('note')) if len(anns) == 1 else None
    T.check(len(anns) == 1 and anns[0].get('id') == new_id and got_note == note
            and anns[0].get('annotator') == annotator and anns[0].get('category') == 'opinion',
            'the sidecar holds the annotation with its note (CR, tab, newline) and annotator unchanged',
            ['note in file: %r' % got_note, 'wanted: %r' % note,
             'annotations: %r' % [(a.get('id'), a.get('category'), a.get('annotator')) for a in anns]])
    ids = [c.get('id') for c in root.find(q('codebook')).iter(q('category'))] \
        if root.find(q('codebook')) is not None else None
    T.check(ids == BUILTIN_IDS,
            'a new sidecar (no codebook.xml near) carries the built-in Claims codebook, ids in order',
            ['ids: %r' % ids])

    r, rows, diag = list_rows(src)
    want = [new_id, 'opinion', str(start), str(end), escape(text[start:end]),
            escape(note), escape(annotator)]
    T.check(r.rc == 0 and rows == [want],
            'list after annotate: one line, fields exact (astral quote, escaped note and annotator)',
            diag + ['wanted: %r' % [want], 'got:    %r' % rows])
    # the escaping itself, spelled out, so that escape() cannot hide a mistake
    T.check(rows is not None and len(rows) == 1 and rows[0][5] ==
            'tab\\there, line\\nbreak, CR\\rhere, CRLF\\r\\nend, back\\\\slash \\\\t not a tab, é 😀',
            'list escapes tab, newline, CR and backslash in the note as \\t \\n \\r \\\\',
            ['got: %r' % (rows[0][5] if rows else None)])

    # a second annotation: both listed, the first one unchanged, ids distinct
    s2, e2 = text.index('Family'), text.index(' is one grapheme')
    r2 = cli('annotate', src, '-c', 'framing', '-s', s2, '-e', e2, '-a', 'B')
    id2 = r2.out.strip()
    r, rows, diag = list_rows(src)
    want2 = [id2, 'framing', str(s2), str(e2), escape(text[s2:e2]), '', 'B']
    T.check(r2.rc == 0 and id2 != new_id and rows is not None
            and sorted(rows) == sorted([want, want2]),
            'a second annotate (ZWJ family emoji) keeps the first one; list shows both exactly',
            r2.diag() + diag + ['wanted: %r' % sorted([want, want2]), 'got: %r' % rows])
    ok, diag = check_quotes(sidecar)
    T.check(ok, 'check-quotes.py accepts the sidecar after the second annotate', diag)


def test_roundtrip_crlf(tmp):
    d = fresh_dir(tmp, 'crlf', os.path.join(TEXTS, 'crlf.txt'))
    src = os.path.join(d, 'crlf.txt')
    text = read_text(src)
    start = text.index('nine')
    end = text.index('It returns') + 2          # across the first \r\n
    if text[start:end] != 'nine.\r\nIt':
        raise RuntimeError('tests/data/texts/crlf.txt changed: %r' % text[start:end])
    r = cli('annotate', src, '--category', 'factual', '--start', start, '--end', end,
            '--note', 'a\tb\r\nc\\', '--annotator', 'A')
    new_id = r.out.strip()
    T.check(r.rc == 0 and ID_RE.match(new_id),
            'annotate a span across CRLF in crlf.txt: exit 0, prints the id', r.diag())
    ok, diag = check_quotes(sidecar_of(src))
    T.check(ok, 'check-quotes.py accepts the CRLF sidecar', diag)
    r, rows, diag = list_rows(src)
    want = [new_id, 'factual', str(start), str(end), 'nine.\\r\\nIt', 'a\\tb\\r\\nc\\\\', 'A']
    T.check(r.rc == 0 and rows == [want],
            'list on crlf.txt: CR LF in the quote written as \\r\\n, note escaped exactly',
            diag + ['wanted: %r' % [want], 'got:    %r' % rows])

    # the same file then serves the refusals with an existing sidecar
    return src


def test_roundtrip_tabs(tmp):
    d = os.path.join(tmp, 'tabs')
    os.makedirs(d)
    src = os.path.join(d, 'tabs.txt')
    write(src, 'col1\tcol2 back\\slash\r\nnext \\n line é\n')
    text = read_text(src)
    r = cli('annotate', src, '-c', 'hedge', '-s', 0, '-e', len(text), '-a', 'Tab\tby\\me')
    new_id = r.out.strip()
    r2, rows, diag = list_rows(src)
    want = [new_id, 'hedge', '0', str(len(text)),
            'col1\\tcol2 back\\\\slash\\r\\nnext \\\\n line é\\n', '', 'Tab\\tby\\\\me']
    T.check(r.rc == 0 and rows == [want],
            'list escapes tab, backslash, CR, LF in the quote and annotator (whole text span)',
            r.diag() + diag + ['wanted: %r' % [want], 'got:    %r' % rows])
    ok, diag = check_quotes(sidecar_of(src))
    T.check(ok, 'check-quotes.py accepts the tabs/backslash sidecar', diag)


def test_texts_manifest(tmp):
    """Each text fixture: annotate its whole text, list it back, check-quotes."""
    with open(os.path.join(TEXTS, 'MANIFEST.tsv'), encoding='utf-8') as f:
        rows = [l.rstrip('\n').split('\t') for l in f][1:]
    d = os.path.join(tmp, 'texts')
    os.makedirs(d)
    for name, encoding, bom, newlines, length, expect in rows:
        src = os.path.join(d, name)
        shutil.copyfile(os.path.join(TEXTS, name), src)
        if expect == 'ok' and int(length) > 0:
            text = decode_as(src, encoding)
            r = cli('annotate', src, '-c', 'context', '-s', 0, '-e', len(text), '-a', 'm')
            new_id = r.out.strip()
            r2, lrows, diag = list_rows(src)
            want = [[new_id, 'context', '0', str(len(text)), escape(text), '', 'm']]
            ok_q, qdiag = check_quotes(sidecar_of(src)) if r.rc == 0 else (False, [])
            T.check(r.rc == 0 and lrows == want and ok_q and len(text) == int(length),
                    'texts/%s (%s, %s newlines): annotate [0,%d) and list give the decoded text; '
                    'check-quotes passes' % (name, encoding, newlines, len(text)),
                    r.diag() + diag + ['wanted: %r' % want, 'got:    %r' % lrows] + qdiag)
        elif expect == 'ok':
            r = cli('annotate', src, '-c', 'context', '-s', 0, '-e', 1)
            T.check(r.rc == 1 and not os.path.exists(sidecar_of(src)),
                    'texts/%s (empty): annotate [0,1) refused, exit 1, no sidecar' % name,
                    r.diag())
        else:
            r = cli('annotate', src, '-c', 'context', '-s', 0, '-e', 1)
            T.check(r.rc == 1 and name in r.err and not os.path.exists(sidecar_of(src)),
                    'texts/%s (%s): annotate refused, exit 1, file named on stderr, no sidecar'
                    % (name, expect), r.diag())


BAD_ANNOTATIONS = [
    # (description, options, exit status): an offset that is not a whole
    # number from 0 to 2^32 - 1 is a malformed argument, a usage error (2);
    # a span or category that does not fit the article is its problem (1)
    ('end beyond the text', lambda n: ['-c', 'factual', '-s', 0, '-e', n + 1], 1),
    ('start at the end of the text', lambda n: ['-c', 'factual', '-s', n, '-e', n + 1], 1),
    ('start == end', lambda n: ['-c', 'factual', '-s', 5, '-e', 5], 1),
    ('end < start', lambda n: ['-c', 'factual', '-s', 9, '-e', 5], 1),
    ('negative start', lambda n: ['-c', 'factual', '--start=-1', '--end=5'], 2),
    ('negative end', lambda n: ['-c', 'factual', '--start=0', '--end=-5'], 2),
    ('non-numeric start', lambda n: ['-c', 'factual', '-s', 'x', '-e', 5], 2),
    ('letter l for digit 1 in end', lambda n: ['-c', 'factual', '-s', 0, '-e', 'l0'], 2),
    ('30-digit end', lambda n: ['-c', 'factual', '-s', 0, '-e', '123456789012345678901234567890'], 2),
    ('end 2^32 (wraps to 0 in 32 bits)', lambda n: ['-c', 'factual', '-s', 0, '-e', 4294967296], 2),
    ('end 2^32 + 5 (wraps to 5 in 32 bits)', lambda n: ['-c', 'factual', '-s', 0, '-e', 4294967301], 2),
    ('empty --start', lambda n: ['-c', 'factual', '--start=', '-e', 5], 2),
    ('unknown category', lambda n: ['-c', 'no-such-category', '-s', 0, '-e', 5], 1),
    ('category in the wrong case', lambda n: ['-c', 'Factual', '-s', 0, '-e', 5], 1),
]


def test_refusals(tmp, src_with_sidecar):
    d = fresh_dir(tmp, 'refuse-fresh', os.path.join(TEXTS, 'crlf.txt'))
    src_fresh = os.path.join(d, 'crlf.txt')
    n = len(read_text(src_fresh))
    for src, variant in ((src_with_sidecar, 'existing sidecar byte-identical'),
                         (src_fresh, 'no sidecar created')):
        sidecar = sidecar_of(src)
        for desc, opts, status in BAD_ANNOTATIONS:
            before = file_bytes(sidecar)
            r = cli('annotate', src, *opts(n))
            after = file_bytes(sidecar)
            T.check(r.rc == status and r.err.strip() != '' and r.out == '' and after == before,
                    'annotate with %s: exit %d, message, %s' % (desc, status, variant),
                    r.diag() + ['sidecar %s' % ('unchanged' if after == before else
                                                'CHANGED' if before is not None else 'CREATED')])
    # the positive control at the boundary: [0, n) is accepted
    r = cli('annotate', src_fresh, '-c', 'factual', '-s', 0, '-e', n)
    T.check(r.rc == 0 and os.path.isfile(sidecar_of(src_fresh)),
            'annotate with end == length (the boundary) is accepted', r.diag())


def test_broken_sidecar(tmp):
    # a sidecar annotate wrote, then truncated in the middle
    d = fresh_dir(tmp, 'broken', ARTICLE)
    src = os.path.join(d, 'article.txt')
    r = cli('annotate', src, '-c', 'statistic', '-s', 150, '-e', 173)
    sidecar = sidecar_of(src)
    data = file_bytes(sidecar) or b''
    T.check(r.rc == 0 and len(data) > 200, 'annotate wrote a sidecar to truncate', r.diag())
    with open(sidecar, 'wb') as f:
        f.write(data[:len(data) * 2 // 3])
    before = snapshot(d)
    r = cli('annotate', src, '-c', 'factual', '-s', 0, '-e', 3)
    T.check(r.rc == 1 and 'article.txt.annotations.xml' in r.err and r.out == '',
            'annotate over a truncated sidecar: exit 1, the sidecar named on stderr', r.diag())
    T.check(snapshot(d) == before,
            'annotate over a truncated sidecar: the file is byte-identical, nothing else written',
            snapshot_diff(before, snapshot(d)))
    # the hostile fixture too
    d2 = fresh_dir(tmp, 'broken2', ARTICLE,
                   (os.path.join(SIDECARS, 'hostile', 'truncated.xml'), 'article.txt.annotations.xml'))
    src2 = os.path.join(d2, 'article.txt')
    before = snapshot(d2)
    r = cli('annotate', src2, '-c', 'factual', '-s', 0, '-e', 3)
    T.check(r.rc == 1 and snapshot(d2) == before,
            'annotate over hostile/truncated.xml: exit 1, nothing written',
            r.diag() + snapshot_diff(before, snapshot(d2)))
    r = watched('read-only', d, 'list', src)
    T.check(r.rc == 1 and r.out == '', 'list with a truncated sidecar: exit 1, no output', r.diag())
    r = watched('read-only', d, 'stats', src)
    T.check(r.rc == 1, 'stats with a truncated sidecar: exit 1', r.diag())


def test_binary(tmp):
    d = fresh_dir(tmp, 'binary', os.path.join(TEXTS, 'binary.bin'))
    src = os.path.join(d, 'binary.bin')
    r = cli('annotate', src, '-c', 'factual', '-s', 0, '-e', 3)
    T.check(r.rc == 1 and 'binary.bin' in r.err and r.out == '',
            'annotate on binary.bin: exit 1, the file named on stderr', r.diag())
    T.check(os.listdir(d) == ['binary.bin'] and file_bytes(src) == file_bytes(
        os.path.join(TEXTS, 'binary.bin')),
            'annotate on binary.bin wrote nothing', os.listdir(d))


def test_project_codebook(tmp):
    d = fresh_dir(tmp, 'project', ARTICLE)
    src = os.path.join(d, 'article.txt')
    write(os.path.join(d, 'codebook.xml'), CUSTOM_CODEBOOK)
    text = read_text(src)
    r = cli('annotate', src, '-c', 'factual', '-s', 0, '-e', 3)
    T.check(r.rc == 1 and 'factual' in r.err and not os.path.exists(sidecar_of(src)),
            'codebook.xml without "factual" in the folder: annotate -c factual refused, no sidecar',
            r.diag())
    r = cli('annotate', src, '-c', 'hearsay', '-s', 4, '-e', 30)
    new_id = r.out.strip()
    T.check(r.rc == 0 and ID_RE.match(new_id),
            'codebook.xml in the folder: its nested category "hearsay" is accepted', r.diag())
    sidecar = sidecar_of(src)
    if not os.path.isfile(sidecar):
        T.check(False, 'the sidecar copies the project codebook', ['no sidecar'])
        return
    cb = ET.parse(sidecar).getroot().find(q('codebook'))
    ids = [c.get('id') for c in cb.iter(q('category'))] if cb is not None else None
    T.check(cb is not None and cb.get('id') == 'custom' and ids == ['rumour', 'hearsay'],
            'the new sidecar copies the project codebook (id custom: rumour, hearsay)',
            ['codebook id %r, categories %r' % (cb.get('id') if cb is not None else None, ids)])
    ok, diag = check_quotes(sidecar)
    T.check(ok, 'check-quotes.py accepts the project-codebook sidecar', diag)
    r, rows, diag = list_rows(src)
    T.check(rows is not None and len(rows) == 1 and rows[0][:5] ==
            [new_id, 'hearsay', '4', '30', escape(text[4:30])],
            'list shows the custom-category annotation', diag)
    r = validate(d, sidecar)
    T.check(r.rc == 0 and 'warning' not in r.err,
            'validate the project-codebook sidecar: exit 0, no warning', r.diag())

    # the sidecar's own copy comes first: a different codebook.xml now is ignored
    write(os.path.join(d, 'codebook.xml'), OTHER_CODEBOOK)
    before = file_bytes(sidecar)
    r = cli('annotate', src, '-c', 'alpha', '-s', 0, '-e', 3)
    T.check(r.rc == 1 and file_bytes(sidecar) == before,
            'the sidecar copy wins over codebook.xml: a category only in codebook.xml is refused',
            r.diag())
    r = cli('annotate', src, '-c', 'rumour', '-s', 0, '-e', 3)
    T.check(r.rc == 0, 'the sidecar copy wins over codebook.xml: its category "rumour" works',
            r.diag())

    # a broken project codebook: annotate refuses and names it
    d2 = fresh_dir(tmp, 'project-broken', ARTICLE)
    src2 = os.path.join(d2, 'article.txt')
    write(os.path.join(d2, 'codebook.xml'), CUSTOM_CODEBOOK[:200])
    r = cli('annotate', src2, '-c', 'factual', '-s', 0, '-e', 3)
    T.check(r.rc == 1 and 'codebook.xml' in r.err and not os.path.exists(sidecar_of(src2)),
            'a truncated codebook.xml in the folder: annotate exit 1, names it, no sidecar',
            r.diag())


def line_numbers(stderr, filename):
    """Line numbers of `...FILENAME:LINE[:COL]: ` messages."""
    pat = re.compile(re.escape(filename) + r':(\d+)(?::\d+)?: ')
    return {int(m.group(1)) for m in pat.finditer(stderr)}


def test_validate(tmp):
    # a sidecar written by annotate
    d = fresh_dir(tmp, 'val-own', ARTICLE)
    src = os.path.join(d, 'article.txt')
    cli('annotate', src, '-c', 'statistic', '-s', 150, '-e', 173, '-n', 'two\nlines')
    r = validate(d, sidecar_of(src))
    T.check(r.rc == 0 and r.err == '', 'validate a sidecar annotate wrote: exit 0, nothing on stderr',
            r.diag())
    r = validate(d, src)
    T.check(r.rc == 0 and r.err == '', 'validate its source: exit 0', r.diag())

    # a source without sidecar
    d = fresh_dir(tmp, 'val-none', ARTICLE)
    r = validate(d, os.path.join(d, 'article.txt'))
    T.check(r.rc == 0, 'validate a source without sidecar: exit 0', r.diag())
    T.check(os.listdir(d) == ['article.txt'], 'validate a source without sidecar creates none',
            os.listdir(d))

    # every valid fixture
    valid_dir = os.path.join(SIDECARS, 'valid')
    for name in sorted(os.listdir(valid_dir)):
        if not name.endswith('.xml'):
            continue
        d = fresh_dir(tmp, 'val-valid-' + name, ARTICLE,
                      (os.path.join(valid_dir, name), 'article.txt.annotations.xml'))
        r = validate(d, os.path.join(d, 'article.txt.annotations.xml'))
        T.check(r.rc == 0 and r.err == '', 'validate valid/%s as a sidecar: exit 0' % name, r.diag())
        r = validate(d, os.path.join(d, 'article.txt'))
        T.check(r.rc == 0, 'validate the source of valid/%s: exit 0' % name, r.diag())

    # every hostile fixture
    hostile = os.path.join(SIDECARS, 'hostile')
    with open(os.path.join(hostile, 'MANIFEST.tsv'), encoding='utf-8') as f:
        rows = [l.rstrip('\n').split('\t') for l in f][1:]
    for name, line, kind, what in rows:
        d = fresh_dir(tmp, 'val-hostile-' + name, ARTICLE,
                      (os.path.join(hostile, name), 'article.txt.annotations.xml'))
        sidecar = os.path.join(d, 'article.txt.annotations.xml')
        r = validate(d, sidecar)
        lines = line_numbers(r.err, 'article.txt.annotations.xml')
        T.check(r.rc == 1, 'validate hostile/%s (%s): exit 1' % (name, kind), r.diag())
        T.check(int(line) in lines,
                'validate hostile/%s: stderr names article.txt.annotations.xml:%s (%s)'
                % (name, line, what), r.diag() + ['line numbers found: %r' % sorted(lines)])
    # one hostile case through its source
    d = fresh_dir(tmp, 'val-hostile-via-source', ARTICLE,
                  (os.path.join(hostile, 'quote-mismatch.xml'), 'article.txt.annotations.xml'))
    r = validate(d, os.path.join(d, 'article.txt'))
    T.check(r.rc == 1 and 9 in line_numbers(r.err, 'article.txt.annotations.xml'),
            'validate the source of hostile/quote-mismatch.xml: exit 1, :9 named', r.diag())

    # codebooks
    d = os.path.join(tmp, 'val-codebooks')
    os.makedirs(d)
    write(os.path.join(d, 'codebook.xml'), CUSTOM_CODEBOOK)
    write(os.path.join(d, 'project-codes.xml'), CUSTOM_CODEBOOK)
    write(os.path.join(d, 'truncated.xml'), CUSTOM_CODEBOOK[:200])
    write(os.path.join(d, 'bad-color.xml'), CUSTOM_CODEBOOK.replace('#3584e4', 'blue'))
    shutil.copyfile(os.path.join(ROOT, 'data', 'codebooks', 'claims.xml.in'),
                    os.path.join(d, 'claims.xml'))
    for name in ('codebook.xml', 'project-codes.xml', 'claims.xml'):
        r = validate(d, os.path.join(d, name))
        T.check(r.rc == 0 and r.err == '', 'validate the codebook %s: exit 0' % name, r.diag())
    r = validate(d, os.path.join(d, 'truncated.xml'))
    T.check(r.rc == 1 and 4 in line_numbers(r.err, 'truncated.xml'),
            'validate a truncated codebook: exit 1, truncated.xml:4 named', r.diag())
    r = validate(d, os.path.join(d, 'bad-color.xml'))
    T.check(r.rc == 1 and 4 in line_numbers(r.err, 'bad-color.xml'),
            'validate a codebook with color="blue": exit 1, bad-color.xml:4 named', r.diag())

    # a *.annotations.xml is a sidecar whatever it holds
    d = fresh_dir(tmp, 'val-sidecar-is-codebook', ARTICLE)
    write(os.path.join(d, 'article.txt.annotations.xml'), CUSTOM_CODEBOOK)
    r = validate(d, os.path.join(d, 'article.txt.annotations.xml'))
    T.check(r.rc == 1 and 'article.txt.annotations.xml' in r.err,
            'validate a *.annotations.xml holding a codebook: treated as a sidecar, exit 1',
            r.diag())

    # an unknown category: valid, with a warning at the annotation's line
    d = fresh_dir(tmp, 'val-unknown-category', ARTICLE)
    src = os.path.join(d, 'article.txt')
    cli('annotate', src, '-c', 'factual', '-s', 4, '-e', 14)
    sidecar = sidecar_of(src)
    with open(sidecar, encoding='utf-8') as f:
        content = f.read()
    content = content.replace('category="factual"', 'category="mystery"')
    write(sidecar, content)
    want_line = next((i + 1 for i, l in enumerate(content.split('\n'))
                      if 'category="mystery"' in l), None)
    r = validate(d, sidecar)
    pat = re.compile(r'article\.txt\.annotations\.xml:%s(:\d+)?: warning: .*mystery' % want_line)
    T.check(r.rc == 0 and want_line is not None and pat.search(r.out + r.err),
            'validate a sidecar with an unknown category: exit 0, '
            'FILE:%s: warning: naming it' % want_line, r.diag())
    r = watched('read-only', d, 'stats', src)
    blocks = parse_stats(r.out)
    row = row_for(blocks[0][1], 'mystery') if blocks else None
    T.check(r.rc == 0 and row is not None and row[1:] == (1, 10, 0),
            'stats lists the unknown category with 1 annotation, 10 characters', r.diag())

    # a sidecar whose source is missing
    d = os.path.join(tmp, 'val-orphan-sidecar')
    os.makedirs(d)
    shutil.copyfile(os.path.join(SIDECARS, 'valid', 'minimal.xml'),
                    os.path.join(d, 'gone.txt.annotations.xml'))
    r = validate(d, os.path.join(d, 'gone.txt.annotations.xml'))
    T.check(r.rc == 1 and 'gone.txt' in r.err,
            'validate a *.annotations.xml whose source is missing: exit 1, named', r.diag())

    # a file that does not exist, and several files with one bad
    r = validate(d, os.path.join(d, 'nothing-here.txt'))
    T.check(r.rc == 1 and 'nothing-here.txt' in r.err,
            'validate a file that does not exist: exit 1, named', r.diag())
    r = validate(tmp, os.path.join(tmp, 'val-none', 'article.txt'),
                 os.path.join(tmp, 'val-hostile-quote-mismatch.xml', 'article.txt.annotations.xml'),
                 os.path.join(tmp, 'val-codebooks', 'codebook.xml'))
    T.check(r.rc == 1, 'validate three files, one invalid: exit 1', r.diag())
    r = validate(tmp, os.path.join(tmp, 'val-none', 'article.txt'),
                 os.path.join(tmp, 'val-codebooks', 'codebook.xml'),
                 os.path.join(tmp, 'val-own', 'article.txt.annotations.xml'))
    T.check(r.rc == 0, 'validate three valid files (source, codebook, sidecar): exit 0', r.diag())


def test_stats(tmp):
    # no sidecar: zero of everything, built-in categories
    d = fresh_dir(tmp, 'stats-none', ARTICLE)
    src = os.path.join(d, 'article.txt')
    r = watched('read-only', d, 'stats', src)
    blocks = parse_stats(r.out)
    ok = (r.rc == 0 and len(blocks) == 1 and blocks[0][2] == (0, 0, 0)
          and all(row[1:] == (0, 0, 0) for row in blocks[0][1])
          and [next((c for c in BUILTIN_IDS if row[0].endswith('(%s)' % c)), None)
               for row in blocks[0][1]] == BUILTIN_IDS)
    T.check(ok, 'stats on a source without sidecar: exit 0, the 9 built-in categories in order, '
            'all zero, Total 0 0 0', r.diag() + ['parsed: %r' % blocks])
    T.check(os.listdir(d) == ['article.txt'], 'stats on a source without sidecar creates none',
            os.listdir(d))

    # the bundled sample
    d = fresh_dir(tmp, 'stats-sample', SAMPLE, SAMPLE + SIDECAR_SUFFIX)
    src = os.path.join(d, 'riverside-library.txt')
    sidecar = sidecar_of(src)
    n_elements = (file_bytes(sidecar) or b'').count(b'<annotation ')
    counts, ids, totals = sidecar_counts(sidecar)
    r = watched('read-only', d, 'stats', src)
    blocks = parse_stats(r.out)
    total = blocks[0][2] if blocks else None
    T.check(r.rc == 0 and n_elements > 0 and total is not None and total[0] == n_elements,
            'stats on the sample: Total annotations == %d <annotation> elements' % n_elements,
            r.diag() + ['Total parsed: %r' % (total,)])
    T.check(total == totals,
            'stats on the sample: Total (annotations, characters covered, notes) == %r' % (totals,),
            r.diag() + ['Total parsed: %r' % (total,)])
    rows = blocks[0][1] if blocks else []
    wrong = []
    for cat in ids + [c for c in counts if c not in ids]:
        want = counts.get(cat, (0, 0, 0))
        row = row_for(rows, cat)
        if row is None or row[1] != want[0]:
            wrong.append('%s: annotations %r, want %r' % (cat, row and row[1], want[0]))
    T.check(r.rc == 0 and not wrong and len(rows) == len(set(ids) | set(counts)),
            'stats on the sample: per-category annotation counts match the sidecar',
            r.diag() + wrong)
    wrong = []
    for cat in ids + [c for c in counts if c not in ids]:
        want = counts.get(cat, (0, 0, 0))
        row = row_for(rows, cat)
        if row is None or row[1:] != want:
            wrong.append('%s: got %r, want %r' % (cat, row and row[1:], want))
    T.check(r.rc == 0 and not wrong,
            'stats on the sample: per-category characters (union of spans) and notes match',
            r.diag() + wrong)

    # two files at once
    r = watched('read-only', tmp, 'stats', os.path.join(tmp, 'stats-none', 'article.txt'), src)
    blocks = parse_stats(r.out)
    T.check(r.rc == 0 and len(blocks) == 2
            and blocks[0][0].endswith('article.txt') and blocks[0][2] == (0, 0, 0)
            and blocks[1][0].endswith('riverside-library.txt') and blocks[1][2] == totals,
            'stats on two files: exit 0, one block each, in order, with their totals',
            r.diag() + ['parsed: %r' % blocks])

    # list on the sample: quotes are the text now
    text = read_text(src)
    root = ET.parse(sidecar).getroot()
    want = []
    for ann in root.findall(q('annotation')):
        for t in ann.findall(q('target')):
            s, e = int(t.get('start')), int(t.get('end'))
            want.append([ann.get('id'), ann.get('category'), str(s), str(e), escape(text[s:e]),
                         escape(ann.findtext(q('note')) or ''), escape(ann.get('annotator') or '')])
    r = watched('read-only', d, 'list', src)
    try:
        rows = parse_list(r.out_bytes.decode('utf-8'))
    except (UnicodeDecodeError, ValueError) as e:
        rows = None
    T.check(r.rc == 0 and rows is not None and sorted(rows) == sorted(want),
            'list on the sample: %d lines, every field as in the sidecar and the text' % len(want),
            r.diag() + ['wanted (sorted): %r' % sorted(want)[:3]])

    # annotate the sample: the 20 others stay, check-quotes passes
    s = text.index('Tallow Street Library')
    e = s + len('Tallow Street Library')
    r = cli('annotate', src, '-c', 'context', '-s', s, '-e', e, '-n', 'added by test',
            '-a', 'Sample Tester')
    new_id = r.out.strip()
    _, rows2, diag = list_rows(src)
    want2 = want + [[new_id, 'context', str(s), str(e), 'Tallow Street Library',
                     'added by test', 'Sample Tester']]
    T.check(r.rc == 0 and rows2 is not None and sorted(rows2) == sorted(want2),
            'annotate the sample: list shows the %d old annotations unchanged and the new one'
            % len(want), r.diag() + diag)
    ok, diag = check_quotes(sidecar)
    T.check(ok, 'check-quotes.py accepts the sample sidecar after annotate', diag)
    r = validate(d, src)
    T.check(r.rc == 0, 'validate the sample after annotate: exit 0', r.diag())


def test_list_misc(tmp):
    d = fresh_dir(tmp, 'list-none', ARTICLE)
    r = watched('read-only', d, 'list', os.path.join(d, 'article.txt'))
    T.check(r.rc == 0 and r.out == '', 'list on a source without sidecar: exit 0, no lines', r.diag())

    # the quote is the source text at the offsets now, after the source changed
    d = fresh_dir(tmp, 'list-changed', ARTICLE)
    src = os.path.join(d, 'article.txt')
    cli('annotate', src, '-c', 'statistic', '-s', 150, '-e', 173)
    text = 'BREAKING: ' + read_text(src)
    write(src, text)
    r = watched('read-only', d, 'list', src)
    try:
        rows = parse_list(r.out_bytes.decode('utf-8'))
    except (UnicodeDecodeError, ValueError):
        rows = None
    ok = r.rc == 0 and rows is not None and len(rows) == 1 and \
        rows[0][4] == escape(text[int(rows[0][2]):int(rows[0][3])])
    T.check(ok, 'list after the source changed: exact is the current text at the listed offsets',
            r.diag())
    r = validate(d, src)
    T.check(r.rc == 0, 'validate after the source changed (anchors orphaned/moved, not errors): exit 0',
            r.diag())


def test_shared(tmp):
    seeds = os.path.join(SHARED, 'corpus', 'seeds') if SHARED else ''
    names = sorted(n for n in os.listdir(seeds) if n.endswith('.txt'))[:2] \
        if seeds and os.path.isdir(seeds) else []
    if len(names) < 2:
        for i in range(2):
            T.skip('annotate the first sentence of seed article %d' % (i + 1), 'no shared corpus')
        return
    d = fresh_dir(tmp, 'seeds', *[os.path.join(seeds, n) for n in names])
    for name in names:
        src = os.path.join(d, name)
        with open(src, encoding='utf-8-sig', newline='') as f:
            text = f.read()
        m = re.match(r'\s*(.+?[.!?])(?=\s|$)', text, re.S)
        s, e = m.start(1), m.end(1)
        r = cli('annotate', src, '-c', 'factual', '-s', s, '-e', e, '-a', 'seed test')
        new_id = r.out.strip()
        ok_q, qdiag = check_quotes(sidecar_of(src)) if r.rc == 0 else (False, [])
        _, rows, diag = list_rows(src)
        T.check(r.rc == 0 and ok_q and rows is not None and len(rows) == 1
                and rows[0][:5] == [new_id, 'factual', str(s), str(e), escape(text[s:e])],
                'seeds/%s: annotate the first sentence [%d,%d), check-quotes and list agree'
                % (name, s, e), r.diag() + qdiag + diag)


def guarded(func, *args):
    """Runs one group of tests; an exception in it is one failed test."""
    try:
        return func(*args)
    except Exception:
        T.check(False, '%s ran to the end' % func.__name__,
                traceback.format_exc().splitlines())
        return None


def main():
    if not (os.path.isfile(CLI) and os.access(CLI, os.X_OK)):
        print('Bail out! glossator-cli not found at %s (set GLOSSATOR_CLI)' % CLI)
        return 1
    with tempfile.TemporaryDirectory(prefix='glossator-cli-test-') as top:
        tmp = os.path.join(top, 'work')
        os.makedirs(tmp)
        for var in ('XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            ENV[var] = os.path.join(top, var.lower())
        guarded(test_basics)
        guarded(test_usage_errors, tmp)
        guarded(test_roundtrip_astral, tmp)
        src_crlf = guarded(test_roundtrip_crlf, tmp)
        guarded(test_roundtrip_tabs, tmp)
        guarded(test_texts_manifest, tmp)
        guarded(test_refusals, tmp, src_crlf)
        guarded(test_broken_sidecar, tmp)
        guarded(test_binary, tmp)
        guarded(test_project_codebook, tmp)
        guarded(test_validate, tmp)
        guarded(test_stats, tmp)
        guarded(test_list_misc, tmp)
        guarded(test_shared, tmp)
        T.check(not WRITE_LOG['validate'],
                'validate never created, changed or removed a file (%s)' % 'bytes, mtime, inode',
                WRITE_LOG['validate'])
        T.check(not WRITE_LOG['read-only'],
                'list and stats never created, changed or removed a file', WRITE_LOG['read-only'])
    return T.finish()


if __name__ == '__main__':
    sys.exit(main())
