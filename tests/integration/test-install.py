#!/usr/bin/env python3
# tests/integration/test-install.py
# Installs the build into a temporary DESTDIR with `meson install` and checks
# the tree: binaries, translations, desktop entry, metainfo, icons, schema,
# MIME entry and samples; then runs the installed glossator-cli.
#
# Usage: test-install.py BUILD_ROOT SOURCE_ROOT VERSION PREFIX BINDIR DATADIR LOCALEDIR
# (the last four absolute, as configured; BUILD_ROOT may also come from
# $GLOSSATOR_BUILD_ROOT)

import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from tap import Tap, skip_all

APP_ID = "io.github.glossator.Glossator"


def read_linguas(path):
    languages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        languages += line.split("#", 1)[0].split()
    return languages


def main():
    build_root = pathlib.Path(sys.argv[1] or os.environ.get("GLOSSATOR_BUILD_ROOT", ""))
    source_root = pathlib.Path(sys.argv[2])
    version = sys.argv[3]
    prefix, bindir, datadir, localedir = (pathlib.PurePosixPath(p) for p in sys.argv[4:8])

    meson = os.environ.get("MESON") or shutil.which("meson")
    if meson is None:
        skip_all("meson is not in PATH")
    if not (build_root / "meson-private").is_dir():
        skip_all(f"{build_root} is not a meson build folder")

    tap = Tap()
    with tempfile.TemporaryDirectory(prefix="glossator-install-") as tmp:
        destdir = pathlib.Path(tmp)

        def installed(path):
            return destdir / pathlib.PurePosixPath(path).relative_to("/")

        run = subprocess.run([meson, "install", "-C", str(build_root), "--destdir", str(destdir),
                              "--no-rebuild", "--quiet"],
                             capture_output=True, text=True, timeout=100)
        if not tap.ok(run.returncode == 0, "meson install --destdir succeeds",
                      run.stdout + run.stderr):
            tap.done()

        share = installed(datadir)
        expected = [
            installed(bindir / "glossator"),
            installed(bindir / "glossator-cli"),
            share / "applications" / f"{APP_ID}.desktop",
            share / "metainfo" / f"{APP_ID}.metainfo.xml",
            share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
            share / "icons" / "hicolor" / "symbolic" / "apps" / f"{APP_ID}-symbolic.svg",
            share / "glib-2.0" / "schemas" / f"{APP_ID}.gschema.xml",
            share / "mime" / "packages" / f"{APP_ID}.xml",
            share / "dbus-1" / "services" / f"{APP_ID}.service",
            share / "help" / "C" / "glossator" / "index.page",
            share / "man" / "man1" / "glossator.1",
            share / "man" / "man1" / "glossator-cli.1",
            share / "bash-completion" / "completions" / "glossator-cli",
            share / "help" / "C" / "glossator" / "getting-started.page",
            share / "glossator" / "samples" / "riverside-library.txt",
            share / "glossator" / "samples" / "riverside-library.txt.annotations.xml",
        ]
        languages = read_linguas(source_root / "po" / "LINGUAS")
        expected += [installed(localedir / lang / "LC_MESSAGES" / "glossator.mo")
                     for lang in languages]
        if not languages:
            tap.diag("LINGUAS lists no language yet: no .mo file is expected")

        for path in expected:
            tap.ok(path.is_file(), f"installs {path.relative_to(destdir)}")
        for path in expected[:2]:
            tap.ok(os.access(path, os.X_OK), f"{path.name} is executable")

        # Nothing may land outside the prefix (an install_dir with an
        # absolute path that ignores the prefix would).
        top = installed(prefix)
        strays = [str(p.relative_to(destdir)) for p in destdir.rglob("*")
                  if p.is_file() and top not in p.parents]
        tap.ok(not strays, f"every installed file is under the prefix {prefix}",
               "\n".join(strays))

        # The post-install caches are not written into a DESTDIR.
        caches = [share / "glib-2.0" / "schemas" / "gschemas.compiled",
                  share / "icons" / "hicolor" / "icon-theme.cache",
                  share / "mime" / "mime.cache"]
        tap.ok(not any(p.exists() for p in caches), "no system cache is written into DESTDIR")

        cli = installed(bindir / "glossator-cli")
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("LANGUAGE", None)
        run = subprocess.run([str(cli), "--version"], capture_output=True, text=True,
                             env=env, timeout=30)
        tap.ok(run.returncode == 0 and run.stdout.strip() == f"glossator-cli {version}",
               "the installed glossator-cli --version names the version",
               f"exit {run.returncode}\n{run.stdout}{run.stderr}")

        sample = share / "glossator" / "samples" / "riverside-library.txt"
        run = subprocess.run([str(cli), "stats", str(sample)], capture_output=True, text=True,
                             env=env, timeout=30)
        total = [l.split() for l in run.stdout.splitlines() if l.split()[:1] == ["Total"]]
        tap.ok(run.returncode == 0 and total and int(total[0][1]) > 0,
               "the installed glossator-cli counts the installed sample's annotations",
               f"exit {run.returncode}\n{run.stdout}{run.stderr}")

        check_window_binary(tap, installed(bindir / "glossator"), share, version, sample)
        check_activation(tap, destdir, installed(bindir / "glossator"), share, bindir)

    tap.done()


def window_shows(name, timeout):
    """Whether a window whose title contains NAME appears within TIMEOUT seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = subprocess.run(["xdotool", "search", "--name", name],
                             capture_output=True, text=True, timeout=10)
        if run.returncode == 0 and run.stdout.strip():
            return True
        time.sleep(0.3)
    return False


def check_window_binary(tap, glossator, share, version, sample):
    """The installed glossator starts from a shell that knows nothing of its
    prefix: no GSETTINGS_SCHEMA_DIR, and XDG_DATA_DIRS without it."""
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", XDG_DATA_DIRS="/usr/share",
               GSETTINGS_BACKEND="memory")
    for name in ("GSETTINGS_SCHEMA_DIR", "LANGUAGE", "GLOSSATOR_LOCALEDIR", "G_DEBUG"):
        env.pop(name, None)

    run = subprocess.run([str(glossator), "--version"], capture_output=True, text=True,
                         env=env, timeout=30)
    tap.ok(run.returncode == 0 and run.stdout.strip() == f"glossator {version}",
           "the installed glossator --version names the version",
           f"exit {run.returncode}\n{run.stdout}{run.stderr}")

    # Without the compiled schemas (meson does not compile them into a
    # DESTDIR) it refuses with a message instead of GSettings' abort.
    schemas = share / "glib-2.0" / "schemas"
    run = subprocess.run([str(glossator), str(sample)], capture_output=True, text=True,
                         env=env, timeout=30)
    tap.ok(run.returncode == 1 and str(schemas) in run.stderr and "build-aux/run" in run.stderr,
           "without its compiled schema the installed glossator says where it looked",
           f"exit {run.returncode}\n{run.stdout}{run.stderr}")

    compiler = shutil.which("glib-compile-schemas")
    if compiler is None:
        tap.skip("the installed glossator starts from any shell", "no glib-compile-schemas")
        return
    subprocess.run([compiler, str(schemas)], check=True, timeout=30)
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        tap.skip("the installed glossator starts from any shell", "no X display or xdotool")
        return

    # on a session bus of its own: a Glossator left running by another test
    # would otherwise take the article and let this one end at once
    session = shutil.which("dbus-run-session")
    command = ([session, "--"] if session else []) + [str(glossator), str(sample)]
    process = subprocess.Popen(command, env=env, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        shown = window_shows(sample.name, 30)
        alive = process.poll() is None
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        output = process.communicate(timeout=30)[0]
    tap.ok(shown and alive, "the installed glossator starts from any shell and shows the article",
           f"shown {shown}, running {alive}\n{output}")


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>{address}</listen>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def check_activation(tap, destdir, glossator, share, bindir):
    """The installed D-Bus service starts Glossator on a bus that has only
    it, and a second Open reaches the same process."""
    name = "the installed D-Bus service starts glossator and a second Open reuses it"
    daemon, gdbus = shutil.which("dbus-daemon"), shutil.which("gdbus")
    if daemon is None or gdbus is None or not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        tap.skip(name, "no dbus-daemon, gdbus, X display or xdotool")
        return

    service = share / "dbus-1" / "services" / f"{APP_ID}.service"
    text = service.read_text(encoding="utf-8")
    # the service names the configured bindir; the files are in DESTDIR
    services = destdir / "services"
    services.mkdir()
    (services / service.name).write_text(text.replace(str(bindir / "glossator"), str(glossator)),
                                         encoding="utf-8")
    address = f"unix:path={destdir / 'bus'}"
    config = destdir / "bus.conf"
    config.write_text(BUS_CONFIG.format(address=address, services=services), encoding="utf-8")

    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", XDG_DATA_DIRS="/usr/share",
               GSETTINGS_BACKEND="memory", DBUS_SESSION_BUS_ADDRESS=address)
    for key in ("GSETTINGS_SCHEMA_DIR", "LANGUAGE", "GLOSSATOR_LOCALEDIR", "G_DEBUG"):
        env.pop(key, None)
    bus = subprocess.Popen([daemon, "--config-file", str(config), "--nofork"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    # an Open is answered once its window is made, which under the
    # sanitizers, beside another test on a loaded machine, took over the
    # bus's default 25 s: what is checked here is where it goes, not how fast
    def call(*args):
        return subprocess.run([gdbus, "call", "--session", "--timeout", "120", *args], env=env,
                              capture_output=True, text=True, timeout=150)

    def open_file(path):
        return call("--dest", APP_ID, "--object-path", "/" + APP_ID.replace(".", "/"),
                    "--method", "org.freedesktop.Application.Open",
                    f"['{path.as_uri()}']", "{}")

    def owner_pid():
        run = call("--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                   "--method", "org.freedesktop.DBus.GetConnectionUnixProcessID", APP_ID)
        return run.stdout.strip()

    samples = share / "glossator" / "samples"
    try:
        for _ in range(50):
            if (destdir / "bus").exists():
                break
            time.sleep(0.1)
        first = open_file(samples / "riverside-library.txt")
        shown = first.returncode == 0 and window_shows("riverside-library.txt", 120)
        pid = owner_pid()
        second = open_file(samples / "persian-sample.txt")
        shown_too = second.returncode == 0 and window_shows("persian-sample.txt", 120)
        same = pid != "" and owner_pid() == pid
        tap.ok(shown and shown_too and same, name,
               f"first {first.returncode} {first.stderr} shown {shown}; second {second.returncode} "
               f"{second.stderr} shown {shown_too}; owner {pid} then {owner_pid()}")
    finally:
        if owner_pid():
            call("--dest", APP_ID, "--object-path", "/" + APP_ID.replace(".", "/"),
                 "--method", "org.freedesktop.Application.ActivateAction", "quit", "[]", "{}")
            time.sleep(1)
        bus.terminate()
        bus.wait(timeout=30)


if __name__ == "__main__":
    main()
