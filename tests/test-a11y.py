#!/usr/bin/python3
"""The accessibility test: what a screen reader sees of Glossator.

Runs the real application on the sample article and its annotations with
GTK_A11Y=atspi, under the session bus of `dbus-run-session` and an X server
(meson runs the gui suite under `xvfb-run`), reads the window's accessible
tree through AT-SPI with pyatspi, and checks it against what a user needs:
every control named (not after its class, no mnemonic underscore, no doubled
label), the article a text with the article's text, every annotation row
named with its category, quote and whether it has a note, the palette and
the list one Tab stop each, within a dozen Tabs of the article, the rows
of the drop-downs' popups (opened with the keyboard) named with their
text, and no critical warning while it happens.  Keys are typed with xdotool.

pyatspi comes with Debian's python3 (python3-pyatspi), the bus with
at-spi2-core: when either is missing the test is skipped.  Prints TAP.
Set GLOSSATOR_A11Y_DUMP=1 to print the whole tree as diagnostics.
"""

import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

# libatspi warns when an application's cache is not there yet: that is no
# failure of Glossator's, and meson's G_DEBUG=fatal-warnings would make it
# one of this script's (GLib reads it when gi loads). The application's own
# warnings are counted from its log instead.
os.environ.pop('G_DEBUG', None)

ROOT = os.path.abspath(os.environ.get('GLOSSATOR_SOURCE_ROOT')
                       or os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(os.environ.get('GLOSSATOR_BIN') or os.path.join(ROOT, '_build', 'src', 'glossator'))
SAMPLES = os.path.join(ROOT, 'data', 'samples')
ARTICLE = 'riverside-library.txt'
NS = '{https://glossator.github.io/ns/annotations/1}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
BUS_LAUNCHER = '/usr/libexec/at-spi-bus-launcher'

# Names that only repeat the widget's class are no names.
CLASS_NAME = re.compile(r'^(Gtk|Gls|Adw)[A-Z]\w*$')
# The roles of controls a user acts on: each needs a name.
CONTROL_ROLES = ('push button', 'toggle button', 'combo box', 'check box',
                 'radio button', 'entry', 'text', 'list', 'list box',
                 'list item', 'menu button', 'spin button', 'slider',
                 'tree table', 'table')


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = []

    def diag(self, text):
        for line in str(text).splitlines() or ['']:
            print('# ' + line)
        sys.stdout.flush()

    def check(self, ok, description, diagnostics=()):
        self.n += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, description.replace('#', '\\#')))
        if not ok:
            self.failed.append(self.n)
            for d in ([diagnostics] if isinstance(diagnostics, str) else diagnostics):
                self.diag(d)
        sys.stdout.flush()
        return ok


TAP = Tap()


def skip_all(reason):
    print('1..0 # SKIP %s' % reason)
    sys.exit(0)


# ------------------------------------------------------- the checker ----

def naming_problems(nodes):
    """What is wrong with the names of @nodes, a list of (role, name, path)
    of showing accessibles: one line per control whose name is empty, the
    name of its class, still has its mnemonic underscore, or says its label
    twice ("_Open Open", "Open Open")."""
    problems = []
    for role, name, path in nodes:
        if role not in CONTROL_ROLES:
            continue
        name = (name or '').strip()
        if name == '':
            problems.append('%s without a name at %s' % (role, path))
        elif CLASS_NAME.match(name):
            problems.append('%s named after its class "%s" at %s' % (role, name, path))
        elif re.search(r'(^|\s)_\w', name):
            problems.append('%s named with a mnemonic "%s" at %s' % (role, name, path))
        else:
            words = name.replace('_', '').split()
            half = len(words) // 2
            if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
                problems.append('%s named twice "%s" at %s' % (role, name, path))
    return problems


# ------------------------------------------------------ the AT-SPI side ----

def start_bus():
    """Makes sure the accessibility bus runs: asks the session bus for it
    (which starts it when D-Bus can activate it), or starts the launcher.
    Returns the launcher's process when it was started here."""
    from gi.repository import Gio, GLib

    def address():
        try:
            bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
            reply = bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress',
                                  None, GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, 5000, None)
            return reply.unpack()[0]
        except GLib.Error:
            return None

    def registry_answers():
        # pyatspi's first call registers with the registry on the
        # accessibility bus, and a registry that does not answer then (still
        # starting, or gone with the previous test's application) ends the
        # process with dbind-ERROR: wait until it answers a ping
        bus_address = address()
        deadline = time.monotonic() + 20
        while bus_address and time.monotonic() < deadline:
            try:
                bus = Gio.DBusConnection.new_for_address_sync(
                    bus_address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
                    Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
                bus.call_sync('org.a11y.atspi.Registry', '/org/a11y/atspi/registry',
                              'org.freedesktop.DBus.Peer', 'Ping', None, None,
                              Gio.DBusCallFlags.NONE, 5000, None)
                bus.close_sync(None)
                return True
            except GLib.Error:
                time.sleep(0.5)
        return False

    if address():
        return None if registry_answers() else False
    launcher = subprocess.Popen([BUS_LAUNCHER, '--launch-immediately'],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if address():
            if registry_answers():
                return launcher
            break
        time.sleep(0.2)
    launcher.terminate()
    return False


def safe(call, default=None):
    try:
        return call()
    except Exception:
        return default


def role_of(acc):
    return safe(acc.getRoleName, '') or ''


def showing(acc):
    import pyatspi
    states = safe(acc.getState)
    return states is not None and states.contains(pyatspi.STATE_VISIBLE)


def walk(acc, path='', depth=0, out=None):
    """(accessible, role, name, path) of @acc and its descendants that show."""
    if out is None:
        out = []
    if depth > 60 or acc is None:
        return out
    role = role_of(acc)
    name = safe(lambda: acc.name, '') or ''
    here = '%s/%s[%s]' % (path, role, name[:30])
    out.append((acc, role, name, here))
    for i in range(safe(lambda: acc.childCount, 0) or 0):
        child = safe(lambda: acc.getChildAtIndex(i))
        if child is not None and showing(child):
            walk(child, here, depth + 1, out)
    return out


def find_window(title_part, timeout=30):
    import pyatspi
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is None:
                continue
            for window in app:
                if window is not None and title_part in (safe(lambda: window.name, '') or ''):
                    return app, window
        time.sleep(0.3)
    return None, None


def focused(window):
    import pyatspi
    for acc, role, name, path in walk(window):
        states = safe(acc.getState)
        if states is not None and states.contains(pyatspi.STATE_FOCUSED):
            return role, name, path
    return None


def xdo(*args):
    return subprocess.run(['xdotool'] + list(args), stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, timeout=10).stdout.decode().strip()


def press(window_id, key):
    xdo('key', '--window', window_id, '--clearmodifiers', key)
    time.sleep(0.25)


def sidecar_annotations(path):
    """(category label, quote start, has note) of each annotation of the
    sample, from its XML, for the names the rows must carry."""
    tree = ET.parse(path)
    result = []
    for annotation in tree.iter(NS + 'annotation'):
        category = annotation.get('category')
        quote = ''
        for element in annotation.iter(NS + 'exact'):
            quote = (element.text or '').split()
            quote = ' '.join(quote[:3])
            break
        note = annotation.find(NS + 'note')
        result.append((category, quote, note is not None and (note.text or '').strip() != ''))
    return result


# -------------------------------------------------------------- cases ----

def check_names(window):
    nodes = walk(window)
    if os.environ.get('GLOSSATOR_A11Y_DUMP'):
        for acc, role, name, path in nodes:
            TAP.diag('%s' % path)

    # the checker itself finds what it must: else it could pass on anything
    sample = [('push button', '', '/a'), ('push button', 'GtkImage', '/b'),
              ('push button', '_Open Open', '/c'), ('toggle button', 'Undo', '/d')]
    TAP.check(len(naming_problems(sample)) == 3, 'the checker finds an unnamed button, a class name and a doubled name',
              naming_problems(sample))

    problems = naming_problems([(role, name, path) for acc, role, name, path in nodes])
    TAP.check(not problems, 'every control that shows has a name of its own', problems)

    names = [(role, name) for acc, role, name, path in nodes]
    for wanted_role, wanted in (('push button', 'Undo'), ('push button', 'Redo'),
                                ('toggle button', 'Side Panel'), ('toggle button', 'Find'),
                                ('push button', 'Open'), ('push button', 'Save'),
                                ('push button', 'Main Menu')):
        TAP.check(any(name == wanted for role, name in names),
                  'a control is named "%s"' % wanted,
                  ['named: %s' % ', '.join(sorted(set(n for r, n in names if n)))])
    return nodes


def check_article(nodes, text):
    articles = [acc for acc, role, name, path in nodes if name == 'Article']
    if not TAP.check(len(articles) == 1, 'one accessible is named "Article"'):
        return
    article = articles[0]
    TAP.check(role_of(article) in ('text', 'document text', 'document frame'),
              'the article has a text role', 'role: %s' % role_of(article))
    shown = safe(lambda: article.queryText().getText(0, 120), '') or ''
    TAP.check(shown.split()[:12] == text.split()[:12], 'the article exposes its text',
              'exposed: %r' % shown[:120])

    # the caret inside the first annotation of the sample, a factual claim
    # with a note ("voted 5–4 on Tuesday…" at 151): the article says so
    moved = safe(lambda: article.queryText().setCaretOffset(160), False)
    time.sleep(0.5)
    description = safe(lambda: article.description, '') or ''
    TAP.check(moved and description.startswith('Factual claim, has note'),
              'with the caret in an annotation, the article describes it', 'description: %r' % description)
    safe(lambda: article.queryText().setCaretOffset(0))
    time.sleep(0.3)


def check_lists(nodes, sidecar):
    from_xml = sidecar_annotations(sidecar)
    lists = [(acc, role, name) for acc, role, name, path in nodes if name == 'Annotations']
    if not TAP.check(len(lists) == 1 and lists[0][1] in ('list', 'list box', 'tree table', 'table'),
                     'the annotation list is a list named "Annotations"', repr([(r, n) for a, r, n in lists])):
        return
    rows = [n for acc, role, n, path in walk(lists[0][0]) if role == 'list item']
    TAP.check(len(rows) >= min(3, len(from_xml)), 'the list shows rows (%d)' % len(rows))
    good = 0
    problems = []
    for row in rows:
        matches = [a for a in from_xml if a[1] and a[1] in row]
        if not matches:
            problems.append('row without a quote of the sample: %r' % row)
            continue
        category, quote, has_note = matches[0]
        says_note = 'has note' in row
        says_no_note = 'no note' in row
        if says_note == has_note and says_no_note != has_note and ',' in row:
            good += 1
        else:
            problems.append('row %r: note %s' % (row, has_note))
    TAP.check(rows and good == len(rows), 'every row is named with its category, quote and whether it has a note',
              problems)

    palettes = [acc for acc, role, name, path in nodes if name == 'Categories']
    if TAP.check(len(palettes) == 1, 'the palette is named "Categories"'):
        rows = [(role, name) for acc, role, name, path in walk(palettes[0])
                if role in ('list item', 'row', 'table row')]
        TAP.check(len(rows) >= 5 and all(name for role, name in rows)
                  and any(name.startswith('Factual claim') for role, name in rows),
                  'every palette row is named after its category', repr(rows))


def check_density_strip(nodes):
    """The strip beside the article (issue 13) says where the categories are."""
    strips = [acc for acc, role, name, path in nodes if name == 'Where the categories occur in the article']
    if not TAP.check(len(strips) == 1, 'one accessible is named "Where the categories occur in the article"'):
        return
    description = safe(lambda: strips[0].description, '') or ''
    TAP.check(description.startswith('Factual claim: ') and '% of the text' in description,
              'the density strip describes where each category occurs', 'description: %r' % description)


def check_focus(window, window_id):
    """From the article, Tab reaches the annotation list within a dozen
    presses, meeting the palette once; Shift+Tab from the first control
    keeps the focus."""
    start = focused(window)
    TAP.check(start is not None and start[1] == 'Article', 'the article has the focus at first', repr(start))
    order = []
    reached = False
    for i in range(12):
        press(window_id, 'Tab')
        now = focused(window)
        order.append(now)
        if now is not None and now[1] == 'Annotations' or (now and '/list[Annotations]' in now[2]):
            reached = True
            break
    TAP.check(reached, 'Tab reaches the annotation list within 12 presses of the article',
              ['%s %s' % (o[0], o[1]) if o else 'nothing' for o in order])
    palette_stops = [o for o in order if o and '[Categories]' in o[2]]
    TAP.check(len(palette_stops) <= 1, 'the palette is one Tab stop', ['%s' % o[2] for o in palette_stops])
    TAP.check(palette_stops and palette_stops[0][0] == 'list item',
              'Tab enters the palette at a row', ['%s' % o[2] for o in palette_stops])

    # one Tab leaves the list, wherever in it the focus is (not row by row)
    if reached:
        press(window_id, 'Down')
        press(window_id, 'Tab')
        after = focused(window)
        TAP.check(after is not None and '/list[Annotations]' not in after[2],
                  'the annotation list is one Tab stop', repr(after))

    # Back round the window: Shift+Tab past the header bar's first button
    # goes on from the side panel's last control, never to nowhere.
    backward = []
    for i in range(30):
        press(window_id, 'shift+Tab')
        now = focused(window)
        backward.append(now)
        if now is None or (now[1] == 'Article' and any(o[1] == 'Open' for o in backward[:-1])):
            break
    described = ['%s %s' % (o[0], o[1]) if o else 'nothing' for o in backward]
    TAP.check(all(o[0] == 'list item' for o in backward if o and '[Categories]' in o[2]),
              'Shift+Tab enters the palette at a row, not at a quick mode button', described)
    TAP.check(all(backward), 'Shift+Tab all the way round never loses the focus', described)
    TAP.check(any(o and o[1] == 'Open' for o in backward) and backward[-1] and backward[-1][1] == 'Article',
              'Shift+Tab from the first control goes on round to the article', described)


def tab_to(window, window_id, wanted, presses=15):
    """Presses Tab until the focus is on a control named @wanted, or in a
    list of that name."""
    for i in range(presses):
        now = focused(window)
        if now is not None and (now[1] == wanted or '/list[%s]' % wanted in now[2]):
            return now
        press(window_id, 'Tab')
    return focused(window)


def codebook_labels(path):
    """The label of each category of the sample's codebook, in order."""
    tree = ET.parse(path)
    return [label.text for category in tree.iter(NS + 'category')
            for label in category.findall(NS + 'label') if label.get(XML_LANG) is None]


def popup_rows(window, drop_down):
    """The names of the rows of the open popup of the drop-down named
    @drop_down (not the item its button shows)."""
    return [name for acc, role, name, path in walk(window)
            if role == 'list item' and 'combo box[%s' % drop_down[:30] in path and '/list[' in path]


def check_popup_rows(window, window_id, drop_down, expected):
    """Opens the drop-down named @drop_down with the keyboard, as a user
    does, and checks that its popup's rows are named with their text."""
    now = tab_to(window, window_id, drop_down, presses=25)
    if not TAP.check(now is not None and now[1] == drop_down,
                     'Tab reaches the drop-down "%s"' % drop_down, repr(now)):
        return
    press(window_id, 'space')
    time.sleep(0.5)
    rows = popup_rows(window, drop_down)
    TAP.check(rows == expected, 'the rows of the drop-down "%s" are named with their text' % drop_down,
              ['rows: %r' % rows, 'expected: %r' % expected])
    press(window_id, 'Escape')
    time.sleep(0.3)


def check_category_keyboard(window, window_id, categories):
    """After choosing a category with the details pane's drop-down, by
    keyboard, the keyboard still moves the focus."""
    in_list = tab_to(window, window_id, 'Annotations')
    TAP.check(in_list is not None and '/list[Annotations]' in in_list[2],
              'Tab comes round to the annotation list', repr(in_list))
    # the first annotation of the sample, a factual claim: the drop-down's
    # list opens at its first row, Factual claim, and Down then picks
    # another category (picking the same one changes nothing)
    press(window_id, 'Home')
    press(window_id, 'Return')
    time.sleep(0.3)
    now = tab_to(window, window_id, 'Category')
    if not TAP.check(now is not None and now[1] == 'Category',
                     'Tab reaches the selected annotation\'s category drop-down', repr(now)):
        return
    press(window_id, 'space')
    time.sleep(0.4)
    rows = popup_rows(window, 'Category')
    TAP.check(rows == categories, 'the rows of the category drop-down are named with their category',
              ['rows: %r' % rows, 'expected: %r' % categories])
    press(window_id, 'Down')
    press(window_id, 'Return')
    time.sleep(0.6)
    after_choice = focused(window)
    TAP.check(after_choice is not None and after_choice[1] == 'Article',
              'after choosing a category, the focus is back in the article, where the keys act',
              repr(after_choice))
    press(window_id, 'Tab')
    time.sleep(0.3)
    after_tab = focused(window)
    TAP.check(after_choice is not None and after_tab is not None and after_tab != after_choice,
              'after choosing a category by keyboard, Tab still moves the focus',
              ['focus after the choice: %r' % (after_choice,), 'after Tab: %r' % (after_tab,)])


def check_list_after_stepping(window, window_id):
    """Stepping through the annotations from the article scrolls the list
    far from the row it last focused: Tab still enters the list, at a row
    that shows (GTK 4.8 alone sends the focus to a row out of sight)."""
    if tab_to(window, window_id, 'Article', presses=20) is None:
        return
    for i in range(12):
        press(window_id, 'ctrl+period')
    press(window_id, 'Escape')
    order = []
    for i in range(6):
        press(window_id, 'Tab')
        now = focused(window)
        order.append(now)
        if now is not None and '/list[Annotations]' in now[2]:
            break
    TAP.check(order and order[-1] is not None and '/list[Annotations]' in order[-1][2]
              and order[-1][0] == 'list item',
              'after stepping through the annotations, Tab enters the list at a row that shows',
              ['%s %s' % (o[0], o[1]) if o else 'nothing' for o in order])


def main():
    if not os.environ.get('DISPLAY'):
        skip_all('no X display')
    try:
        import gi
        gi.require_version('Atspi', '2.0')
        import pyatspi  # noqa: F401
    except (ImportError, ValueError) as e:
        skip_all('pyatspi is missing (python3-pyatspi; %s)' % e)
    if not os.path.exists(BUS_LAUNCHER):
        skip_all('at-spi2-core is missing (%s)' % BUS_LAUNCHER)
    if shutil.which('xdotool') is None:
        skip_all('xdotool is missing')
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        skip_all('no session bus (run under dbus-run-session)')

    launcher = start_bus()
    if launcher is False:
        skip_all('the accessibility bus did not start')

    home = tempfile.mkdtemp(prefix='glossator-a11y-')
    proc = None
    try:
        for name in (ARTICLE, ARTICLE + '.annotations.xml'):
            shutil.copy(os.path.join(SAMPLES, name), home)
        article = os.path.join(home, ARTICLE)
        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env.pop('WAYLAND_DISPLAY', None)
        env.update({'GTK_A11Y': 'atspi', 'GDK_BACKEND': 'x11', 'HOME': home,
                    'XDG_CONFIG_HOME': os.path.join(home, '.config'),
                    'XDG_DATA_HOME': os.path.join(home, '.local', 'share'),
                    'XDG_STATE_HOME': os.path.join(home, '.local', 'state'),
                    'XDG_CACHE_HOME': os.path.join(home, '.cache'),
                    'GSETTINGS_BACKEND': 'memory', 'G_DEBUG': ''})
        log_path = os.path.join(home, 'glossator.log')
        with open(log_path, 'wb') as log:
            # the application ends with this test, even one killed by a signal
            proc = subprocess.Popen([BIN, article], env=env, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=log, cwd=home,
                                    preexec_fn=lambda: ctypes.CDLL(None).prctl(1, signal.SIGKILL))
        app, window = find_window(ARTICLE)
        if not TAP.check(window is not None, 'the window shows in the accessible tree',
                         open(log_path, encoding='utf-8', errors='replace').read()[-2000:]):
            return
        window_id = ''
        deadline = time.monotonic() + 10
        while not window_id and time.monotonic() < deadline:
            window_id = xdo('search', '--onlyvisible', '--name', re.escape(ARTICLE)).split('\n')[0]
            time.sleep(0.2)
        xdo('windowfocus', '--sync', window_id)
        time.sleep(1.0)

        nodes = check_names(window)
        with open(article, encoding='utf-8', newline='') as f:
            text = f.read()
        check_article(nodes, text)
        check_lists(nodes, article + '.annotations.xml')
        check_density_strip(nodes)
        check_focus(window, window_id)
        categories = codebook_labels(article + '.annotations.xml')
        check_popup_rows(window, window_id, 'Show One Category', ['All Categories'] + categories)
        check_category_keyboard(window, window_id, categories)
        check_list_after_stepping(window, window_id)

        with open(log_path, encoding='utf-8', errors='replace') as f:
            log = f.read()
        criticals = [line for line in log.splitlines() if 'CRITICAL' in line or 'WARNING' in line]
        TAP.check(not criticals, 'no critical warning or warning on the way', criticals[:10])
    finally:
        if proc is not None:
            proc.kill()
            proc.wait()
        if launcher:
            launcher.terminate()
            launcher.wait()
        shutil.rmtree(home, ignore_errors=True)
        print('1..%d' % TAP.n)
    return 1 if TAP.failed else 0


if __name__ == '__main__':
    sys.exit(main())
