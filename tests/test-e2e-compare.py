#!/usr/bin/python3
"""End-to-end test of comparing two articles (issue 12, "Done when").

Drives the real application with real X input (xdotool: keys, and mouse
clicks where a person would click) on the two seed articles of the shared
corpus, copied to a temporary folder:

  1. `glossator --compare A B`; a claim is selected with the keyboard in A
     and annotated with key 1; a click in B's text, a claim selected there
     the same way and annotated; R opens the relation dialog, typing filters
     it to A's annotation, Alt+C picks "contradicts", Enter links the two;
     Ctrl+S saves both, Ctrl+Q quits;
  2. on disk: B's sidecar holds <relation type="contradicts"> from its
     annotation to "A.annotations.xml#ID", and A's sidecar holds that
     annotation, on the offsets the keys selected (computed here, by
     FORMAT.md §1, from the text);
  3. the comparison is opened again: the accessible tree shows no
     unlinked annotation on either side ("Unlinked 0 · 0": the link was
     found), the list of links holds a "contradicts" row, and a click on
     A's highlight selects B's annotation in B's list (the link followed);
  4. `glossator --compare B A` while it runs exits at once, and the running
     instance shows a window comparing B with A.

What the application did is read from what a user or a screen reader sees:
the window title, the files, the accessible tree (AT-SPI, pyatspi from
Debian's python3), and screenshots (kept with GLOSSATOR_KEEP_SCREENSHOTS=1;
the last one is the one in the README). Helpers come from test-e2e.py and
test-a11y.py. Prints TAP.
"""

import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


E2E = load('glossator_e2e', 'test-e2e.py')
A11Y = load('glossator_a11y', 'test-a11y.py')
TAP = E2E.TAP
NS = E2E.NS
SUFFIX = E2E.SIDECAR_SUFFIX
SETTINGS = {'window-width': 1260, 'window-height': 860}

# The claims, in the first sentence of each seed: the number of people
# sent back, told two ways.
CLAIMS = ('commenced the deportation of approximately 100 Iranian citizens',
          'United States deported around 100 Iranian nationals')


class Abort(Exception):
    pass


class CompareApp(E2E.App):
    """The application comparing two articles, with its accessible tree."""

    def __init__(self, home, first, second):
        super().__init__(home, first, SETTINGS, ['--compare', first, second])
        self.second_name = os.path.basename(second)

    def environment(self):
        env = super().environment()
        env['GTK_A11Y'] = 'atspi'
        env.pop('NO_AT_BRIDGE', None)
        return env

    def wait_titles(self, first, second, timeout=E2E.STEP_TIMEOUT):
        """Waits until the title says (annotations, unsaved) of both sides."""
        def part(name, n, unsaved):
            return '%s%s — %d annotation%s' % ('• ' if unsaved else '', name, n, '' if n == 1 else 's')
        want = re.compile('^' + re.escape(part(self.name, *first)) + ' · .*, compared with '
                          + re.escape(part(self.second_name, *second)) + '$')
        last = [None]

        def done():
            last[0] = self.title()
            return last[0] is not None and want.match(last[0])

        return bool(E2E.wait_for(done, timeout)), last[0]

    def accessible_window(self):
        app, window = A11Y.find_window(self.name, timeout=20)
        if window is None:
            raise Abort('the window is not in the accessible tree')
        return window

    def origin(self, window):
        status, out = E2E.xdo('getwindowgeometry', window)
        match = re.search(r'Position: (-?\d+),(-?\d+)', out)
        if status != 0 or not match:
            raise Abort('no geometry for window %s: %s' % (self.window, out))
        return int(match.group(1)), int(match.group(2))

    def click_char(self, article, offset):
        """A real click on the character at @offset of an article view."""
        import pyatspi
        x, y, w, h = article.queryText().getCharacterExtents(offset, pyatspi.WINDOW_COORDS)
        ox, oy = self.origin(self.window)
        if self.focused() != self.window:
            self.focus(self.window)
        E2E.xdo('mousemove', '--sync', ox + x + max(w, 2) // 2, oy + y + max(h, 2) // 2)
        E2E.xdo('click', '1')
        time.sleep(0.4)

    def click(self, accessible, popup=False):
        """A real click in the middle of @accessible; with @popup, one in
        the popover that shows (a surface of its own, which the
        accessible's coordinates are relative to)."""
        import pyatspi
        x, y, w, h = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        popups = self.other_windows() if popup else []
        if popup and len(popups) != 1:
            raise Abort('not one popover showing: %r' % popups)
        ox, oy = self.origin(popups[0] if popup else self.window)
        E2E.xdo('mousemove', '--sync', ox + x + w // 2, oy + y + h // 2)
        E2E.xdo('click', '1')
        time.sleep(0.5)


def select_claim(app, steps, length):
    app.key('ctrl+Home', *(['ctrl+Right'] * steps), *(['shift+ctrl+Right'] * length))
    time.sleep(0.3)


def find_claim(text):
    """(words Ctrl+Right steps over, words selected, [start, end)) of the
    claim the seed holds; None when it holds none, or not after plain words
    only (where Ctrl+Right and the regular expression agree)."""
    for claim in CLAIMS:
        start = text.find(claim)
        before = E2E.WORD_RE.findall(text[:start])
        # the selection starts where the word before ends: only white
        # space may lie between, which the application trims
        if start > 0 and re.fullmatch(r"[\w ,]*\w\s+", text[:start]):
            return len(before), len(E2E.WORD_RE.findall(claim)), (start, start + len(claim))
    return None


def articles(window, texts):
    """The two article views, in the order of @texts (each told by the
    start of the text it shows)."""
    found = [None, None]
    for acc, role, name, path in A11Y.walk(window):
        if name != 'Article':
            continue
        shown = A11Y.safe(lambda: acc.queryText().getText(0, 80), '') or ''
        for i, text in enumerate(texts):
            # the view may wrap the text otherwise than the file does
            if shown and text.split()[:8] == shown.split()[:8]:
                found[i] = acc
    if None in found:
        raise Abort('the two articles are not both in the accessible tree: %r' %
                    [(A11Y.safe(lambda: acc.queryText().getText(0, 80)), path)
                     for acc, role, name, path in A11Y.walk(window) if name == 'Article'])
    return found


def named(window, pattern):
    regex = re.compile(pattern)
    return [(acc, role, name) for acc, role, name, path in A11Y.walk(window) if regex.search(name)]


def annotation_rows(window, quote):
    """The rows of the side panels' lists that show @quote, with whether
    each is selected."""
    import pyatspi
    rows = []
    for acc, role, name, path in A11Y.walk(window):
        if role == 'list item' and quote in name:
            states = A11Y.safe(acc.getState)
            rows.append((name, states is not None and states.contains(pyatspi.STATE_SELECTED)))
    return rows


def annotate_and_link(tmp, shots, first, second, texts, spans, steps):
    app = CompareApp(os.path.join(tmp, 'home'), first, second)
    try:
        app.start()
        ok, title = app.wait_titles((0, False), (0, False), timeout=E2E.WINDOW_TIMEOUT)
        TAP.check(ok, 'glossator --compare opens both articles in one window', 'title: %r' % title)
        window = app.accessible_window()
        views = articles(window, texts)
        E2E.screenshot(shots, 'compare-1-open.png', 'both articles open')

        # A: the keys select the claim, key 1 annotates it (the window's
        # article has the focus when it opens)
        app.click_char(views[0], 0)
        select_claim(app, *steps[0])
        app.key('1')
        ok, title = app.wait_titles((1, True), (0, False))
        TAP.check(ok, 'key 1 annotates the claim selected in the first article', 'title: %r' % title)

        # B: a click in its text, then the same keys
        app.click_char(views[1], 0)
        select_claim(app, *steps[1])
        app.key('1')
        ok, title = app.wait_titles((1, True), (1, True))
        TAP.check(ok, 'after a click in the second article, key 1 annotates its claim', 'title: %r' % title)
        E2E.screenshot(shots, 'compare-2-annotated.png', 'one claim annotated on each side')

        # before the link, each claim is only in its own article: the
        # Unlinked button counts them, and its list shows the second's;
        # a click on it selects it (and gives its article the focus)
        unlinked = E2E.wait_for(lambda: named(window, r'^Unlinked \d+ · \d+$'), E2E.STEP_TIMEOUT, 0.3)
        TAP.check(unlinked and {n for a, r, n in unlinked} == {'Unlinked 1 · 1'},
                  'the Unlinked button counts one claim only in each article',
                  'buttons: %r' % [n for a, r, n in unlinked])
        quote_b = ' '.join(texts[1][spans[1][0]:spans[1][1]].split()[:3])
        app.click_char(views[0], spans[0][0] + 2)
        if unlinked:
            # the popover with the keyboard: Tab to the second article's
            # toggle, Space, Tab into the list, Enter on its claim
            app.click(unlinked[-1][0])
            time.sleep(0.5)
            E2E.xdo('key', '--delay', '150', 'Tab', 'space')
            time.sleep(0.5)
            listed = [n for a, r, n in named(window, re.escape(quote_b)) if r == 'list item' and 'Factual claim' in n]
            E2E.screenshot(shots, 'compare-2b-unlinked.png', 'the claims only in the second article')
            TAP.check(len(listed) == 2, 'the list of unlinked claims shows the second article\'s, with its category '
                      '(beside its row in the side panel)', repr(listed))
            E2E.xdo('key', '--delay', '150', 'Tab', 'Return')
            chosen = E2E.wait_for(lambda: [r for r in annotation_rows(window, quote_b) if r[1]],
                                  E2E.STEP_TIMEOUT, 0.3)
            TAP.check(bool(chosen), 'Enter on it selects the claim in the second article',
                      repr(annotation_rows(window, quote_b)))
            time.sleep(0.3)

        # R: the relation dialog; typing filters to A's claim, Alt+C is
        # "contradicts", Enter links
        app.key('r')
        dialog = E2E.wait_for(lambda: E2E.xdo('search', '--onlyvisible', '--name', '^Relate Annotation$')[1].split(),
                              E2E.STEP_TIMEOUT)
        if not TAP.check(bool(dialog), 'R opens the relation dialog'):
            raise Abort('no relation dialog')
        app.focus(dialog[0])
        word = texts[0][spans[0][0]:spans[0][1]].split()[-1]
        E2E.xdo('type', '--delay', '60', word)
        time.sleep(0.6)
        E2E.xdo('key', '--delay', '80', 'Down', 'alt+c')
        time.sleep(0.3)
        E2E.screenshot(shots, 'compare-3-relate.png', 'the relation dialog, contradicts chosen')
        E2E.xdo('key', 'Return')
        gone = E2E.wait_for(lambda: not E2E.xdo('search', '--onlyvisible', '--name', '^Relate Annotation$')[1],
                            E2E.STEP_TIMEOUT)
        TAP.check(gone, 'Enter makes the link and closes the dialog')
        time.sleep(0.5)
        E2E.screenshot(shots, 'compare-4-linked.png', 'the link drawn in the gutter')

        app.key('ctrl+s')
        ok, title = app.wait_titles((1, False), (1, False))
        TAP.check(ok, 'Ctrl+S saves both articles', 'title: %r' % title)
        app.key('ctrl+q')
        TAP.check(app.wait_exit(10) == 0, 'Ctrl+Q quits')
        TAP.check(not app.log_warnings(), 'the application warned of nothing', app.log_warnings()[:10])
    finally:
        app.stop()


def check_files(first, second, texts, spans):
    """The link on disk: from B's annotation to A's, in B's sidecar."""
    first_sidecar, second_sidecar = first + SUFFIX, second + SUFFIX
    ids = []
    for sidecar, text, span in zip((first_sidecar, second_sidecar), texts, spans):
        if not TAP.check(os.path.exists(sidecar), 'the sidecar %s was written' % os.path.basename(sidecar)):
            raise Abort('no sidecar')
        root = ET.parse(sidecar).getroot()
        found = [(a.get('id'), int(t.get('start')), int(t.get('end')), a.get('category'))
                 for a in root.iter('{%s}annotation' % NS) for t in a.iter('{%s}target' % NS)]
        TAP.check(len(found) == 1 and found[0][1:] == (span[0], span[1], 'factual'),
                  '%s holds the claim the keys selected: %r' % (os.path.basename(sidecar), text[span[0]:span[1]]),
                  'found %r, expected %r' % (found, [(span[0], span[1], 'factual')]))
        ids.append(found[0][0] if found else None)
        E2E.check_quotes(sidecar, 'check-quotes.py accepts %s' % os.path.basename(sidecar))

    relations = [(r.get('type'), r.get('from'), r.get('to'))
                 for r in ET.parse(second_sidecar).getroot().iter('{%s}relation' % NS)]
    want = ('contradicts', ids[1], '%s#%s' % (os.path.basename(first_sidecar), ids[0]))
    TAP.check(relations == [want], 'the second sidecar links its claim to the first\'s as contradicts',
              'relations %r, expected %r' % (relations, [want]))
    TAP.check(not list(ET.parse(first_sidecar).getroot().iter('{%s}relation' % NS)),
              'the first sidecar has no relation of its own')


def reopen_and_follow(tmp, shots, first, second, texts, spans):
    app = CompareApp(os.path.join(tmp, 'home'), first, second)
    try:
        app.start()
        ok, title = app.wait_titles((1, False), (1, False), timeout=E2E.WINDOW_TIMEOUT)
        TAP.check(ok, 'reopened, the comparison shows one saved annotation on each side', 'title: %r' % title)
        window = app.accessible_window()
        time.sleep(1.0)

        unlinked = E2E.wait_for(lambda: named(window, r'^Unlinked \d+ · \d+$'), E2E.STEP_TIMEOUT, 0.3)
        TAP.check(unlinked and {n for a, r, n in unlinked} == {'Unlinked 0 · 0'},
                  'the link is found again: no annotation is unlinked on either side',
                  'buttons: %r' % [n for a, r, n in unlinked])

        # the list of links, one click away
        links = named(window, r'^Links$')
        if TAP.check(len(links) >= 1, 'the Links button is in the accessible tree', repr(links)):
            app.click(links[-1][0])
            listed = E2E.wait_for(lambda: named(window, r'^contradicts$'), E2E.STEP_TIMEOUT, 0.3)
            TAP.check(bool(listed), 'the list of links shows the contradicts link')
            E2E.screenshot(shots, 'compare-5-links.png', 'the list of links')
            app.key('Escape')
            time.sleep(0.5)

        # following: a click on A's highlight selects B's annotation
        quote_b = ' '.join(texts[1][spans[1][0]:spans[1][1]].split()[:3])
        before = annotation_rows(window, quote_b)
        TAP.check(before and not any(selected for name, selected in before),
                  'before following, the second article\'s annotation is not selected', repr(before))
        views = articles(window, texts)
        app.click_char(views[0], spans[0][0] + 2)
        after = E2E.wait_for(lambda: [r for r in annotation_rows(window, quote_b) if r[1]], E2E.STEP_TIMEOUT, 0.3)
        TAP.check(bool(after), 'a click on the first claim selects its other end in the second article',
                  repr(annotation_rows(window, quote_b)))
        time.sleep(0.8)
        # the window alone: the picture of comparing in the README
        shot = os.path.join(shots, 'compare.png')
        proc = subprocess.run(['import', '-window', app.window, shot], capture_output=True, timeout=30)
        TAP.diag('screenshot of the window, the link followed: %s' % shot if proc.returncode == 0
                 else 'screenshot failed: %s' % proc.stderr.decode('utf-8', 'replace'))

        # glossator --compare while it runs: the running instance compares
        second_run = subprocess.run([E2E.BIN, '--compare', second, first], env=app.environment(),
                                    capture_output=True, timeout=60)
        TAP.check(second_run.returncode == 0, 'a second glossator --compare hands the files to the running one',
                  second_run.stderr.decode('utf-8', 'replace')[-1000:])
        pattern = '^' + re.escape(os.path.basename(second)) + ' — .*, compared with ' + \
                  re.escape(os.path.basename(first)) + ' — '

        def compared():
            ids = E2E.xdo('search', '--onlyvisible', '--name', pattern)[1].split()
            return [w for w in ids if E2E.xdo('getwindowpid', w)[1] == str(app.proc.pid)]

        TAP.check(E2E.wait_for(compared, E2E.WINDOW_TIMEOUT, 0.2),
                  'the running instance opens a window comparing the two, the second one first',
                  'windows: %r' % [E2E.xdo('getwindowname', w)[1]
                                   for w in E2E.xdo('search', '--onlyvisible', '--name', '.')[1].split()])
        TAP.check(not app.log_warnings(), 'the application warned of nothing', app.log_warnings()[:10])
    finally:
        app.stop()


def main():
    shared = os.environ.get('GLOSSATOR_SHARED_DIR') or os.path.join(E2E.ROOT, '..', 'shared')
    seeds = sorted(glob.glob(os.path.join(shared, 'corpus', 'seeds', '*.txt')))
    if len(seeds) < 2:
        print('1..0 # SKIP no shared corpus')
        return 0
    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP no display')
        return 0
    if shutil.which('xdotool') is None:
        print('1..0 # SKIP xdotool missing')
        return 0
    try:
        import gi
        gi.require_version('Atspi', '2.0')
        import pyatspi  # noqa: F401
    except (ImportError, ValueError) as e:
        print('1..0 # SKIP pyatspi is missing (%s)' % e)
        return 0
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS') or A11Y.start_bus() is False:
        print('1..0 # SKIP no accessibility bus')
        return 0

    shots = os.environ.get('GLOSSATOR_SCREENSHOTS_DIR') or tempfile.mkdtemp(prefix='glossator-compare-')
    os.makedirs(shots, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix='glossator-compare-') as tmp:
        try:
            first, second = (shutil.copy(seed, tmp) for seed in seeds[:2])
            texts = [E2E.read_text(path) for path in (first, second)]
            claims = [find_claim(text) for text in texts]
            if None in claims:
                raise Abort('the seeds do not hold the claims the test annotates: %r' % (claims,))
            steps = [claim[:2] for claim in claims]
            spans = [claim[2] for claim in claims]
            TAP.diag('claims: %r / %r' % tuple(t[s:e] for t, (s, e) in zip(texts, spans)))
            annotate_and_link(tmp, shots, first, second, texts, spans, steps)
            check_files(first, second, texts, spans)
            reopen_and_follow(tmp, shots, first, second, texts, spans)
        except (Abort, E2E.Abort) as e:
            TAP.check(False, 'could not go on', str(e))
        except Exception:
            TAP.check(False, 'raised an exception', traceback.format_exc())

    if not os.environ.get('GLOSSATOR_KEEP_SCREENSHOTS') and not os.environ.get('GLOSSATOR_SCREENSHOTS_DIR'):
        shutil.rmtree(shots, ignore_errors=True)
    else:
        TAP.diag('screenshots in %s' % shots)
    print('1..%d' % TAP.n)
    return 1 if TAP.failed else 0


if __name__ == '__main__':
    sys.exit(main())
