#!/usr/bin/env python3
"""glossator-cli on files that are not normal articles (issue 10): a pipe, a
device, a link to one, a folder, a binary file and a file above the limit,
as the article, its sidecar, the folder's codebook or a file to import. Each
is refused within a second, exit 1, with a message that names the file and
the reason, and nothing is written."""

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from glossator_test import Tap, cli  # noqa: E402

tap = Tap()


def listing(folder):
    return sorted(os.listdir(folder))


def refused(args, name, reason, folder, what):
    before = listing(folder)
    start = time.monotonic()
    r = cli(*args)
    took = time.monotonic() - start
    tap.check(r.rc == 1, f'{what}: exit 1 (got {r.rc})', r.diag())
    tap.check(took < 1.0 or r.rc == 'timeout', f'{what}: answers within a second ({took:.2f} s)', r.diag())
    tap.check(name in r.err and reason in r.err, f'{what}: the message names {name} and says “{reason}”', r.diag())
    tap.check(listing(folder) == before, f'{what}: nothing is written', [before, listing(folder)])


with tempfile.TemporaryDirectory() as tmp:
    # the article
    fifo = os.path.join(tmp, 'pipe.txt')
    os.mkfifo(fifo)
    refused(['validate', fifo], 'pipe.txt', 'not a regular file', tmp, 'validate a pipe')
    refused(['annotate', fifo, '--category', 'factual', '--start', '0', '--end', '1'],
            'pipe.txt', 'not a regular file', tmp, 'annotate a pipe')

    link = os.path.join(tmp, 'article.txt')
    os.symlink('/dev/zero', link)
    refused(['stats', link], 'article.txt', 'not a regular file', tmp, 'stats of a link to /dev/zero')
    os.unlink(link)
    refused(['validate', '/dev/urandom'], '/dev/urandom', 'not a regular file', tmp, 'validate /dev/urandom')

    folder = os.path.join(tmp, 'folder.txt')
    os.mkdir(folder)
    refused(['list', folder], 'folder.txt', 'folder', tmp, 'list a folder')
    os.rmdir(folder)

    binary = os.path.join(tmp, 'binary.txt')
    with open(binary, 'wb') as f:
        f.write(bytes(range(256)) * 16)
        f.truncate(200 * 1000 * 1000)
    refused(['validate', binary], 'binary.txt', 'binary', tmp, 'a 200 MB binary file')
    os.unlink(binary)

    huge = os.path.join(tmp, 'huge.txt')
    with open(huge, 'wb') as f:
        f.truncate((1 << 30) + 1)
    refused(['validate', huge], 'huge.txt', 'Glossator reads articles up to', tmp, 'an article over 1 GiB')
    os.unlink(huge)

    # a readable article whose sidecar, codebook or import file is not
    article = os.path.join(tmp, 'a.txt')
    with open(article, 'w', encoding='utf-8') as f:
        f.write('Officials said the flight left at dawn.\n')
    sidecar = article + '.annotations.xml'
    os.mkfifo(sidecar)
    refused(['validate', article], 'a.txt.annotations.xml', 'not a regular file', tmp, 'a pipe as the sidecar')
    refused(['annotate', article, '--category', 'factual', '--start', '0', '--end', '9'],
            'a.txt.annotations.xml', 'not a regular file', tmp, 'annotate with a pipe as the sidecar')
    os.unlink(sidecar)

    codebook = os.path.join(tmp, 'codebook.xml')
    os.mkfifo(codebook)
    refused(['annotate', article, '--category', 'factual', '--start', '0', '--end', '9'],
            'codebook.xml', 'not a regular file', tmp, 'a pipe as the folder’s codebook')
    os.unlink(codebook)

    ann = os.path.join(tmp, 'a.ann')
    os.mkfifo(ann)
    refused(['import', '--format', 'brat', article, ann], 'a.ann', 'not a regular file', tmp,
            'a pipe as the file to import')
    os.unlink(ann)

sys.exit(tap.finish())
