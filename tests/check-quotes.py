#!/usr/bin/env python3
"""Independent oracle for Glossator sidecars (FORMAT.md version 1).

Usage: check-quotes.py SIDECAR [SOURCE]

SOURCE defaults to the SIDECAR path minus ".annotations.xml".  The source is
decoded as FORMAT.md §1 and §5 say (encoding and BOM as recorded in the
sidecar's <source>, no newline translation, no normalisation), and every target
of every annotation that is not orphaned is checked against it: offsets in
range, <exact>, <prefix> and <suffix> equal to the text, with each character
XML 1.0 cannot hold written as U+FFFD and U+FFFD in a quote matching any one
character.  The <source> attributes length, sha256, newlines and bom are
checked too.

Output is TAP (a plan, then one line per check); the exit status is 1 if any
check failed, 2 on a usage error.  Python 3 standard library only.
"""

import codecs
import hashlib
import sys
import xml.etree.ElementTree as ET

NS = 'https://glossator.github.io/ns/annotations/1'
CONTEXT = 32            # code points of prefix/suffix context, FORMAT.md §2
REPLACEMENT = '\ufffd'
BOMS = {
    'UTF-8': b'\xef\xbb\xbf',
    'UTF-16LE': b'\xff\xfe',
    'UTF-16BE': b'\xfe\xff',
}


def q(name):
    return '{%s}%s' % (NS, name)


def xml_unholdable(ch):
    """True for a character XML 1.0 cannot hold that FORMAT.md §2 replaces:
    the C0 controls other than tab, LF and CR."""
    return ord(ch) < 0x20 and ch not in '\t\n\r'


def as_written(s):
    """The text as a writer puts it into prefix/exact/suffix."""
    return ''.join(REPLACEMENT if xml_unholdable(c) else c for c in s)


def quote_matches(quote, expected):
    """FORMAT.md §2: U+FFFD in a quote matches any one character."""
    if len(quote) != len(expected):
        return False
    return all(a == b or a == REPLACEMENT for a, b in zip(quote, expected))


def show(s, limit=24):
    """A short, printable rendering of a quote for a TAP description."""
    out = []
    for c in s[:limit]:
        if c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif c == '\t':
            out.append('\\t')
        elif c == "'":
            out.append("\\'")
        elif ord(c) < 0x20 or ord(c) == 0x7f:
            out.append('\\x%02x' % ord(c))
        else:
            out.append(c)
    return "'" + ''.join(out) + ('…' if len(s) > limit else '') + "'"


def newline_style(text):
    crlf = text.count('\r\n')
    cr = text.count('\r') - crlf
    lf = text.count('\n') - crlf
    kinds = [k for k, n in (('lf', lf), ('crlf', crlf), ('cr', cr)) if n]
    if not kinds:
        return 'none'
    return kinds[0] if len(kinds) == 1 else 'mixed'


def decode(data, encoding):
    """Decode the source bytes as FORMAT.md §1/§5 say.  Returns
    (text, bom_found).  Raises LookupError or UnicodeDecodeError."""
    enc = (encoding or 'UTF-8').upper().replace('_', '-')
    if enc in ('UTF8',):
        enc = 'UTF-8'
    if enc in ('UTF-16LE', 'UTF-16BE', 'UTF-8'):
        mark = BOMS[enc]
        found = data.startswith(mark)
        if found:
            data = data[len(mark):]
        codec = {'UTF-8': 'utf-8', 'UTF-16LE': 'utf-16-le',
                 'UTF-16BE': 'utf-16-be'}[enc]
        return data.decode(codec, 'strict'), found
    if enc in ('WINDOWS-1252', 'CP1252'):
        return data.decode('cp1252', 'strict'), False
    codecs.lookup(encoding)          # LookupError for an unknown name
    return data.decode(encoding, 'strict'), False


class Tap:
    def __init__(self):
        self.lines = []
        self.failed = 0

    def check(self, ok, description, diagnostics=(), directive=None):
        n = len(self.lines) + 1
        line = '%s %d - %s' % ('ok' if ok else 'not ok', n, description)
        if directive:
            line += ' # ' + directive
        self.lines.append((line, [] if ok else list(diagnostics)))
        if not ok:
            self.failed += 1

    def emit(self):
        print('1..%d' % len(self.lines))
        for line, diags in self.lines:
            print(line)
            for d in diags:
                print('#   ' + d)
        if self.failed:
            print('# failed %d of %d' % (self.failed, len(self.lines)))
        sys.stdout.flush()
        return 1 if self.failed else 0


def bail(message):
    print('Bail out! ' + message)
    sys.exit(1)


def parse_offset(value):
    if value is None or not value.isdigit() or not value.isascii():
        return None
    return int(value)


def check_target(tap, text, ann_id, target):
    s_raw, e_raw = target.get('start'), target.get('end')
    start, end = parse_offset(s_raw), parse_offset(e_raw)
    exact_el = target.find(q('exact'))
    exact = (exact_el.text or '') if exact_el is not None else None
    label = '%s [%s,%s) %s' % (ann_id, s_raw, e_raw,
                                show(exact) if exact is not None else '(no exact)')
    problems = []
    if start is None or end is None:
        tap.check(False, label, ['start/end are not non-negative integers: '
                                 'start=%r end=%r' % (s_raw, e_raw)])
        return
    if not (0 <= start < end <= len(text)):
        tap.check(False, label, ['offsets out of range: need 0 <= %d < %d <= %d'
                                 % (start, end, len(text))])
        return
    want = as_written(text[start:end])
    if exact is None:
        problems.append('no <exact> element')
    elif not quote_matches(exact, want):
        problems.append('exact:    %s (%d code points)' % (show(exact, 80), len(exact)))
        problems.append('text has: %s (%d code points)' % (show(want, 80), len(want)))
    for name, piece in (('prefix', text[max(0, start - CONTEXT):start]),
                        ('suffix', text[end:end + CONTEXT])):
        el = target.find(q(name))
        if el is None:
            continue
        got = el.text or ''
        want = as_written(piece)
        if not quote_matches(got, want):
            problems.append('%s:   %s (%d code points)' % (name, show(got, 80), len(got)))
            problems.append('text has: %s (%d code points)' % (show(want, 80), len(want)))
    tap.check(not problems, label, problems)


def main(argv):
    if len(argv) not in (2, 3) or argv[1] in ('-h', '--help'):
        sys.stderr.write('usage: %s SIDECAR [SOURCE]\n' % argv[0])
        return 2
    sidecar = argv[1]
    if len(argv) == 3:
        source = argv[2]
    elif sidecar.endswith('.annotations.xml'):
        source = sidecar[:-len('.annotations.xml')]
    else:
        sys.stderr.write('%s: SIDECAR does not end in .annotations.xml; '
                         'give SOURCE\n' % argv[0])
        return 2

    try:
        with open(sidecar, 'rb') as f:
            raw_xml = f.read()
        if b'<!DOCTYPE' in raw_xml:
            bail('%s: has a DOCTYPE (FORMAT.md §6)' % sidecar)
        root = ET.fromstring(raw_xml)
    except (OSError, ET.ParseError) as e:
        bail('%s: %s' % (sidecar, e))
    if root.tag != q('annotations'):
        bail('%s: root is %s, not {%s}annotations' % (sidecar, root.tag, NS))
    src = root.find(q('source'))
    if src is None:
        bail('%s: no <source> element' % sidecar)

    try:
        with open(source, 'rb') as f:
            data = f.read()
    except OSError as e:
        bail('%s: %s' % (source, e))

    encoding = src.get('encoding', 'UTF-8')
    tap = Tap()
    try:
        text, bom_found = decode(data, encoding)
    except (LookupError, UnicodeDecodeError) as e:
        tap.check(False, 'source decodes as %s' % encoding, [str(e)])
        return tap.emit()
    tap.check(True, 'source decodes as %s' % encoding)

    bom_attr = src.get('bom', 'false')
    tap.check(bom_attr == ('true' if bom_found else 'false'),
              'source/@bom = %s' % bom_attr,
              ['file %s' % ('starts with a byte-order mark' if bom_found
                                else 'has no byte-order mark')])
    length = src.get('length')
    tap.check(length == str(len(text)), 'source/@length = %s' % length,
              ['decoded text has %d code points' % len(text)])
    digest = hashlib.sha256(data).hexdigest()
    sha = src.get('sha256')
    tap.check((sha or '').lower() == digest, 'source/@sha256 = %s' % sha,
              ['file bytes hash to %s' % digest])
    style = newline_style(text)
    nl = src.get('newlines')
    tap.check(nl == style, 'source/@newlines = %s' % nl,
              ['text has newlines: %s' % style])

    for ann in root.findall(q('annotation')):
        ann_id = ann.get('id', '(no id)')
        targets = ann.findall(q('target'))
        if not targets:
            tap.check(False, '%s has a target' % ann_id, ['annotation without <target>'])
            continue
        for target in targets:
            if ann.get('anchor') == 'orphaned':
                tap.check(True, '%s [%s,%s)' % (ann_id, target.get('start'),
                                                target.get('end')),
                          directive='SKIP orphaned')
                continue
            check_target(tap, text, ann_id, target)
    return tap.emit()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
