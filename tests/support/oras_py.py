"""Tiny command line over oras-py (the `oras` package on PyPI), for the interop tests.

    python oras_py.py push ADDR REPO:TAG FILE...   # files relative to the working dir
    python oras_py.py pull ADDR REPO:TAG OUTDIR

`push` prints the manifest digest; `pull` prints one pulled path per line.
oras-py's `insecure=True` means plain http (see oras/provider.py: `prefix`).
oras-py titles each layer with the file's basename and refuses paths outside the
working directory, so run `push` from the directory holding the files.
"""

import sys

import oras.client


def main(argv):
    if len(argv) < 4 or argv[0] not in ("push", "pull"):
        print(__doc__, file=sys.stderr)
        return 2
    command, addr, target = argv[0], argv[1], argv[2]
    client = oras.client.OrasClient(hostname=addr, insecure=True)
    reference = f"{addr}/{target}"
    if command == "push":
        response = client.push(target=reference, files=argv[3:], quiet=True)
        if response.status_code != 201:
            print(f"push failed: {response.status_code} {response.text}", file=sys.stderr)
            return 1
        print(response.headers["Docker-Content-Digest"])
    else:
        for path in client.pull(target=reference, outdir=argv[3]):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
