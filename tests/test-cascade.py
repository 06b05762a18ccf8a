#!/usr/bin/env python3
"""A second window does not open exactly over the first (issue 17).

Drives the real application under X11, as a user would: `glossator A`,
then `glossator B` handed to the running instance, then Ctrl+N for an
empty window.  Where each window sits is read with `xdotool
getwindowgeometry`; no two of the three may share a top-left corner.

Run twice: on the bare X server (Xvfb runs no window manager, so every
window would open at 0,0) and, when Debian's openbox is installed, under
openbox, which places windows itself (its own placement must be kept, and
must not make two windows coincide either).  Prints TAP; helpers come from
test-e2e.py.
"""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


E2E = load('glossator_e2e', 'test-e2e.py')
TAP = E2E.TAP
# the windows are smaller than the screen, so that a step down and right
# stays on it
SETTINGS = {'window-width': 900, 'window-height': 600}
GEOMETRY_RE = re.compile(r'Position: (-?\d+),(-?\d+).*?Geometry: (\d+)x(\d+)', re.S)


def geometry(window):
    """(x, y, width, height) of window on the screen, or None."""
    status, out = E2E.xdo('getwindowgeometry', window)
    m = GEOMETRY_RE.search(out) if status == 0 else None
    return tuple(int(g) for g in m.groups()) if m else None


def screen_size():
    status, out = E2E.xdo('getdisplaygeometry')
    return tuple(int(n) for n in out.split()) if status == 0 else (0, 0)


def find_window(pattern, exclude=()):
    def found():
        ids = [w for w in E2E.xdo('search', '--onlyvisible', '--name', pattern)[1].split()
               if w not in exclude]
        return ids[0] if ids else None
    return E2E.wait_for(found, E2E.WINDOW_TIMEOUT, 0.1)


def settled(window):
    """The window's geometry once it has stopped moving (a window manager
    may place it, then our cascade may move it)."""
    last = None
    for _ in range(40):
        now = geometry(window)
        if now is not None and now == last:
            return now
        last = now
        time.sleep(0.15)
    return last


def start_window_manager(name):
    """Starts openbox on the display; returns its process, or None."""
    if shutil.which(name) is None:
        return None
    config = tempfile.mkdtemp(prefix='glossator-wm-')
    env = dict(os.environ, HOME=config, XDG_CONFIG_HOME=config)
    proc = subprocess.Popen([name], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # a window manager names itself on the root window once it runs
    def managing():
        if proc.poll() is not None:
            return 'exited'
        out = subprocess.run(['xprop', '-root', '_NET_SUPPORTING_WM_CHECK'], capture_output=True).stdout
        return b'window id' in out
    if shutil.which('xprop'):
        E2E.wait_for(managing, 10, 0.1)
    else:
        time.sleep(2)
    return proc if proc.poll() is None else None


def case_three_windows(tmp, shots, where):
    folder = os.path.join(tmp, 'articles')
    os.makedirs(folder)
    first = E2E.copy_article(folder)
    second = os.path.join(folder, 'second-' + os.path.basename(first))
    shutil.copyfile(first, second)

    app = E2E.App(os.path.join(tmp, 'home'), first, settings=SETTINGS)
    try:
        app.start()
        windows = [app.window]

        run = subprocess.run([E2E.BIN, second], env=app.environment(), capture_output=True, timeout=60)
        TAP.check(run.returncode == 0, '%s: a second glossator hands its article to the running one' % where,
                  run.stderr.decode('utf-8', 'replace')[-1000:])
        window = find_window('^' + re.escape(os.path.basename(second)) + ' — ', windows)
        if not window:
            raise E2E.Abort('no window for %s' % second)
        windows.append(window)

        app.focus(windows[1])
        app.window = windows[1]
        app.key('ctrl+n')
        window = find_window('^Glossator$', windows)
        if not window:
            raise E2E.Abort('Ctrl+N showed no new window')
        windows.append(window)

        places = [settled(w) for w in windows]
        E2E.TAP.diag('%s: windows at %r' % (where, places))
        corners = [p[:2] for p in places if p]
        TAP.check(len(corners) == 3 and len(set(corners)) == 3,
                  '%s: the article, the second article and the new window each open at a place of their own'
                  % where, 'positions and sizes: %r' % places)
        width, height = screen_size()
        TAP.check(all(p and p[0] >= 0 and p[1] >= 0 and p[0] + p[2] <= width and p[1] + p[3] <= height
                      for p in places),
                  '%s: every window is on the %dx%d screen' % (where, width, height),
                  'positions and sizes: %r' % places)
        E2E.screenshot(shots, 'cascade-%s.png' % where.replace(' ', '-'), 'of the three windows, ' + where)
        TAP.check(not app.log_warnings(), '%s: the application warned of nothing' % where,
                  app.log_warnings()[:10])
    finally:
        app.stop()


def main():
    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP no display')
        return 0
    if shutil.which('xdotool') is None:
        print('1..0 # SKIP xdotool missing')
        return 0
    if not os.access(E2E.BIN, os.X_OK):
        print('1..0 # SKIP GLOSSATOR_BIN not built: %s' % E2E.BIN)
        return 0

    shots = tempfile.mkdtemp(prefix='glossator-cascade-')
    for where, manager in (('no window manager', None), ('under openbox', 'openbox')):
        wm = None
        if manager is not None:
            wm = start_window_manager(manager)
            if wm is None:
                TAP.diag('%s: %s is not installed or did not start; skipped' % (where, manager))
                continue
        try:
            with tempfile.TemporaryDirectory(prefix='glossator-cascade-') as tmp:
                case_three_windows(tmp, shots, where)
        except E2E.Abort as e:
            TAP.check(False, '%s: could not go on' % where, str(e))
        except Exception:
            TAP.check(False, '%s: raised an exception' % where, traceback.format_exc())
        finally:
            if wm is not None:
                wm.terminate()
                wm.wait(timeout=10)

    if os.environ.get('GLOSSATOR_KEEP_SCREENSHOTS'):
        TAP.diag('screenshots in %s' % shots)
    else:
        shutil.rmtree(shots, ignore_errors=True)
    print('1..%d' % TAP.n)
    return 1 if TAP.failed else 0


if __name__ == '__main__':
    sys.exit(main())
