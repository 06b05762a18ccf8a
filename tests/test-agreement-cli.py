#!/usr/bin/env python3
"""glossator-cli agreement (issue 14): coders' sidecars of a seed article,
made with `glossator-cli annotate`, and the figures of `agreement --json`
against NLTK's agreement module (Debian python3-nltk) on the same code
points, to three decimals: Cohen's kappa (and NLTK's multi_kappa, which is
Cohen's for two coders) and Krippendorff's alpha for two coders; Fleiss'
kappa (NLTK's multi-pi, which is Fleiss' K) and alpha for three. Then
Krippendorff's (2004, p. 254) worked example of unitizing alpha through the
command line, values without figures, --by-annotator, folders, and the
refusals: another article, a missing file, usage errors."""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from glossator_test import CLI, ENV, Result, Tap, cli  # noqa: E402

SHARED = os.environ.get('GLOSSATOR_SHARED_DIR') or os.path.join(os.path.dirname(__file__), '..', '..', 'shared')
SEEDS = os.path.join(SHARED, 'corpus', 'seeds')
SUFFIX = '.annotations.xml'
CATEGORIES = ['factual', 'statistic', 'opinion']

if not os.path.isdir(SEEDS):
    print('1..0 # SKIP no shared corpus')
    sys.exit(0)

tap = Tap()

# NLTK's figures, in this interpreter or in Debian's, from JSON on stdin:
# {"coders": n, "labels": {category: [[0/1 per code point] per coder]}}
NLTK_ORACLE = r'''
import json, sys
from nltk.metrics.agreement import AnnotationTask
study = json.load(sys.stdin)
out = {}
for category, rows in study['labels'].items():
    task = AnnotationTask(data=[(str(c), i, v) for c, row in enumerate(rows) for i, v in enumerate(row)])
    figures = {'alpha': task.alpha(), 'pi': task.pi(), 'multi_kappa': task.multi_kappa()}
    if len(rows) == 2:
        figures['kappa'] = task.kappa()
    out[category] = figures
print(json.dumps(out))
'''


def nltk_figures(labels):
    interpreters = [sys.executable] + ([p] if (p := shutil.which('python3', path='/usr/bin')) else [])
    for interpreter in interpreters:
        r = subprocess.run([interpreter, '-c', NLTK_ORACLE], input=json.dumps({'labels': labels}),
                           capture_output=True, text=True)
        if r.returncode == 0:
            return json.loads(r.stdout)
    return None


def read_text(path):
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()


def annotate(article, spans, annotator):
    """Adds (category, start, end) spans to the article's sidecar."""
    for category, start, end in spans:
        r = cli('annotate', article, '--category', category, '--start', start, '--end', end,
                '--annotator', annotator)
        if r.rc != 0:
            raise RuntimeError('\n'.join(r.diag()))


def coverage(spans, category, length):
    """The oracle's units: 1 where one of the coder's spans of the category
    covers the code point."""
    row = [0] * length
    for c, start, end in spans:
        if c == category:
            for i in range(start, min(end, length)):
                row[i] = 1
    return row


def coder_spans(rng, truth, length):
    """A coder's version of the true spans: ends moved, some missed, some
    added, and for one category an overlapping and a touching pair."""
    spans = []
    for category, start, end in truth:
        if rng.random() < 0.15:
            continue
        start = max(0, start + rng.randint(-6, 6))
        end = min(length, max(start + 1, end + rng.randint(-6, 6)))
        spans.append((category, start, end))
    for _ in range(2):
        start = rng.randrange(0, length - 40)
        spans.append((rng.choice(CATEGORIES), start, start + rng.randint(5, 40)))
    start = rng.randrange(0, length - 60)
    spans += [('opinion', start, start + 30), ('opinion', start + 20, start + 45),
              ('opinion', start + 45, start + 55)]
    return spans


def close(a, b, places=3):
    return a is not None and b is not None and abs(a - b) < 0.5 * 10 ** -places


def agreement_json(*args, env=None):
    r = cli('agreement', '--json', *args) if env is None else run_with_env(env, 'agreement', '--json', *args)
    try:
        return r, json.loads(r.out)
    except ValueError:
        return r, None


def run_with_env(extra, *args):
    env = dict(ENV)
    env.update(extra)
    p = subprocess.run([CLI] + [str(a) for a in args], env=env, capture_output=True)
    return Result(list(args), p.returncode, p.stdout, p.stderr)


def compare_with_nltk(what, figures, spans_by_coder, length):
    labels = {c: [coverage(s, c, length) for s in spans_by_coder] for c in CATEGORIES}
    expected = nltk_figures(labels)
    if expected is None:
        tap.skip(f'{what}: kappa and alpha equal NLTK’s', 'NLTK is not installed (python3-nltk)')
        return
    n = len(spans_by_coder)
    bad = []
    for c in CATEGORIES:
        have = figures['categories'].get(c)
        want = expected[c]
        kappa = want['kappa'] if n == 2 else want['pi']
        if have is None or not close(have['kappa'], kappa) or not close(have['alpha'], want['alpha']):
            bad.append(f'{c}: have {have}, NLTK {want}')
        if n == 2 and not close(want['multi_kappa'], have['kappa']):
            bad.append(f'{c}: NLTK multi_kappa {want["multi_kappa"]}, have {have["kappa"]}')
    tap.check(not bad, f'{what}: kappa ({"Cohen" if n == 2 else "Fleiss"}) and alpha of every category '
              f'equal NLTK’s to three decimals', bad)


def check_shape(what, figures, coders, length):
    ok = (figures is not None and sorted(figures) == ['categories', 'coders', 'overall', 'units'] and
          figures['coders'] == coders and figures['units'] == length and
          sorted(figures['overall']) == ['alpha_u'] and
          all(sorted(v) == ['alpha', 'alpha_u', 'kappa'] for v in figures['categories'].values()))
    tap.check(ok, f'{what}: the JSON has coders, units (the article’s code points), categories '
              'with kappa, alpha, alpha_u, and overall alpha_u', [json.dumps(figures)[:1500]])


with tempfile.TemporaryDirectory() as tmp:
    seed = sorted(os.listdir(SEEDS))[0]
    text = read_text(os.path.join(SEEDS, seed))
    length = len(text)
    rng = random.Random(14)

    truth = []
    for _ in range(14):
        start = rng.randrange(0, length - 120)
        truth.append((rng.choice(CATEGORIES), start, start + rng.randint(8, 120)))

    coders = ['alice', 'bob', 'carol']
    spans = {}
    sidecars = []
    for name in coders:
        os.makedirs(os.path.join(tmp, name))
        article = os.path.join(tmp, name, 'article.txt')
        shutil.copyfile(os.path.join(SEEDS, seed), article)
        spans[name] = coder_spans(rng, truth, length)
        annotate(article, spans[name], name)
        sidecars.append(article + SUFFIX)

    # two coders, then three
    r, two = agreement_json(*sidecars[:2])
    tap.check(r.rc == 0, 'agreement --json of two coders’ files: exit 0', r.diag())
    check_shape('two coders', two, sidecars[:2], length)
    if two is not None:
        compare_with_nltk('two coders', two, [spans['alice'], spans['bob']], length)

    r, three = agreement_json(*sidecars)
    tap.check(r.rc == 0, 'agreement --json of three coders’ files: exit 0', r.diag())
    check_shape('three coders', three, sidecars, length)
    if three is not None:
        compare_with_nltk('three coders', three, [spans[c] for c in coders], length)

    # the plain table
    r = cli('agreement', *sidecars[:2])
    tap.check(r.rc == 0 and 'kappa' in r.out and 'alpha_u' in r.out and
              all(c in r.out for c in CATEGORIES) and f'{length} characters' in r.out,
              'agreement without --json prints a table of the categories and the code points', r.diag())
    if two is not None:
        row = next((l for l in r.out.splitlines() if l.startswith('factual')), '')
        tap.check(f'{two["categories"]["factual"]["kappa"]:.3f}' in row,
                  'the table shows the figures of the JSON, rounded to three decimals', [row] + r.diag())

    # --by-annotator: the same spans in one file give the same figures
    both = os.path.join(tmp, 'both', 'article.txt')
    os.makedirs(os.path.dirname(both))
    shutil.copyfile(os.path.join(SEEDS, seed), both)
    annotate(both, spans['alice'], 'alice')
    annotate(both, spans['bob'], 'bob')
    r, by = agreement_json('--by-annotator', both + SUFFIX)
    tap.check(r.rc == 0 and by is not None and sorted(by['coders']) == ['alice', 'bob'],
              '--by-annotator: the coders are the annotators of the file', r.diag())
    tap.check(by is not None and two is not None and all(
              close(by['categories'][c][m], two['categories'][c][m], 9)
              for c in CATEGORIES for m in ('kappa', 'alpha', 'alpha_u')) and
              close(by['overall']['alpha_u'], two['overall']['alpha_u'], 9),
              '--by-annotator gives the figures of the two coders’ files', [json.dumps(by), json.dumps(two)])
    alone = os.path.join(tmp, 'alone.txt')
    shutil.copyfile(os.path.join(SEEDS, seed), alone)
    annotate(alone, [('factual', 0, 10)], 'alice')
    r = cli('agreement', '--by-annotator', alone + SUFFIX)
    tap.check(r.rc == 1 and 'two' in r.err, '--by-annotator with one annotator: exit 1, says so', r.diag())

    # Krippendorff 2004, p. 254, on a 300 code point article (its continuum
    # runs from 150): c is factual, k statistic
    short = os.path.join(tmp, 'k2004')
    for coder, units in (('i', [('factual', 225, 295), ('factual', 370, 400),
                                ('statistic', 180, 240), ('statistic', 300, 350)]),
                         ('j', [('factual', 220, 300), ('factual', 355, 375), ('factual', 400, 420),
                                ('statistic', 180, 240), ('statistic', 300, 350)])):
        os.makedirs(os.path.join(short, coder))
        with open(os.path.join(short, coder, 'k.txt'), 'w', encoding='utf-8', newline='') as f:
            f.write(text[:300])
        annotate(os.path.join(short, coder, 'k.txt'), [(c, s - 150, e - 150) for c, s, e in units], coder)
    r, k2004 = agreement_json(os.path.join(short, 'i', 'k.txt' + SUFFIX), os.path.join(short, 'j', 'k.txt' + SUFFIX))
    tap.check(k2004 is not None and close(k2004['categories']['factual']['alpha_u'], 0.7286, 4) and
              close(k2004['categories']['statistic']['alpha_u'], 1.0, 4),
              'Krippendorff 2004: alpha_u of c is 0.7286 and of k 1.0000 (DKPro Statistics’ test)', r.diag())
    tap.check(k2004 is not None and abs(k2004['overall']['alpha_u'] - 0.8591) <= 0.0005,
              'Krippendorff 2004: overall alpha_u is 0.8591 = 1 − ΣD_o/ΣD_e (not the mean, 0.8643)', r.diag())

    # what has no value: both coders marked the whole article
    whole = os.path.join(tmp, 'whole')
    for coder in ('x', 'y'):
        os.makedirs(os.path.join(whole, coder))
        with open(os.path.join(whole, coder, 'w.txt'), 'w', encoding='utf-8', newline='') as f:
            f.write(text[:300])
        annotate(os.path.join(whole, coder, 'w.txt'), [('hedge', 0, 300)], coder)
    pair = [os.path.join(whole, c, 'w.txt' + SUFFIX) for c in ('x', 'y')]
    r, w = agreement_json(*pair)
    tap.check(r.rc == 0 and w is not None and w['categories']['hedge']['kappa'] is None and
              w['categories']['hedge']['alpha'] is None and w['categories']['hedge']['alpha_u'] == 1.0,
              'a category both coders gave the whole text: kappa and alpha null, alpha_u 1', r.diag())
    r = cli('agreement', *pair)
    tap.check(r.rc == 0 and 'p_e = 1' in r.out and 'same value' in r.out,
              'the table says why kappa and alpha have no value', r.diag())

    # numbers with a dot in a locale that writes a comma
    comma = next((l for l in subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
                  if l.lower().startswith(('de_de.utf', 'fr_fr.utf'))), None)
    if comma is None:
        tap.skip('--json writes numbers with a dot in a locale with a decimal comma', 'no such locale here')
    else:
        r, local = agreement_json(*sidecars[:2], env={'LC_ALL': comma, 'LANG': comma})
        tap.check(local == two, f'--json in {comma} writes the same JSON, with dots', r.diag())

    # refusals
    other = os.path.join(tmp, 'other', 'article.txt')
    os.makedirs(os.path.dirname(other))
    with open(other, 'w', encoding='utf-8', newline='') as f:
        f.write(text.replace('the', 'teh', 1))
    annotate(other, [('factual', 5, 20)], 'dave')
    r = cli('agreement', sidecars[0], other + SUFFIX)
    tap.check(r.rc == 1 and 'other/article.txt' + SUFFIX in r.err and not r.out,
              'a file of another article: exit 1, the message names it', r.diag())
    r = cli('agreement', sidecars[0], os.path.join(tmp, 'missing' + SUFFIX))
    tap.check(r.rc == 1 and 'missing' + SUFFIX in r.err, 'a missing file: exit 1, the message names it', r.diag())
    r = cli('agreement', sidecars[0])
    tap.check(r.rc == 2, 'one file without --by-annotator: a usage error, exit 2', r.diag())
    r = cli('agreement', '--by-annotator', sidecars[0], sidecars[1])
    tap.check(r.rc == 2, '--by-annotator with two files: a usage error, exit 2', r.diag())
    r = cli('agreement', sidecars[0], os.path.join(tmp, 'bob'))
    tap.check(r.rc == 2, 'a file and a folder: a usage error, exit 2', r.diag())

    # folders: one per coder, matched by path; a second article in a
    # subfolder, and one only alice has
    second_seed = sorted(os.listdir(SEEDS))[1]
    second_text = read_text(os.path.join(SEEDS, second_seed))
    second_spans = {}
    for name in ('alice', 'bob'):
        os.makedirs(os.path.join(tmp, name, 'sub'))
        article = os.path.join(tmp, name, 'sub', 'second.txt')
        shutil.copyfile(os.path.join(SEEDS, second_seed), article)
        second_spans[name] = coder_spans(rng, [(c, s % (len(second_text) - 130), s % (len(second_text) - 130) + e - s)
                                               for c, s, e in truth], len(second_text))
        annotate(article, second_spans[name], name)
    only = os.path.join(tmp, 'alice', 'only.txt')
    shutil.copyfile(os.path.join(SEEDS, seed), only)
    annotate(only, [('factual', 1, 9)], 'alice')
    r, folders = agreement_json(os.path.join(tmp, 'alice'), os.path.join(tmp, 'bob'))
    tap.check(r.rc == 0 and folders is not None and sorted(folders.get('articles', {})) == ['article.txt', 'sub/second.txt'],
              'folders: the articles both coders have, by their path', r.diag())
    tap.check('only.txt' + SUFFIX in r.err, 'folders: an article one coder lacks is named and left out', r.diag())
    if folders is not None and two is not None:
        tap.check(folders['articles']['article.txt']['categories'] == two['categories'] and
                  folders['articles']['article.txt']['overall'] == two['overall'],
                  'folders: the figures of one article are those of its two files', r.diag())
        tap.check(folders['units'] == length + len(second_text),
                  'folders: the pooled units are the code points of both articles', r.diag())
        labels = {c: [coverage(spans[n], c, length) + coverage(second_spans[n], c, len(second_text))
                      for n in ('alice', 'bob')] for c in CATEGORIES}
        expected = nltk_figures(labels)
        if expected is None:
            tap.skip('folders: the pooled kappa and alpha equal NLTK’s', 'NLTK is not installed (python3-nltk)')
        else:
            bad = [c for c in CATEGORIES
                   if not close(folders['categories'][c]['kappa'], expected[c]['kappa']) or
                   not close(folders['categories'][c]['alpha'], expected[c]['alpha'])]
            tap.check(not bad, 'folders: the pooled kappa and alpha equal NLTK’s on both articles’ code points',
                      [json.dumps(folders['categories']), json.dumps(expected)])
    r = cli('agreement', os.path.join(tmp, 'alice'), os.path.join(tmp, 'bob'))
    tap.check(r.rc == 0 and 'sub/second.txt' in r.out and 'All articles' in r.out,
              'folders: the table shows each article, then all together', r.diag())

sys.exit(tap.finish())
