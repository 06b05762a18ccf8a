#!/usr/bin/env python3
"""glossator-cli merge-driver and setup-git (issue 14), with real git in a
temporary repository: a seed article annotated on a base commit, changed on
two branches, merged. The clean case (both directions give the same bytes),
each conflict case (a field both changed, changed here and deleted there,
the note on the article, a relation), and a rename of the article on one
branch while the other edits annotations. Every result is checked with
`glossator-cli validate` against the article and with xmllint against the
RELAX NG schema; a conflict leaves no conflict markers."""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from glossator_test import CLI, ENV, ROOT, Tap  # noqa: E402

SHARED = os.environ.get('GLOSSATOR_SHARED_DIR') or os.path.join(ROOT, '..', 'shared')
SEEDS = os.path.join(SHARED, 'corpus', 'seeds')
NS = 'https://glossator.github.io/ns/annotations/1'
Q = '{%s}' % NS
SCHEMA = os.path.join(ROOT, 'data', 'glossator-annotations.rng')
SIDECAR = 'a.txt.annotations.xml'

if not os.path.isdir(SEEDS):
    print('1..0 # SKIP no shared corpus')
    sys.exit(0)
if shutil.which('git') is None:
    print('1..0 # SKIP git is not installed')
    sys.exit(0)

ET.register_namespace('', NS)
tap = Tap()


class Repo:
    """A repository with the seed article and its sidecar of four
    annotations (A1 … A4) and a relation A1 → A2 on the base commit, and a
    branch “theirs” from it."""

    def __init__(self, top):
        self.top = top
        self.env = dict(ENV)
        self.env.update({'HOME': top, 'GIT_CONFIG_NOSYSTEM': '1', 'GIT_AUTHOR_NAME': 't',
                         'GIT_AUTHOR_EMAIL': 't@example.org', 'GIT_COMMITTER_NAME': 't',
                         'GIT_COMMITTER_EMAIL': 't@example.org',
                         'PATH': os.path.dirname(CLI) + os.pathsep + os.environ.get('PATH', '')})
        self.work = os.path.join(top, 'repo')
        os.makedirs(self.work)
        self.git('init', '-q', '-b', 'main')
        self.setup = self.run(CLI, 'setup-git')
        shutil.copyfile(os.path.join(SEEDS, sorted(os.listdir(SEEDS))[0]), os.path.join(self.work, 'a.txt'))
        for category, start, end in (('factual', 10, 50), ('statistic', 100, 130),
                                     ('opinion', 300, 340), ('hedge', 500, 520)):
            self.annotate('a.txt', category, start, end)
        self.ids = [a.get('id') for a in self.root(SIDECAR).iter(Q + 'annotation')]
        self.edit(SIDECAR, lambda root: root.append(ET.Element(Q + 'relation', {
            'id': 'r-1', 'type': 'supports', 'from': self.ids[0], 'to': self.ids[1]})))
        self.git('add', '-A')
        self.git('commit', '-qm', 'base')
        self.git('branch', 'theirs')

    def run(self, *args):
        return subprocess.run([str(a) for a in args], cwd=self.work, env=self.env, capture_output=True, text=True)

    def git(self, *args):
        r = self.run('git', *args)
        if r.returncode != 0 and args[0] not in ('merge',):
            raise RuntimeError('git %s: %s' % (' '.join(args), r.stderr))
        return r

    def annotate(self, article, category, start, end):
        r = self.run(CLI, 'annotate', article, '--category', category, '--start', start, '--end', end,
                     '--annotator', 'test')
        if r.returncode != 0:
            raise RuntimeError(r.stderr)
        return r.stdout.strip()

    def path(self, name):
        return os.path.join(self.work, name)

    def root(self, name):
        return ET.parse(self.path(name)).getroot()

    def edit(self, name, change):
        tree = ET.parse(self.path(name))
        change(tree.getroot())
        tree.write(self.path(name), encoding='UTF-8', xml_declaration=True)

    def commit(self, branch, changes):
        self.git('checkout', '-q', branch)
        for change in changes:
            change(self)
        self.git('add', '-A')
        self.git('commit', '-qm', branch)

    def merge(self, into='main', other='theirs'):
        self.git('checkout', '-q', into)
        return self.git('merge', '-m', 'merge', other)


def annotation(root, id):
    return next((a for a in root.iter(Q + 'annotation') if a.get('id') == id), None)


def set_category(i, category):
    def change(repo, name=SIDECAR):
        repo.edit(name, lambda root: annotation(root, repo.ids[i]).set('category', category))
    return change


def set_note(i, text):
    def change(repo, name=SIDECAR):
        def apply(root):
            a = annotation(root, repo.ids[i])
            note = a.find(Q + 'note')
            if note is None:
                note = ET.Element(Q + 'note')
                a.insert(len(a.findall(Q + 'target')), note)
            note.text = text
        repo.edit(name, apply)
    return change


def delete(i):
    def change(repo):
        repo.edit(SIDECAR, lambda root: root.remove(annotation(root, repo.ids[i])))
    return change


def set_document_note(text):
    def change(repo):
        def apply(root):
            note = ET.Element(Q + 'note')
            note.text = text
            codebook = root.find(Q + 'codebook')
            root.insert(list(root).index(codebook) + 1, note)
        repo.edit(SIDECAR, apply)
    return change


def set_relation_type(kind):
    def change(repo):
        repo.edit(SIDECAR, lambda root: root.find(Q + 'relation').set('type', kind))
    return change


def add_category(id):
    def change(repo):
        def apply(root):
            category = ET.SubElement(root.find(Q + 'codebook'), Q + 'category', {'id': id, 'color': '#123456'})
            ET.SubElement(category, Q + 'label').text = 'Added on a branch'
        repo.edit(SIDECAR, apply)
    return change


def add_annotation(category, start, end):
    def change(repo):
        repo.added = getattr(repo, 'added', []) + [repo.annotate('a.txt', category, start, end)]
    return change


def summary(root):
    """What the annotations say: id → (category, note, merge-conflict)."""
    out = {}
    for a in root.iter(Q + 'annotation'):
        note = a.find(Q + 'note')
        marks = [x.text or '' for x in a.findall(Q + 'attribute') if x.get('name') == 'merge-conflict']
        out[a.get('id')] = (a.get('category'), note.text if note is not None else None, marks[0] if marks else None)
    return out


def check_valid(repo, what, article='a.txt', sidecar=SIDECAR):
    r = repo.run(CLI, 'validate', article)
    tap.check(r.returncode == 0 and 'valid' in r.stdout, f'{what}: the result is valid for the article',
              [r.stdout, r.stderr])
    with open(repo.path(sidecar), encoding='utf-8') as f:
        text = f.read()
    tap.check('<<<<<<<' not in text and '>>>>>>>' not in text and '=======' not in text,
              f'{what}: no conflict markers in the file')
    if shutil.which('xmllint'):
        r = repo.run('xmllint', '--noout', '--relaxng', SCHEMA, sidecar)
        tap.check(r.returncode == 0, f'{what}: xmllint finds it valid against the RELAX NG schema', [r.stderr])
    starts = [int(a.find(Q + 'target').get('start')) for a in repo.root(sidecar).iter(Q + 'annotation')]
    tap.check(starts == sorted(starts), f'{what}: the annotations are in text order, as a save writes them',
              [starts])


def conflicted(repo):
    return repo.git('status', '--porcelain').stdout


with tempfile.TemporaryDirectory() as tmp:
    # setup-git
    repo = Repo(os.path.join(tmp, 'setup'))
    tap.check(repo.setup.returncode == 0, 'setup-git: exit 0', [repo.setup.stdout, repo.setup.stderr])
    driver = repo.git('config', 'merge.glossator.driver').stdout.strip()
    tap.check(driver == 'glossator-cli merge-driver %O %A %B', 'setup-git sets merge.glossator.driver', [driver])
    with open(repo.path('.gitattributes'), encoding='utf-8') as f:
        attributes = f.read()
    tap.check(attributes == '*.annotations.xml merge=glossator\n', 'setup-git writes the .gitattributes line',
              [attributes])
    again = repo.run(CLI, 'setup-git')
    with open(repo.path('.gitattributes'), encoding='utf-8') as f:
        tap.check(again.returncode == 0 and f.read() == attributes, 'setup-git twice adds the line once')
    r = subprocess.run([CLI, 'setup-git', tmp], env=repo.env, capture_output=True, text=True)
    tap.check(r.returncode == 1 and tmp in r.stderr, 'setup-git outside a repository: exit 1, says so',
              [r.stdout, r.stderr])
    env = dict(repo.env, PATH='/usr/bin:/bin')
    subprocess.run([CLI, 'setup-git'], cwd=repo.work, env=env, capture_output=True)
    driver = repo.git('config', 'merge.glossator.driver').stdout.strip()
    tap.check(shlex.split(driver) == [os.path.realpath(CLI), 'merge-driver', '%O', '%A', '%B'],
              'setup-git without glossator-cli on PATH names it by its path', [driver])

    # the clean case, and the same merge the other way round
    results = []
    repo = Repo(os.path.join(tmp, 'clean'))
    repo.commit('theirs', [set_category(0, 'statistic'), delete(2), add_annotation('context', 700, 720),
                           add_category('added')])
    repo.commit('main', [set_note(0, 'ours'), set_category(3, 'framing'), add_annotation('prediction', 900, 950)])
    for into, other in (('main', 'theirs'), ('theirs', 'main')):
        # each way round on a branch of its own
        repo.git('checkout', '-q', '-b', 'into-' + into, into)
        r = repo.merge('into-' + into, other)
        what = 'clean merge' if into == 'main' else 'clean merge, the other way round'
        tap.check(r.returncode == 0 and not conflicted(repo), f'{what}: git merges without conflict',
                  [r.stdout, r.stderr, conflicted(repo)])
        check_valid(repo, what)
        s = summary(repo.root(SIDECAR))
        ids = repo.ids
        tap.check(s.get(ids[0]) == ('statistic', 'ours', None), f'{what}: one side’s category and the other’s note '
                  'of the same annotation', [s])
        tap.check(ids[2] not in s and s.get(ids[3], ('',))[0] == 'framing' and ids[1] in s,
                  f'{what}: deleted on one side and unchanged on the other → deleted; changed on one side → changed',
                  [s])
        tap.check(len(s) == 5 and sorted(s[i][0] for i in s if i not in ids) == ['context', 'prediction'],
                  f'{what}: what each side added is kept', [s])
        root = repo.root(SIDECAR)
        tap.check(any(c.get('id') == 'added' for c in root.iter(Q + 'category')) and
                  root.find(Q + 'relation') is not None, f'{what}: the category one side added and the relation are kept')
        with open(repo.path(SIDECAR), 'rb') as f:
            results.append(f.read())
    tap.check(results[0] == results[1], 'the clean merge gives the same bytes both ways round')

    # the same field changed differently on both sides
    repo = Repo(os.path.join(tmp, 'field'))
    repo.commit('theirs', [set_category(0, 'opinion'), set_note(1, 'theirs')])
    repo.commit('main', [set_category(0, 'prediction'), set_note(1, 'ours'), set_category(3, 'framing')])
    r = repo.merge()
    a1, a2 = repo.ids[0], repo.ids[1]
    tap.check(r.returncode != 0 and 'UU ' + SIDECAR in conflicted(repo),
              'both changed a category and a note: git reports a conflict (the driver exits 1)',
              [r.stdout, r.stderr, conflicted(repo)])
    tap.check(a1 in r.stdout + r.stderr and 'category' in r.stdout + r.stderr,
              'the driver names the annotation and the field', [r.stdout, r.stderr])
    check_valid(repo, 'conflict on a field')
    s = summary(repo.root(SIDECAR))
    tap.check(s.get(a1) == ('prediction', None, a1 + '-theirs') and
              s.get(a1 + '-theirs') == ('opinion', None, a1),
              'both versions are kept, the other side’s as a second annotation, each marked merge-conflict '
              'with the other’s id', [s])
    tap.check(s.get(a2) == ('statistic', 'ours', a2 + '-theirs') and s.get(a2 + '-theirs') == ('statistic', 'theirs', a2),
              'a note both changed: the same', [s])
    tap.check(s.get(repo.ids[3], ('',))[0] == 'framing' and s[repo.ids[3]][2] is None,
              'what only one side changed is merged beside the conflicts, unmarked', [s])

    # changed on one side, deleted on the other, both ways
    repo = Repo(os.path.join(tmp, 'deleted'))
    repo.commit('theirs', [delete(2), set_note(3, 'changed there')])
    repo.commit('main', [set_category(2, 'framing'), delete(3)])
    r = repo.merge()
    tap.check(r.returncode != 0 and 'UU ' + SIDECAR in conflicted(repo),
              'changed on one side and deleted on the other: a conflict', [r.stdout, r.stderr])
    check_valid(repo, 'conflict of a change and a deletion')
    s = summary(repo.root(SIDECAR))
    tap.check(s.get(repo.ids[2]) == ('framing', None, 'deleted') and s.get(repo.ids[3]) == ('hedge', 'changed there', 'deleted'),
              'the changed version is kept, marked merge-conflict="deleted", whichever side deleted it', [s])

    # the note on the article, and a relation
    repo = Repo(os.path.join(tmp, 'document'))
    repo.commit('theirs', [set_document_note('Their note.'), set_relation_type('contradicts')])
    repo.commit('main', [set_document_note('Our note.'), set_relation_type('paraphrases')])
    r = repo.merge()
    tap.check(r.returncode != 0 and 'UU ' + SIDECAR in conflicted(repo),
              'both changed the note on the article and a relation: a conflict', [r.stdout, r.stderr])
    check_valid(repo, 'conflict on the note and a relation')
    root = repo.root(SIDECAR)
    note = root.find(Q + 'note')
    tap.check(note is not None and 'Our note.' in note.text and 'Their note.' in note.text,
              'the note on the article holds both versions', [note.text if note is not None else None])
    relations = {r.get('id'): r.get('type') for r in root.iter(Q + 'relation')}
    tap.check(relations == {'r-1': 'paraphrases', 'r-1-theirs': 'contradicts'},
              'both versions of the relation are kept', [relations])

    # a rename of the article on one side, annotations edited on the other
    for also_edit in (False, True):
        what = 'rename and edit' if also_edit else 'rename'
        repo = Repo(os.path.join(tmp, 'rename-%d' % also_edit))
        changes = [lambda repo: repo.git('mv', 'a.txt', 'b.txt'),
                   lambda repo: repo.git('mv', SIDECAR, 'b.txt.annotations.xml')]
        if also_edit:
            changes.append(lambda repo: set_category(0, 'opinion')(repo, 'b.txt.annotations.xml'))
        repo.commit('theirs', changes)
        repo.commit('main', [set_note(1, 'edited here'), add_annotation('prediction', 900, 950)])
        r = repo.merge()
        tap.check(r.returncode == 0 and not conflicted(repo) and not os.path.exists(repo.path(SIDECAR)),
                  f'{what}: git merges without conflict, the annotation file follows the article',
                  [r.stdout, r.stderr, conflicted(repo)])
        check_valid(repo, what, 'b.txt', 'b.txt.annotations.xml')
        s = summary(repo.root('b.txt.annotations.xml'))
        tap.check(len(s) == 5 and s.get(repo.ids[1], (None, None))[1] == 'edited here' and
                  s.get(repo.ids[0], ('',))[0] == ('opinion' if also_edit else 'factual'),
                  f'{what}: the renamed file holds both sides’ changes', [s])

    # the driver on its own: usage, and a file that cannot be read
    r = subprocess.run([CLI, 'merge-driver', 'a', 'b'], capture_output=True, text=True, env=ENV)
    tap.check(r.returncode == 2, 'merge-driver with two files: a usage error, exit 2', [r.stderr])
    broken = os.path.join(tmp, 'broken.xml')
    with open(broken, 'w', encoding='utf-8') as f:
        f.write('<annotations')
    ours = os.path.join(tmp, 'ours.xml')
    shutil.copyfile(os.path.join(tmp, 'field', 'repo', SIDECAR), ours)
    with open(ours, 'rb') as f:
        before = f.read()
    r = subprocess.run([CLI, 'merge-driver', ours, ours, broken], capture_output=True, text=True, env=ENV)
    with open(ours, 'rb') as f:
        tap.check(r.returncode == 1 and 'broken.xml' in r.stderr and f.read() == before,
                  'merge-driver with a broken file: exit 1, names it, leaves OURS as it was', [r.stderr])

sys.exit(tap.finish())
