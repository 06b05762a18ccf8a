#!/usr/bin/env python3
"""glossator-cli project (issue 15): articles exchanged with QDA tools as a
REFI-QDA project (.qdpx). On copies of the seed articles (one re-saved as
Windows-1252, so that positions must count characters of the decoded
text), with a nested folder codebook, notes, two annotators, a relation and
a link between the articles: the zip is read with Python's zipfile,
project.qde is valid against data/refi-qda-project.rng and every selection's
positions give the annotation's text in its UTF-8 source; the project read
back into an empty folder gives the same articles, categories (ids,
hierarchy, colours, descriptions), spans, notes, annotators and relations.
A project in the shape a QDA tool writes (braced lower-case GUIDs, inline
text, a BOM, several users, a picture, an uncoded selection) is read, with
a warning for each thing left out; bad projects are refused naming the
file, and nothing in the folder is replaced."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from glossator_test import Tap, cli, tree  # noqa: E402

tap = Tap()
shared = os.environ.get('GLOSSATOR_SHARED_DIR', '')
seeds = os.path.join(shared, 'corpus', 'seeds')
if not os.path.isdir(seeds):
    print('1..0 # SKIP no shared corpus')
    sys.exit(0)

ROOT = os.environ.get('GLOSSATOR_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..'))
RNG = os.path.join(ROOT, 'data', 'refi-qda-project.rng')
Q = '{urn:QDA-XML:project:1.0}'
NS = '{https://glossator.github.io/ns/annotations/1}'

CODEBOOK = '''<?xml version="1.0" encoding="UTF-8"?>
<codebook xmlns="https://glossator.github.io/ns/annotations/1" id="framing-study" version="1">
  <label>Framing study</label>
  <category id="claim" key="1" color="#1c71d8">
    <label>Claim</label>
    <description>Something stated as true.</description>
    <category id="claim-number" key="2" color="#26a269">
      <label>Claim with a number</label>
      <description>A claim that rests on a figure.</description>
    </category>
  </category>
  <category id="source" key="3" color="#c061cb">
    <label>Source</label>
  </category>
</codebook>
'''


def listing(path):
    r = cli('list', '--json', path)
    tap.check(r.rc == 0, 'list --json ' + os.path.basename(path), r.diag())
    return json.loads(r.out) if r.rc == 0 else {'annotations': [], 'relations': []}


def codebook_of(sidecar):
    root = ET.parse(sidecar).getroot()
    book = root.find(NS + 'codebook')

    def walk(node, parent):
        out = []
        for c in node.findall(NS + 'category'):
            label = c.find(NS + 'label')
            desc = c.find(NS + 'description')
            out.append((c.get('id'), parent, c.get('color'), label.text if label is not None else None,
                        desc.text if desc is not None else None))
            out += walk(c, c.get('id'))
        return out
    return sorted(walk(book, None))


with tempfile.TemporaryDirectory() as tmp:
    corpus = os.path.join(tmp, 'corpus')
    os.makedirs(os.path.join(corpus, 'outlet-b'))
    a = os.path.join(corpus, 'deportation.txt')
    b = os.path.join(corpus, 'outlet-b', 'deportation.txt')
    shutil.copy(os.path.join(seeds, '000_5b5f6f9e71fb7d34.txt'), a)
    text_b = open(os.path.join(seeds, '001_e2a903427bd796e1.txt'), encoding='utf-8').read() + '\nCafé déjà vu.\n'
    open(b, 'wb').write(text_b.encode('cp1252', errors='replace'))
    text_b = open(b, 'rb').read().decode('cp1252')
    text_a = open(a, encoding='utf-8', newline='').read()
    for folder in (corpus, os.path.join(corpus, 'outlet-b')):
        open(os.path.join(folder, 'codebook.xml'), 'w', encoding='utf-8').write(CODEBOOK)

    def annotate(path, text, quote, category, *extra):
        start = text.index(quote)
        r = cli('annotate', path, '--category', category, '--start', str(start),
                '--end', str(start + len(quote)), *extra)
        tap.check(r.rc == 0, f'annotate “{quote}” as {category}', r.diag())
        return r.out.strip()

    a1 = annotate(a, text_a, 'approximately 100 Iranian citizens', 'claim-number', '--annotator', 'Zoë')
    a2 = annotate(a, text_a, 'all officials involved requested anonymity', 'source',
                  '--note', 'unnamed officials,\nno document', '--annotator', 'Ana')
    b1 = annotate(b, text_b, 'around 100 Iranian nationals', 'claim-number', '--annotator', 'Ana')
    b2 = annotate(b, text_b, 'Café déjà vu', 'claim', '--annotator', 'Zoë')
    r = cli('link', a, a2, a, a1, '--type', 'supports')
    tap.check(r.rc == 0, 'a relation inside the first article', r.diag())
    r = cli('link', a, a1, b, b1, '--type', 'contradicts')
    tap.check(r.rc == 0, 'a link to the second article', r.diag())

    # export: a folder, read on every core
    qdpx = os.path.join(tmp, 'study.qdpx')
    r = cli('project', '--export-qdpx', qdpx, corpus)
    tap.check(r.rc == 0 and os.path.isfile(qdpx), 'project --export-qdpx FOLDER', r.diag())
    z = zipfile.ZipFile(qdpx)
    names = z.namelist()
    tap.check('project.qde' in names and sum(n.startswith('sources/') for n in names) == 2,
              'the zip holds project.qde and one source per article', names)
    qde = os.path.join(tmp, 'project.qde')
    open(qde, 'wb').write(z.read('project.qde'))
    v = subprocess.run(['xmllint', '--noout', '--nonet', '--relaxng', RNG, qde], capture_output=True, text=True)
    tap.check(v.returncode == 0, 'project.qde is valid against refi-qda-project.rng', v.stderr[-2000:])

    project = ET.parse(qde).getroot()
    users = {u.get('guid'): u.get('name') for u in project.iter(Q + 'User')}
    codes = {c.get('guid'): c.get('name') for c in project.iter(Q + 'Code')}
    notes = {n.get('guid'): n.find(Q + 'PlainTextContent').text for n in project.iter(Q + 'Note')}
    tap.check(sorted(users.values()) == ['Ana', 'Zoë'], 'the annotators are the users', users)
    nested = [c.get('name') for c in project.find(Q + 'CodeBook').find(Q + 'Codes').findall(Q + 'Code')]
    tap.check(nested == ['Claim', 'Source'] and
              [c.get('name') for c in project.iter(Q + 'Code') if c.get('name') == 'Claim with a number'],
              'the codebook keeps its hierarchy', nested)

    problems = []
    selections = {}
    for source in project.iter(Q + 'TextSource'):
        path = source.get('plainTextPath')
        text = z.read('sources/' + path[len('internal://'):]).decode('utf-8')
        for sel in source.findall(Q + 'PlainTextSelection'):
            s, e = int(sel.get('startPosition')), int(sel.get('endPosition'))
            code = codes.get(sel.find(Q + 'Coding').find(Q + 'CodeRef').get('targetGUID'))
            note = tuple(notes.get(n.get('targetGUID')) for n in sel.findall(Q + 'NoteRef'))
            selections[sel.get('guid')] = (source.get('name'), text[s:e], code, users.get(sel.get('creatingUser')),
                                           note)
    expected = {('deportation.txt', 'approximately 100 Iranian citizens', 'Claim with a number', 'Zoë', ()),
                ('deportation.txt', 'all officials involved requested anonymity', 'Source', 'Ana',
                 ('unnamed officials,\nno document',)),
                ('outlet-b/deportation.txt', 'around 100 Iranian nationals', 'Claim with a number', 'Ana', ()),
                ('outlet-b/deportation.txt', 'Café déjà vu', 'Claim', 'Zoë', ())}
    tap.check(set(selections.values()) == expected,
              'each selection’s positions give its text in the UTF-8 source (code points), with code, user, note',
              sorted(selections.values()))
    links = sorted((l.get('name'), selections[l.get('originGUID')][1], selections[l.get('targetGUID')][1])
                   for l in project.iter(Q + 'Link'))
    tap.check(links == [('contradicts', 'approximately 100 Iranian citizens', 'around 100 Iranian nationals'),
                        ('supports', 'all officials involved requested anonymity',
                         'approximately 100 Iranian citizens')],
              'relations and links between the articles are Links', links)

    r = cli('project', '--export-qdpx', os.path.join(tmp, 'again.qdpx'), corpus)
    again = zipfile.ZipFile(os.path.join(tmp, 'again.qdpx'))
    guids = lambda zf: sorted(e.get('guid') for e in ET.fromstring(zf.read('project.qde')).iter() if e.get('guid'))
    tap.check(r.rc == 0 and guids(again) == guids(z), 'a second export gives the same GUIDs')

    # import into an empty folder: the same articles and annotations
    back = os.path.join(tmp, 'back')
    os.makedirs(back)
    # the corpus's codebook: the codes are matched to its categories by GUID
    shutil.copy(os.path.join(corpus, 'codebook.xml'), back)
    r = cli('project', '--import-qdpx', qdpx, back)
    tap.check(r.rc == 0 and r.err == '', 'project --import-qdpx, no warning', r.diag())
    articles = sorted(os.listdir(back))
    tap.check(articles == ['codebook.xml', 'deportation (2).txt', 'deportation (2).txt.annotations.xml',
                           'deportation.txt', 'deportation.txt.annotations.xml'],
              'an article and its annotation file per source, names made unique', articles)
    first = 'deportation.txt' if 'approximately' in open(os.path.join(back, 'deportation.txt'),
                                                         encoding='utf-8').read() else 'deportation (2).txt'
    second = 'deportation (2).txt' if first == 'deportation.txt' else 'deportation.txt'
    tap.check(open(os.path.join(back, second), encoding='utf-8').read() == text_b,
              'the Windows-1252 article comes back as the same text, in UTF-8')

    def summary(path):
        d = listing(path)
        by_id = {x['id']: x for x in d['annotations']}
        spans = sorted((x['category'], x['targets'][0]['start'], x['targets'][0]['end'], x.get('note'),
                        x.get('annotator')) for x in d['annotations'])
        rels = sorted((x['type'], by_id[x['from']]['targets'][0]['exact'],
                       by_id[x['to']]['targets'][0]['exact'] if x['to'] in by_id else x['to'].split('#')[0])
                      for x in d['relations'])
        return spans, rels

    def original(path):
        spans, rels = summary(path)
        return spans, rels

    spans_a, rels_a = original(a)
    spans_back, rels_back = summary(os.path.join(back, first))
    tap.check(spans_back == spans_a, 'the first article’s annotations come back (category, span, note, annotator)',
              [spans_back, spans_a])
    tap.check(rels_back == [('contradicts', 'approximately 100 Iranian citizens',
                             second.replace(' ', '%20') + '.annotations.xml'),
                            ('supports', 'all officials involved requested anonymity',
                             'approximately 100 Iranian citizens')],
              'the relation and the link to the other article come back', rels_back)
    tap.check(summary(os.path.join(back, second))[0] == summary(b)[0], 'the second article’s annotations come back')
    tap.check(codebook_of(os.path.join(back, first + '.annotations.xml')) ==
              codebook_of(a + '.annotations.xml'),
              'the codebook comes back: ids, hierarchy, colours, labels, descriptions',
              [codebook_of(os.path.join(back, first + '.annotations.xml')), codebook_of(a + '.annotations.xml')])
    r = cli('validate', os.path.join(back, first), os.path.join(back, second))
    tap.check(r.rc == 0 and 'warning' not in r.err, 'the imported files are valid, their link resolves', r.diag())

    # importing again refuses, and replaces nothing
    before = tree(back)
    r = cli('project', '--import-qdpx', qdpx, back)
    tap.check(r.rc == 1 and 'there already' in r.err and tree(back) == before,
              'an article already in the folder: exit 1, nothing written', r.diag())

    # a project in the shape a QDA tool writes
    hand = os.path.join(tmp, 'hand.qdpx')
    text = 'Interview one.\nThe minister said prices will fall.\n'
    with zipfile.ZipFile(hand, 'w') as zf:
        zf.writestr('project.qde', '''<?xml version="1.0" encoding="utf-8"?>
<Project name="Interviews" origin="A QDA tool" xmlns="urn:QDA-XML:project:1.0">
  <Users>
    <User guid="{aaaaaaaa-0000-4000-8000-000000000001}" name="Coder One"/>
    <User guid="{aaaaaaaa-0000-4000-8000-000000000002}" id="C2"/>
  </Users>
  <CodeBook><Codes>
    <Code guid="{bbbbbbbb-0000-4000-8000-000000000001}" name="Politics" isCodable="false" color="#A00">
      <Description>All of politics</Description>
      <Code guid="{bbbbbbbb-0000-4000-8000-000000000002}" name="Promise" isCodable="true" color="#00aa00"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="{cccccccc-0000-4000-8000-000000000001}" name="C:\\\\Data\\\\interview one.docx"
                plainTextPath="internal://{cccccccc-0000-4000-8000-000000000001}.txt">
      <PlainTextSelection guid="{dddddddd-0000-4000-8000-000000000001}" startPosition="15" endPosition="50"
                          creatingUser="{aaaaaaaa-0000-4000-8000-000000000002}" creationDateTime="2021-05-04T10:00:00Z">
        <Coding guid="{eeeeeeee-0000-4000-8000-000000000001}" creatingUser="{aaaaaaaa-0000-4000-8000-000000000001}">
          <CodeRef targetGUID="{bbbbbbbb-0000-4000-8000-000000000002}"/>
        </Coding>
        <NoteRef targetGUID="{ffffffff-0000-4000-8000-000000000001}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="{dddddddd-0000-4000-8000-000000000002}" startPosition="0" endPosition="9"/>
    </TextSource>
    <TextSource guid="{cccccccc-0000-4000-8000-000000000002}" name="notes">
      <PlainTextContent>Inline text.</PlainTextContent>
      <PlainTextSelection guid="{dddddddd-0000-4000-8000-000000000003}" startPosition="0" endPosition="6">
        <Coding guid="{eeeeeeee-0000-4000-8000-000000000002}"><CodeRef targetGUID="{BBBBBBBB-0000-4000-8000-000000000001}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="{cccccccc-0000-4000-8000-000000000003}" name="photo.jpg" path="internal://photo.jpg"/>
  </Sources>
  <Notes>
    <Note guid="{ffffffff-0000-4000-8000-000000000001}" name="memo"><PlainTextContent>Said twice.</PlainTextContent></Note>
  </Notes>
</Project>
''')
        zf.writestr('sources/{cccccccc-0000-4000-8000-000000000001}.txt', '\ufeff' + text)
    hand_folder = os.path.join(tmp, 'hand')
    os.makedirs(hand_folder)
    r = cli('project', '--import-qdpx', hand, hand_folder)
    tap.check(r.rc == 0, 'a project written by another tool is read', r.diag())
    tap.check('PictureSource' in r.err and 'no coding' in r.err, 'what is left out is said (picture, uncoded)',
              r.diag())
    got = sorted(f for f in os.listdir(hand_folder) if not f.endswith('.annotations.xml'))
    tap.check(got == ['interview one.docx.txt', 'notes.txt'], 'sources named after their names, as .txt', got)
    d = listing(os.path.join(hand_folder, 'interview one.docx.txt'))
    ann = d['annotations'][0] if len(d['annotations']) == 1 else {}
    tap.check(ann.get('targets', [{}])[0].get('exact') == text[15:50] and ann.get('note') == 'Said twice.' and
              ann.get('annotator') == 'Coder One' and
              [x.get('created') for x in ET.parse(os.path.join(hand_folder, 'interview one.docx.txt.annotations.xml'))
               .getroot().iter(NS + 'annotation')] == ['2021-05-04T10:00:00Z'],
              'the coded selection: its text (BOM dropped), note, coder and date', d['annotations'])
    book = codebook_of(os.path.join(hand_folder, 'notes.txt.annotations.xml'))
    tap.check([(c[1] is None, c[2], c[3], c[4]) for c in book] ==
              [(True, '#aa0000', 'Politics', 'All of politics'), (False, '#00aa00', 'Promise', None)]
              or sorted([(c[1] is None, c[2], c[3], c[4]) for c in book]) ==
              sorted([(True, '#aa0000', 'Politics', 'All of politics'), (False, '#00aa00', 'Promise', None)]),
              'the nested codebook, its colours and description', book)

    # bad projects: refused, naming the file, nothing written
    bad_cases = {
        'not a zip': b'plain text, no zip',
        'no project.qde': None,
        'a DOCTYPE': '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x "y">]><Project name="x"/>',
        'a source outside the project': '''<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>
<Code guid="bbbbbbbb-0000-4000-8000-000000000001" name="C" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="cccccccc-0000-4000-8000-000000000001" name="p" plainTextPath="file:///etc/passwd"/>
</Sources></Project>''',
        'not a project': '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>',
    }
    for what, content in bad_cases.items():
        path = os.path.join(tmp, 'bad.qdpx')
        if isinstance(content, bytes):
            open(path, 'wb').write(content)
        else:
            with zipfile.ZipFile(path, 'w') as zf:
                if content is None:
                    zf.writestr('sources/x.txt', 'text')
                else:
                    zf.writestr('project.qde', content)
        empty = os.path.join(tmp, 'empty-' + what.replace(' ', '-'))
        os.makedirs(empty)
        r = cli('project', '--import-qdpx', path, empty)
        tap.check(r.rc == 1 and 'bad.qdpx' in r.err and os.listdir(empty) == [],
                  f'{what}: exit 1, the file named, nothing written', r.diag())

    # a DOCTYPE in UTF-16 escapes no check: the project's XML must be UTF-8
    path = os.path.join(tmp, 'utf16.qdpx')
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr('project.qde', ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE Project ['
                                    '<!ENTITY x "expanded">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>')
                    .encode('utf-16'))
    empty = os.path.join(tmp, 'empty-utf16')
    os.makedirs(empty)
    r = cli('project', '--import-qdpx', path, empty)
    tap.check(r.rc == 1 and 'UTF-8' in r.err and os.listdir(empty) == [],
              'a UTF-16 project.qde (with a DOCTYPE) is refused, nothing written', r.diag())

    # a source name longer than a file name can be is cut, not refused
    long_name = 'é' * 200 + '.docx'
    path = os.path.join(tmp, 'long.qdpx')
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr('project.qde', '''<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>
<Code guid="bbbbbbbb-0000-4000-8000-000000000001" name="C" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="cccccccc-0000-4000-8000-000000000001" name="%s">
<PlainTextContent>Some text.</PlainTextContent></TextSource></Sources></Project>''' % long_name)
    long_folder = os.path.join(tmp, 'long')
    os.makedirs(long_folder)
    r = cli('project', '--import-qdpx', path, long_folder)
    made = sorted(os.listdir(long_folder))
    tap.check(r.rc == 0 and len(made) == 2 and all(len(f.encode()) <= 255 for f in made),
              'a very long source name gives a file name that fits', [r.diag(), made])

    # the same article twice: two sources, each with its own GUID
    twice = os.path.join(tmp, 'twice.qdpx')
    r = cli('project', '--export-qdpx', twice, a, a)
    entries = zipfile.ZipFile(twice).namelist() if r.rc == 0 else []
    tap.check(len([e for e in entries if e.startswith('sources/')]) == 2 and len(set(entries)) == len(entries),
              'an article named twice is two sources with their own GUIDs', [r.diag(), entries])

    for args, what in ((['--import-qdpx', qdpx], 'no FOLDER'),
                       (['--export-qdpx', qdpx, '--import-qdpx', qdpx, back], 'both'),
                       ([a], 'neither')):
        r = cli('project', *args)
        tap.check(r.rc == 2, f'{what}: a usage error', r.diag())
    r = cli('project', '--import-qdpx', qdpx, os.path.join(tmp, 'missing'))
    tap.check(r.rc == 1 and 'missing' in r.err, 'a folder that does not exist: exit 1', r.diag())
    before = tree(tmp)
    r = cli('project', '--export-qdpx', os.path.join(tmp, 'x.qdpx'), a, os.path.join(tmp, 'nope.txt'))
    tap.check(r.rc == 1 and 'nope.txt' in r.err and tree(tmp) == before,
              'an article that cannot be read: exit 1, nothing written', r.diag())

    # the same with the CSV export of several articles, which shares the loading
    r = cli('export', '--format', 'csv', '-o', os.path.join(tmp, 'x.csv'), a, os.path.join(tmp, 'nope.txt'))
    tap.check(r.rc == 1 and 'CRITICAL' not in r.err and tree(tmp) == before,
              'export of several articles, one unreadable: exit 1, nothing written, no critical', r.diag())

tap.finish()
