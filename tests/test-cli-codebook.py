#!/usr/bin/env python3
"""glossator-cli codebook (issue 15): a REFI-QDA codebook exported from an
article and from a codebook file, valid by xmllint against the standard's
element rules (data/refi-qda-codebook.rng), read back by Python's own XML
parser; imported into a new codebook.xml and into an article's annotation
file, GUIDs stable across exports; refusals write nothing."""

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from glossator_test import Tap, cli  # noqa: E402

tap = Tap()
ROOT = os.environ['GLOSSATOR_SOURCE_ROOT']
RNG = os.path.join(ROOT, 'data', 'refi-qda-codebook.rng')
QDC = '{urn:QDA-XML:codebook:1.0}'
XMLLINT = shutil.which('xmllint')


def valid(path):
    p = subprocess.run([XMLLINT, '--noout', '--relaxng', RNG, path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode == 0, p.stderr.decode()


def codes(path):
    """(depth, name, guid, color, description) of every Code, in order."""
    found = []

    def walk(element, depth):
        for code in element.findall(QDC + 'Code'):
            description = code.find(QDC + 'Description')
            found.append((depth, code.get('name'), code.get('guid'), code.get('color'),
                          description.text if description is not None else None))
            walk(code, depth + 1)
    walk(ET.parse(path).getroot().find(QDC + 'Codes'), 0)
    return found


with tempfile.TemporaryDirectory() as tmp:
    for name in ('riverside-library.txt', 'riverside-library.txt.annotations.xml'):
        shutil.copy(os.path.join(ROOT, 'data', 'samples', name), tmp)
    article = os.path.join(tmp, 'riverside-library.txt')
    sidecar = article + '.annotations.xml'

    out = os.path.join(tmp, 'claims.qdc')
    r = cli('codebook', article, '--export-qdc', out)
    tap.check(r.rc == 0 and os.path.exists(out), 'export from an article', r.diag())
    if XMLLINT:
        ok, err = valid(out)
        tap.check(ok, 'the export is valid against refi-qda-codebook.rng', [err])
    else:
        tap.skip('the export is valid', 'xmllint not installed')
    first = codes(out)
    tap.check(len(first) >= 5 and all(c[2] and c[3] for c in first),
              'every code has a GUID and a colour', [first])

    # into a new project codebook, then exported again: the same codes
    project = os.path.join(tmp, 'codebook.xml')
    r = cli('codebook', project, '--import-qdc', out)
    tap.check(r.rc == 0 and os.path.exists(project), 'import into a new codebook.xml', r.diag())
    r = cli('validate', project)
    tap.check(r.rc == 0, 'the new codebook.xml is a valid codebook', r.diag())
    again = os.path.join(tmp, 'again.qdc')
    r = cli('codebook', project, '--export-qdc', again)
    tap.check(r.rc == 0 and codes(again) == first,
              'exported again from codebook.xml: the same names, GUIDs, colours, descriptions',
              [first, codes(again) if os.path.exists(again) else None])

    # into the article's annotation file: matched by GUID, nothing new
    with open(sidecar, 'rb') as f:
        before = f.read()
    r = cli('codebook', article, '--import-qdc', out)
    tap.check(r.rc == 0 and ', 0 new' in r.err, 'import into the article: every code matched', r.diag())
    third = os.path.join(tmp, 'third.qdc')
    cli('codebook', article, '--export-qdc', third)
    tap.check(codes(third) == first, 'the GUIDs stay the same across exports', [codes(third)])
    r = cli('validate', article)
    tap.check(r.rc == 0, 'the annotation file is still valid', r.diag())

    # refusals
    bad = os.path.join(tmp, 'bad.qdc')
    with open(bad, 'w') as f:
        f.write("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'>\n<Codes>\n"
                "<Code guid='x' name='a' isCodable='true'/></Codes></CodeBook>\n")
    with open(sidecar, 'rb') as f:
        before = f.read()
    r = cli('codebook', article, '--import-qdc', bad)
    with open(sidecar, 'rb') as f:
        after = f.read()
    tap.check(r.rc == 1 and 'bad.qdc:3:' in r.err and before == after,
              'a broken .qdc is refused with its line, and nothing is written', r.diag())
    r = cli('codebook', article)
    tap.check(r.rc == 2, 'neither --export-qdc nor --import-qdc: a usage error', r.diag())

sys.exit(tap.finish())
