#!/usr/bin/env python3
"""Writes the seed corpora in corpus/<target>/ (run from anywhere; overwrites the seeds it
knows, leaves other files alone). Everything is built in memory: nothing here touches the
paths the hostile archives name."""

import gzip
import io
import json
import os
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
HEX = "a" * 64
D = "sha256:" + HEX


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# --- reference ------------------------------------------------------------------------
references = {
    "plain": "localhost:5000/team/model:v1",
    "digest": "example.com/a/b@" + D,
    "tag-and-digest": "example.com/a/b:t@" + D,
    "tags-list": "reg.example:443/x:t1,t2,t1",
    "ipv6": "[::1]:5000/x/y:latest",
    "hub-short": "ubuntu",
    "hub-legacy": "index.docker.io/library/ubuntu:22.04",
    "dotdot": "../etc/passwd",
    "dotdot-in-repo": "localhost/a/../b",
    "huge-port": "host:99999999999999999999999/x",
    "port-zero": "host:0/x",
    "colons": "a:b:c:d",
    "uppercase-host": "UPPER/x",
    "uppercase-repo": "localhost/Repo",
    "empty-tag": "localhost/x:",
    "empty-digest": "localhost/x@",
    "bad-digest": "localhost/x@sha256:XYZ",
    "sha512": "localhost/x@sha512:" + "b" * 128,
    "long-tag": "localhost/x:" + "t" * 200,
    "long-name": "localhost/" + "/".join(["abcdefghij"] * 30),
    "quotes": "\"localhost\"/'x':\"t\"",
    "unicode": "localhost/caf\u00e9:v\u00e9",
    "newline": "localhost/x:v1\nlocalhost/y",
    "at-only": "@" + D,
    "double-slash": "localhost//x",
    "separators": "localhost/a__b--c.d_e",
    "trailing-slash": "example.com/",
    "nul": "localhost/x\u0000y",
    "empty": "",
}
for name, s in references.items():
    write("reference", name, s)

# --- www_authenticate -------------------------------------------------------------------
challenges = {
    "bearer": 'Bearer realm="https://auth.example/token",service="registry",scope="repository:a:pull"',
    "basic": 'Basic realm="x"',
    "escaped-quote": 'Bearer realm="a\\"b",scope="x, y"',
    "token68": "Negotiate abc==",
    "two-challenges": 'Basic realm="a", Bearer realm="https://h/t",service=s',
    "unquoted-url": "Bearer realm=https://h/token,service=s,scope=repository:x:pull,push",
    "unterminated": 'Bearer realm="unterminated',
    "commas": ",,, ,",
    "equals": "=",
    "bare-quote": '"',
    "backslash-end": 'Bearer realm="\\',
    "repeated-param": 'Bearer scope="a" scope="b"',
    "uppercase": 'BEARER REALM="X",SERVICE="Y"',
    "unicode": 'Bearer realm="h\u00e9llo",service=\u2603',
    "many-lines": 'Basic realm="a"\nBearer realm="b"\n\njunk',
    "long": "Bearer " + ",".join('k%d="%s"' % (i, "v" * 20) for i in range(200)),
    "tab-and-spaces": 'Bearer\t realm = "x" ,  service =y',
    "empty": "",
}
for name, s in challenges.items():
    write("www_authenticate", name, s)


# --- manifest ---------------------------------------------------------------------------
def desc(title=None, size=3, digest=D, mt="application/vnd.oci.image.layer.v1.tar"):
    d = {"mediaType": mt, "digest": digest, "size": size}
    if title is not None:
        d["annotations"] = {"org.opencontainers.image.title": title}
    return d


def image(layers, **extra):
    m = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "artifactType": "application/vnd.unknown.artifact.v1",
        "config": desc(mt="application/vnd.oci.empty.v1+json", size=2),
        "layers": layers,
    }
    m.update(extra)
    return json.dumps(m)


manifests = {
    "image": image([desc("a.txt"), desc("dir/b.bin")]),
    "index": json.dumps({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [dict(desc(), platform={"architecture": "amd64", "os": "linux", "os.version": "1"})],
    }),
    "subject": image([], subject=desc(mt="application/vnd.oci.image.manifest.v1+json")),
    "title-dotdot": image([desc("../evil"), desc("a/../../evil"), desc("a/..")]),
    "title-absolute": image([desc("/etc/passwd"), desc("C:\\x"), desc("c:/x"), desc("a\\..\\..\\b")]),
    "title-odd": image([desc("."), desc(""), desc("a//b/./c"), desc("\u0000"), desc("..\u2215x")]),
    "huge-size": image([desc("a", size=18446744073709551615)]),
    "too-huge-size": image([desc("a", size=18446744073709551616)]).replace("18446744073709551616", "1" + "0" * 400),
    "negative-size": image([desc("a", size=-1)]),
    "float-size": image([desc("a")]).replace('"size": 3', '"size": 3.5'),
    "bad-digest": image([desc("a", digest="sha256:XYZ"), desc("b", digest="md5:00")]),
    "duplicate-keys": '{"schemaVersion":2,"schemaVersion":3,"config":' + json.dumps(desc()) + ',"layers":[],"layers":null}',
    "deep-nesting": "[" * 5000 + "]" * 5000,
    "deep-object": '{"a":' * 3000 + "1" + "}" * 3000,
    "lone-surrogate": image([desc("\\ud800")]).replace("\\\\ud800", "\\ud800"),
    "schema-huge": image([]).replace('"schemaVersion": 2', '"schemaVersion": 99999999999'),
    "null": "null",
    "truncated": image([desc("a")])[:80],
    "empty": "",
}
for name, s in manifests.items():
    write("manifest", name, s)


# --- tar_unpack -------------------------------------------------------------------------
# One flags byte (bit 0: expected root "root"; bit 1: the rest is gzip already), then a tar.
def tar(entries, fmt=tarfile.GNU_FORMAT):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for e in entries:
            info = tarfile.TarInfo(e["name"])
            info.type = e.get("type", tarfile.REGTYPE)
            info.linkname = e.get("link", "")
            info.mode = e.get("mode", 0o644)
            data = e.get("data", b"")
            info.size = len(data) if info.type == tarfile.REGTYPE else 0
            t.addfile(info, io.BytesIO(data) if info.type == tarfile.REGTYPE else None)
    # Drop tarfile's padding to a 10 KiB record: the last entry, then two zero blocks.
    body = buf.getvalue().rstrip(b"\0")
    body += b"\0" * (-len(body) % 512)
    return body + b"\0" * 1024


F = lambda name, data=b"x\n", **kw: dict(name=name, data=data, **kw)
DIR = lambda name: dict(name=name, type=tarfile.DIRTYPE, mode=0o755)
SYM = lambda name, link: dict(name=name, type=tarfile.SYMTYPE, link=link)
HARD = lambda name, link: dict(name=name, type=tarfile.LNKTYPE, link=link)

tars = {
    "plain": (1, tar([DIR("root"), F("root/a.txt"), DIR("root/sub"), F("root/sub/b.txt", b"b")])),
    "no-root": (0, tar([F("a.txt"), DIR("d"), F("d/e.txt")])),
    "dotdot": (0, tar([F("../evil"), F("ok.txt")])),
    "dotdot-deep": (0, tar([F("x/../../../evil")])),
    "dotdot-root": (1, tar([DIR("root"), F("root/../../sentinel", b"pwned")])),
    "absolute": (0, tar([F("/tmp/artifact-fuzz-escape", b"pwned")])),
    "symlink-out": (0, tar([SYM("link", "../../sentinel"), F("link", b"pwned")])),
    "symlink-abs": (0, tar([SYM("t", "/tmp"), F("t/artifact-fuzz-escape", b"pwned")])),
    "symlink-dir-then-file": (0, tar([SYM("d", ".."), F("d/sentinel", b"pwned")])),
    "symlink-chain": (0, tar([DIR("a"), SYM("a/b", "."), SYM("a/c", "b/../.."), F("a/c/x")])),
    "symlink-inside": (1, tar([DIR("root"), F("root/t.txt"), SYM("root/l", "t.txt")])),
    "hardlink-out": (0, tar([HARD("h", "../sentinel")])),
    "hardlink-abs": (0, tar([HARD("h", "/etc/hostname")])),
    "hardlink-inside": (0, tar([F("a.txt"), HARD("b.txt", "a.txt")])),
    "hardlink-via-symlink": (0, tar([SYM("s", ".."), HARD("h", "s/sentinel")])),
    "outside-root": (1, tar([DIR("root"), F("other.txt")])),
    "fifo": (0, tar([dict(name="p", type=tarfile.FIFOTYPE)])),
    "device": (0, tar([dict(name="dev", type=tarfile.CHRTYPE)])),
    "long-name-gnu": (0, tar([F("d/" + "n" * 300)])),
    "long-name-pax": (0, tar([F("../" + "p" * 300)], fmt=tarfile.PAX_FORMAT)),
    "old-dir-as-file": (0, tar([F("olddir/", b"")])),
    "setuid-mode": (0, tar([F("s.sh", b"#!/bin/sh\n", mode=0o7777)])),
    "dot-entries": (0, tar([DIR("."), DIR("./a"), F("./a/./b")])),
    "empty-tar": (0, b"\0" * 1024),
    "garbage": (0, b"this is not a tar archive at all" * 20),
}
for name, (flags, data) in tars.items():
    write("tar_unpack", name, bytes([flags]) + data)

# Pre-gzipped: a huge declared size, a truncated gzip, two gzip members.
huge = bytearray(tar([F("big", b"y" * 10)]))
huge[124:136] = b"77777777777\0"  # size field: 8 GiB - 1
write("tar_unpack", "huge-size-gz", bytes([2]) + gzip.compress(bytes(huge), mtime=0))
write("tar_unpack", "truncated-gz", bytes([2]) + gzip.compress(tar([F("a", b"z" * 5000)]), mtime=0)[:60])
multi = gzip.compress(tar([F("one.txt")])[:512 + 512], mtime=0) + gzip.compress(b"\0" * 1024, mtime=0)
write("tar_unpack", "multi-member-gz", bytes([2]) + multi)
