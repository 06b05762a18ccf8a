#!/usr/bin/env python3
# tests/integration/test-i18n.py
# Each translation is a translation (not copied English), and Glossator
# speaks it: glossator-cli's help, and the built-in codebook's labels.

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import Tap  # noqa: E402

MAX_IDENTICAL = 0.10


def unquote(lines):
    text = "".join(re.match(r'^(?:msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt)?\s*"(.*)"\s*$', l).group(1)
                   for l in lines)
    return bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def parse_po(text):
    """The (msgid, msgstr) pairs of a po file, the header left out."""
    entries, current, key = [], {}, None
    for line in text.splitlines() + [""]:
        if not line.strip():
            if "msgid" in current:
                entries.append(current)
            current, key = {}, None
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s', line)
        if m:
            key = m.group(1)
            current.setdefault(key, []).append(line)
        elif key:
            current[key].append(line)
    pairs = []
    for e in entries:
        msgid = unquote(e["msgid"])
        if msgid == "":
            continue
        strs = [unquote(v) for k, v in sorted(e.items()) if k.startswith("msgstr")]
        pairs.append((msgid, strs[0] if strs else ""))
    return pairs


def identical_share(pairs):
    same = sum(1 for msgid, msgstr in pairs if msgid == msgstr)
    return same / max(1, len(pairs)), same


def main():
    tap = Tap()
    root = os.environ.get("GLOSSATOR_SOURCE_ROOT") or sys.argv[1]
    cli = os.environ.get("GLOSSATOR_CLI")
    localedir = os.environ.get("GLOSSATOR_LOCALEDIR")
    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith("#")]

    # the check itself bites: a po that copies the English is caught
    copied = 'msgid ""\nmsgstr ""\n\nmsgid "Save"\nmsgstr "Save"\n\nmsgid "Open"\nmsgstr "Öffnen"\n'
    share, _ = identical_share(parse_po(copied))
    tap.ok(share > MAX_IDENTICAL, "a planted copy of the English is caught (%.0f %% identical)" % (100 * share))

    sample = os.path.join(root, "data", "samples", "riverside-library.txt")
    for lang in languages:
        with open(os.path.join(root, "po", lang + ".po"), encoding="utf-8") as f:
            pairs = parse_po(f.read())
        translations = dict(pairs)
        share, same = identical_share(pairs)
        tap.ok(share < MAX_IDENTICAL, "%s: %d of %d messages identical to the English (%.1f %%, at most %d %%)"
               % (lang, same, len(pairs), 100 * share, 100 * MAX_IDENTICAL))
        tap.ok(all(msgstr for _, msgstr in pairs), "%s: every message has a translation" % lang)
        with open(os.path.join(root, "po", lang + ".po"), encoding="utf-8") as f:
            fuzzy = [l for l in f if l.startswith("#,") and "fuzzy" in l]
        tap.ok(not fuzzy, "%s: no fuzzy message (%d)" % (lang, len(fuzzy)))

        if not cli or not localedir:
            tap.skip("%s: glossator-cli speaks it" % lang, "GLOSSATOR_CLI or GLOSSATOR_LOCALEDIR not set")
            continue
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LANGUAGE=lang, GLOSSATOR_LOCALEDIR=localedir)
        out = subprocess.run([cli, "--help"], env=env, capture_output=True, text=True).stdout
        want = translations.get("Commands:\n", "").strip()
        tap.ok(want and want in out and "Commands:" not in out,
               "%s: glossator-cli --help is in %s (“%s”)" % (lang, lang, want), out)

        # the built-in codebook's labels come in the user's language
        with tempfile.TemporaryDirectory() as tmp:
            article = shutil.copy(sample, os.path.join(tmp, "article.txt"))
            out = subprocess.run([cli, "stats", article], env=env, capture_output=True, text=True).stdout
        for label in ("Factual claim", "Hedge or uncertainty"):
            want = translations.get(label, "")
            tap.ok(want and want in out and label not in out,
                   "%s: the codebook says “%s” for “%s”" % (lang, want, label), out)

    tap.done()


if __name__ == "__main__":
    sys.exit(main())
