#!/usr/bin/env python3
# tests/integration/test-metainfo.py
# Validates the built metainfo with appstreamcli (offline) and checks that it
# points at the desktop entry, the binaries and a screenshot in the tree.
#
# Usage: test-metainfo.py BUILT.metainfo.xml SOURCE_ROOT

import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from tap import Tap, require_tool

APP_ID = "io.github.glossator.Glossator"
SCREENSHOT_BASE = "https://raw.githubusercontent.com/glossator/glossator/main/"


def main():
    appstreamcli = require_tool("appstreamcli", "appstream")
    metainfo = pathlib.Path(sys.argv[1])
    root = pathlib.Path(sys.argv[2])
    tap = Tap()

    # Errors and warnings fail; "info" and "pedantic" notes do not. The one
    # pedantic note, an uppercase letter in the id, is the reverse-DNS id
    # GNOME applications use.
    run = subprocess.run([appstreamcli, "validate", "--no-net", "--explain", str(metainfo)],
                         capture_output=True, text=True)
    output = (run.stdout + run.stderr).strip()
    problems = [l for l in output.splitlines() if l.startswith(("E:", "W:"))]
    if tap.ok(run.returncode == 0 and not problems,
              f"appstreamcli validate --no-net accepts {metainfo.name}", output):
        tap.diag(output)

    component = ET.parse(metainfo).getroot()
    tap.ok(component.findtext("id") == APP_ID, "the component id is the application id")
    launchable = component.find("launchable")
    tap.ok(launchable is not None and launchable.text == APP_ID + ".desktop",
           "it launches the desktop entry")
    binaries = sorted(b.text for b in component.iterfind("provides/binary"))
    tap.ok(binaries == ["glossator", "glossator-cli"], "it provides both binaries", repr(binaries))
    tap.ok(component.findtext("developer_name", "").strip() != "", "developer_name is set")
    rating = component.find("content_rating")
    tap.ok(rating is not None and rating.get("type") == "oars-1.1", "content rating is OARS 1.1")
    releases = component.findall("releases/release")
    tap.ok(bool(releases) and releases[0].find("description") is not None,
           "the newest release has a description")
    # releases are kept from now on: each version has its entry, newest first
    version = sys.argv[3]
    tap.ok(bool(releases) and releases[0].get("version") == version,
           f"the newest release is this version, {version}",
           repr([r.get("version") for r in releases]))
    dates = [r.get("date", "") for r in releases]
    tap.ok(all(dates) and dates == sorted(dates, reverse=True), "every release has a date, newest first",
           repr(dates))
    homepage = component.find("url[@type='homepage']")
    about = re.search(r'PACKAGE_WEBSITE\s*=?\s*.*?(https?://[^\'"]+)',
                      (root / "meson.build").read_text(encoding="utf-8"))
    tap.ok(homepage is not None and about is not None and homepage.text == about.group(1),
           "the About window's website is the metainfo's homepage",
           f"{homepage.text if homepage is not None else None} vs {about.group(1) if about else None}")

    images = [i.text.strip() for i in component.iterfind("screenshots/screenshot/image")]
    tap.ok(bool(images), "there is a screenshot")
    for image in images:
        local = image[len(SCREENSHOT_BASE):] if image.startswith(SCREENSHOT_BASE) else None
        tap.ok(local is not None and (root / local).is_file(),
               f"screenshot {image} is a file in the tree", repr(local))
    # the English caption of each; translations come as xml:lang variants
    captions = [c.text for c in component.iterfind("screenshots/screenshot/caption")
                if "{http://www.w3.org/XML/1998/namespace}lang" not in c.attrib]
    tap.ok(len(captions) == len(images) and all(captions), "every screenshot has a caption")

    tap.done()


if __name__ == "__main__":
    main()
