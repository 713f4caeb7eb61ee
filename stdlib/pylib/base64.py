# base64 for asy: the codecs are native (stdlib/base64.go); this file adds
# the legacy file-to-file interface, where each output line encodes
# MAXBINSIZE input bytes however the input's read() happens to chunk them.

import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes',
           'b64encode', 'b64decode', 'b32encode', 'b32decode',
           'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
           'standard_b64encode', 'standard_b64decode',
           'urlsafe_b64encode', 'urlsafe_b64decode']

bytes_types = (bytes, bytearray)


def _blocks(stream, size):
    # Yields blocks of `size` bytes: a short read is topped up by asking for
    # what is missing, and an empty answer ends the block early. The stream
    # is done when a block's first read comes back empty.
    pending = None
    while True:
        chunk = stream.read(size - len(pending) if pending else size)
        if chunk:
            pending = pending + chunk if pending else chunk
            if len(pending) < size:
                continue
        elif not pending:
            return
        yield pending
        pending = None


def encode(input, output):
    for block in _blocks(input, MAXBINSIZE):
        output.write(binascii.b2a_base64(block))


def decode(input, output):
    line = input.readline()
    while line:
        output.write(binascii.a2b_base64(line))
        line = input.readline()
