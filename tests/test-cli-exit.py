#!/usr/bin/env python3
"""glossator-cli answers clearly (issue 10): the exit status of every
command, usage errors that point to --help, help whose usage line runs as
typed, export into a folder that is not there, validate on files that are
not Glossator's or whose article is missing, and brat types XML cannot hold.

Each check asserts the exact exit status, a fragment of the message, and
that the files are byte for byte as they were (or that exactly the
expected files appeared). Run by meson with GLOSSATOR_CLI and
GLOSSATOR_SOURCE_ROOT set; prints TAP. Python 3 standard library only.
"""

import os
import re
import shutil
import sys
import tempfile
import traceback

from glossator_test import CLI, ENV, ROOT, Tap, cli, tree, tree_diff

SIDECARS = os.path.join(ROOT, 'tests', 'data', 'sidecars')
ARTICLE = os.path.join(SIDECARS, 'article.txt')
HOSTILE = os.path.join(SIDECARS, 'hostile')
COMMANDS = ('validate', 'list', 'annotate', 'stats', 'export', 'import')

T = Tap()


def folder(base, name, *files):
    """A new folder @base/@name with copies of @files ((source, name) or
    source); returns its path."""
    path = os.path.join(base, name)
    os.makedirs(path)
    for f in files:
        source, target = f if isinstance(f, tuple) else (f, os.path.basename(f))
        shutil.copyfile(source, os.path.join(path, target))
    return path


def annotated(base, name):
    """A folder with article.txt and its sidecar, written by annotate."""
    path = folder(base, name, ARTICLE)
    r = cli('annotate', os.path.join(path, 'article.txt'), '-c', 'factual', '-s', 4, '-e', 8)
    if r.rc != 0:
        raise RuntimeError('annotate failed: %r' % r.diag())
    return path


def run_unchanged(top, *args):
    """Runs the CLI; returns the result and what it changed under @top."""
    before = tree(top)
    r = cli(*args)
    return r, tree_diff(before, tree(top))


def hint_for(command):
    return 'Try “glossator-cli %s --help”.' % command if command else 'Try “glossator-cli --help”.'


def check_usage_error(top, description, command, fragment, *args):
    r, changed = run_unchanged(top, *args)
    T.check(r.rc == 2 and fragment in r.err and hint_for(command) in r.err and not changed and r.out == '',
            '%s: exit 2, “%s”, a pointer to --help, nothing written' % (description, fragment),
            r.diag() + changed)


# ------------------------------------------------------- usage errors ----

def test_usage_errors_exit_2_with_a_hint(tmp):
    d = annotated(tmp, 'usage')
    src = os.path.join(d, 'article.txt')

    check_usage_error(d, 'no command at all', None, 'missing COMMAND')
    check_usage_error(d, 'an unknown command', None, 'unknown command “frobnicate”', 'frobnicate', src)
    check_usage_error(d, 'an unknown option before any command', None, '--frob', '--frob')
    for command in COMMANDS:
        extra = ['--format', 'brat'] if command in ('export', 'import') else []
        check_usage_error(d, '%s with an unknown option' % command, command, '--no-such-option',
                          command, '--no-such-option', *extra, src)
        check_usage_error(d, '%s without a file' % command, command, 'missing', command, *extra)

    check_usage_error(d, 'list with two articles', 'list', 'too many files', 'list', src, src)
    check_usage_error(d, 'import with three files', 'import', 'too many files',
                      'import', '--format', 'brat', src, src, src)
    check_usage_error(d, 'annotate without --category', 'annotate', '--category is required',
                      'annotate', src, '-s', 0, '-e', 3)
    check_usage_error(d, 'annotate without --end', 'annotate', '--end is required',
                      'annotate', src, '-c', 'factual', '-s', 0)
    for value in ('abc', '-1', '4294967296', ''):
        check_usage_error(d, 'annotate --start %r (malformed)' % value, 'annotate',
                          '--start must be a character offset', 'annotate', src, '-c', 'factual',
                          '--start=' + value, '--end', 3)
    check_usage_error(d, 'export --format docx', 'export', 'unknown format “docx”',
                      'export', '--format', 'docx', src)
    check_usage_error(d, 'export without --format', 'export', '--format is required', 'export', src)
    check_usage_error(d, 'import --format tei (not importable)', 'import', 'cannot import the format “tei”',
                      'import', '--format', 'tei', src, src)
    check_usage_error(d, 'export of two articles to standard output', 'export', '-o must name a folder',
                      'export', '--format', 'brat', src, src)
    check_usage_error(d, 'export -o with an empty name', 'export', '-o needs the name',
                      'export', '--format', 'brat', '-o', '', src)

    # the failures of the operation itself stay 1, naming the file
    r, changed = run_unchanged(d, 'annotate', src, '-c', 'factual', '-s', 0, '-e', 99999)
    T.check(r.rc == 1 and 'article.txt' in r.err and 'Try “' not in r.err and not changed,
            'annotate a span beyond the text: exit 1 (not a usage error), the article named, nothing written',
            r.diag() + changed)
    r, changed = run_unchanged(d, 'annotate', src, '-c', 'no-such-category', '-s', 0, '-e', 3)
    T.check(r.rc == 1 and 'no-such-category' in r.err and not changed,
            'annotate with a category the codebook lacks: exit 1, named, nothing written', r.diag() + changed)


def test_help_states_the_exit_status_rule():
    r = cli('--help')
    T.check(r.rc == 0 and 'Exit status' in r.out and re.search(r'^\s*0\s+success', r.out, re.M)
            and re.search(r'^\s*1\s+a file is invalid, or an operation failed', r.out, re.M)
            and re.search(r'^\s*2\s+a usage error', r.out, re.M),
            'glossator-cli --help states the exit status rule (0, 1, 2), exit 0', r.diag())


def usage_line(command):
    r = cli(command, '--help')
    first = r.out.split('\n', 1)[0]
    return r, first


def test_each_help_shows_a_usage_line_that_runs_as_typed(tmp):
    d = annotated(tmp, 'typed')
    src = os.path.join(d, 'article.txt')
    ann = os.path.join(d, 'typed.ann')
    # what each word in capitals stands for, in the order the commands run
    values = {'SOURCE': src, 'SOURCE…': src, 'FILE…': src, 'ID': 'opinion', 'TEXT': 'typed from --help',
              'NAME': 'Tester', 'FORMAT': 'brat', 'OUT': ann, 'ANNOTATION_FILE': ann}
    for command in ('validate', 'list', 'stats', 'annotate', 'export', 'import'):
        r, first = usage_line(command)
        prefix = 'Usage: glossator-cli %s' % command
        T.check(r.rc == 0 and first.startswith(prefix + ' ') and '[OPTION…] %s' % command not in r.out,
                '%s --help: exit 0, begins “%s …”, not GOption’s “[OPTION…] %s”' % (command, prefix, command),
                r.diag())
        if not first.startswith(prefix):
            continue
        words = first[len(prefix):].split()
        numbers = iter(['0', '3'])
        args = []
        skip = False
        for word in words:
            word = word.strip('[]')
            # "[--json | --csv]": one of the alternatives is typed
            if word == '|' or skip:
                skip = word == '|'
                continue
            args.append(next(numbers) if word == 'N' else values.get(word, word))
        typed = cli(command, *args)
        T.check(typed.rc == 0, '%s, typed as its --help shows it (%s), runs: exit 0'
                % (command, ' '.join(words)), typed.diag())


# -------------------------------------------------------------- export ----

def test_export_into_a_missing_folder_writes_nothing(tmp):
    d = annotated(tmp, 'export-missing')
    src = os.path.join(d, 'article.txt')
    shutil.copyfile(src, os.path.join(d, 'second.txt'))
    second = os.path.join(d, 'second.txt')
    missing = os.path.join(d, 'not-there')

    for args, description in ((['-o', missing + '/', src, second], 'two articles into DIR/'),
                              (['-o', missing, src, second], 'two articles into DIR'),
                              (['-o', missing + '/', src], 'one article into DIR/'),
                              (['-o', os.path.join(missing, 'one.ann'), src], 'one article into DIR/one.ann')):
        r, changed = run_unchanged(d, 'export', '--format', 'brat', *args)
        T.check(r.rc == 1 and 'the folder “%s” does not exist' % missing in r.err
                and 'nothing was written' in r.err and 'g_rename' not in r.err and not changed,
                'export %s where DIR does not exist: exit 1, “the folder … does not exist”, nothing written'
                % description, r.diag() + changed)

    r, changed = run_unchanged(d, 'export', '--format', 'csv', '-o', missing + '/', src, second)
    T.check(r.rc == 2 and 'one file' in r.err and not changed,
            'export CSV of two articles into a folder: a usage error, exit 2, nothing written',
            r.diag() + changed)

    not_folder = os.path.join(d, 'second.txt')
    r, changed = run_unchanged(d, 'export', '--format', 'brat', '-o', not_folder + '/', src)
    T.check(r.rc == 1 and 'is not a folder' in r.err and 'g_rename' not in r.err and not changed,
            'export into FILE/ where FILE is a file: exit 1, “is not a folder”, nothing written',
            r.diag() + changed)

    out = os.path.join(d, 'out')
    os.makedirs(out)
    r = cli('export', '--format', 'brat', '-o', out + '/', src)
    T.check(r.rc == 0 and sorted(os.listdir(out)) == ['article.ann'],
            'export of one article into an existing DIR/: exit 0, DIR/article.ann', r.diag() + os.listdir(out))
    r = cli('export', '--format', 'brat', '-o', out, src, second)
    T.check(r.rc == 0 and sorted(os.listdir(out)) == ['article.ann', 'second.ann'],
            'export of two articles into an existing folder: exit 0, one file each, no temporary file left',
            r.diag() + os.listdir(out))


# ------------------------------------------------------------ validate ----

def test_validate_refuses_xml_that_is_not_glossators(tmp):
    d = folder(tmp, 'not-ours', (os.path.join(HOSTILE, 'not-xml.xml'), 'd.xml'),
               (os.path.join(HOSTILE, 'wrong-root.xml'), 'e.xml'))
    for name, what in (('d.xml', 'not XML'), ('e.xml', 'XML with another root element')):
        r, changed = run_unchanged(d, 'validate', os.path.join(d, name))
        T.check(r.rc == 1 and '%s: not a Glossator annotation file or codebook' % name in r.err
                and 'no annotations yet' not in r.out + r.err and not changed,
                'validate %s (%s): exit 1, “not a Glossator annotation file or codebook”, nothing written'
                % (name, what), r.diag() + changed)

    # the exception the rule states: an .xml article with a sidecar is an article
    d = annotated(tmp, 'xml-article')
    os.rename(os.path.join(d, 'article.txt'), os.path.join(d, 'article.xml'))
    os.rename(os.path.join(d, 'article.txt.annotations.xml'), os.path.join(d, 'article.xml.annotations.xml'))
    r, changed = run_unchanged(d, 'validate', os.path.join(d, 'article.xml'))
    T.check(r.rc == 0 and 'valid, 1 annotation' in r.out and not changed,
            'validate an .xml article that has a sidecar: exit 0, its sidecar checked', r.diag() + changed)

    r = cli('validate', '--help')
    T.check(r.rc == 0 and 'ARTICLE.annotations.xml' in r.out and '<codebook>' in r.out
            and 'not a Glossator annotation file or' in r.out,
            'validate --help states which file is taken for what', r.diag())


def test_validate_reports_the_sidecars_own_problem(tmp):
    truncated = os.path.join(HOSTILE, 'truncated.xml')   # line 8, as its MANIFEST says
    at_line = re.compile(r'article\.txt\.annotations\.xml:8:\d+: ')

    d = folder(tmp, 'truncated', ARTICLE, (truncated, 'article.txt.annotations.xml'))
    for target in ('article.txt', 'article.txt.annotations.xml'):
        r, changed = run_unchanged(d, 'validate', os.path.join(d, target))
        T.check(r.rc == 1 and at_line.search(r.err) and 'missing' not in r.err and not changed,
                'validate %s with a truncated sidecar: exit 1, FILE:8:COLUMN of the sidecar, '
                'no “missing”, nothing written' % target, r.diag() + changed)

    d = folder(tmp, 'truncated-orphan', (truncated, 'article.txt.annotations.xml'))
    for target in ('article.txt', 'article.txt.annotations.xml'):
        r, changed = run_unchanged(d, 'validate', os.path.join(d, target))
        T.check(r.rc == 1 and at_line.search(r.err) and 'is missing' in r.err and not changed,
                'validate %s, a truncated sidecar whose article is missing: exit 1, both reported '
                '(FILE:8:COLUMN and the missing article), nothing written' % target, r.diag() + changed)

    d = folder(tmp, 'valid-orphan', (os.path.join(SIDECARS, 'valid', 'minimal.xml'), 'gone.txt.annotations.xml'))
    r, changed = run_unchanged(d, 'validate', os.path.join(d, 'gone.txt.annotations.xml'))
    T.check(r.rc == 1 and 'the article “%s” is missing' % os.path.join(d, 'gone.txt') in r.err
            and not re.search(r':\d+:\d+: ', r.err) and not changed,
            'validate a well-formed sidecar whose article is missing: exit 1, only the missing article',
            r.diag() + changed)


# -------------------------------------------------------- brat and SemEval ----

def test_import_refuses_a_type_xml_cannot_hold(tmp):
    d = annotated(tmp, 'noncharacter')
    src = os.path.join(d, 'article.txt')
    with open(src, encoding='utf-8', newline='') as f:
        quote = f.read()[0:3]
    cases = (('brat', 'fffe.ann', 'T1\tBad\ufffeType 0 3\t%s\n' % quote, 'U+FFFE'),
             ('brat', 'ffff.ann', 'T1\tPerson 0 3\t%s\nR1\tOdd\uffff Arg1:T1 Arg2:T1\n' % quote, 'U+FFFF'),
             ('semeval', 'fffe.labels', 'article\tLoaded\ufffeLanguage\t0\t3\n', 'U+FFFE'))
    for fmt, name, content, char in cases:
        path = os.path.join(d, name)
        with open(path, 'w', encoding='utf-8', newline='') as f:
            f.write(content)
        r, changed = run_unchanged(d, 'import', '--format', fmt, src, path)
        T.check(r.rc == 1 and re.search(re.escape(path) + r':\d+: .*holds the character ' + re.escape(char), r.err)
                and 'parser error' not in r.err and not changed,
                'import of a %s file with %s in a type: exit 1, FILE:LINE naming the character, '
                'no libxml2 parser error, the sidecar unchanged' % (fmt, char), r.diag() + changed)

        # and no sidecar at all appears in a fresh folder
        fresh = folder(tmp, 'noncharacter-fresh-' + name, ARTICLE, (path, name))
        r, changed = run_unchanged(fresh, 'import', '--format', fmt, os.path.join(fresh, 'article.txt'),
                                   os.path.join(fresh, name))
        T.check(r.rc == 1 and 'parser error' not in r.err and not changed,
                'the same import without a sidecar: exit 1, no sidecar written', r.diag() + changed)

    for fmt in ('inline', 'tei', 'csv', 'brat', 'semeval', 'webanno'):
        r = cli('export', '--format', fmt, src)
        T.check(r.rc == 0 and r.err == '', 'export --format %s after the refused imports: exit 0, '
                'nothing on standard error' % fmt, r.diag())


def test_empty_import_files_import_nothing(tmp):
    d = folder(tmp, 'empty-imports', ARTICLE)
    src = os.path.join(d, 'article.txt')
    for fmt, name in (('brat', 'empty.ann'), ('semeval', 'empty.labels')):
        open(os.path.join(d, name), 'wb').close()
        r, changed = run_unchanged(d, 'import', '--format', fmt, src, os.path.join(d, name))
        T.check(r.rc == 0 and 'Nothing to import' in r.out and not changed,
                'import of an empty %s file: exit 0, “Nothing to import”, no sidecar written' % fmt,
                r.diag() + changed)


def guarded(func, *args):
    try:
        func(*args)
    except Exception:
        T.check(False, '%s ran to the end' % func.__name__, traceback.format_exc().splitlines())


def main():
    if not (os.path.isfile(CLI) and os.access(CLI, os.X_OK)):
        print('1..0 # SKIP glossator-cli is not built (%s)' % CLI)
        return 0
    with tempfile.TemporaryDirectory(prefix='glossator-cli-exit-') as top:
        tmp = os.path.join(top, 'work')
        os.makedirs(tmp)
        for var in ('XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            ENV[var] = os.path.join(top, var.lower())
        guarded(test_usage_errors_exit_2_with_a_hint, tmp)
        guarded(test_help_states_the_exit_status_rule)
        guarded(test_each_help_shows_a_usage_line_that_runs_as_typed, tmp)
        guarded(test_export_into_a_missing_folder_writes_nothing, tmp)
        guarded(test_validate_refuses_xml_that_is_not_glossators, tmp)
        guarded(test_validate_reports_the_sidecars_own_problem, tmp)
        guarded(test_import_refuses_a_type_xml_cannot_hold, tmp)
        guarded(test_empty_import_files_import_nothing, tmp)
    return T.finish()


if __name__ == '__main__':
    sys.exit(main())
