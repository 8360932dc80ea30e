#!/usr/bin/python3
"""Writes the seed corpora of the fuzz harnesses (fuzz/corpus/<name>/) and their AFL++
dictionaries (fuzz/dict/<name>.dict), reproducibly: every byte is derived from fixed labels.

Usage: /usr/bin/python3 fuzz/make_corpus.py [FUZZDIR]   (default: the directory of this script)

Seeds named "min-*" are entries AFL++ found and afl-tmin minimised (see fuzz/README.md); they are
kept verbatim in MINED below so that rerunning this script reproduces the committed corpora.
"""
import hashlib
import os
import sys

# secp256k1 (SEC 2): field prime p, group order n, generator G.
P = 2**256 - 2**32 - 977
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
     0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)

MAX_PARTIES = 256


def det(label, n):
    """n deterministic bytes derived from label."""
    out = b""
    ctr = 0
    while len(out) < n:
        out += hashlib.sha256(b"TSR-FUZZ-CORPUS-v1" + label.encode() + ctr.to_bytes(4, "big")).digest()
        ctr += 1
    return out[:n]


def point_add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0] and (a[1] + b[1]) % P == 0:
        return None
    if a == b:
        lam = 3 * a[0] * a[0] * pow(2 * a[1], P - 2, P) % P
    else:
        lam = (b[1] - a[1]) * pow(b[0] - a[0], P - 2, P) % P
    x = (lam * lam - a[0] - b[0]) % P
    return (x, (lam * (a[0] - x) - a[1]) % P)


def point_mul(k, pt=G):
    r = None
    while k:
        if k & 1:
            r = point_add(r, pt)
        pt = point_add(pt, pt)
        k >>= 1
    return r


def compress(pt):
    if pt is None:
        return bytes(33)
    return bytes([2 + (pt[1] & 1)]) + pt[0].to_bytes(32, "big")


def on_curve_x(x):
    """True if x < p is the x coordinate of a curve point (x^3 + 7 is a square mod p)."""
    return pow((x * x * x + 7) % P, (P - 1) // 2, P) == 1


def first_x(start, want_on_curve):
    x = start
    while on_curve_x(x) != want_on_curve:
        x += 1
    return x


def be(v, n):
    return v.to_bytes(n, "big")


def scalar_bytes(v):
    return be(v, 32)


def frame(fields, version=1, suite=1, msg_type=0x0101, sender=1, session=None, nfields=None):
    if session is None:
        session = det("session", 32)
    if nfields is None:
        nfields = len(fields)
    out = bytes([version, suite]) + be(msg_type, 2) + session + be(sender, 4) + be(nfields, 2)
    for f in fields:
        out += be(len(f), 4) + f
    return out


def commitment(points):
    return be(len(points), 2) + b"".join(compress(p) for p in points)


def corpus_scalar():
    r = {}
    r["zero"] = bytes(32)
    r["one"] = scalar_bytes(1)
    r["n-minus-1"] = scalar_bytes(N - 1)
    r["n"] = scalar_bytes(N)
    r["n-plus-1"] = scalar_bytes(N + 1)
    r["all-ff"] = b"\xff" * 32
    r["random-below-n"] = scalar_bytes(int.from_bytes(det("scalar-a", 32), "big") % N)
    r["pair-random"] = scalar_bytes(int.from_bytes(det("scalar-b", 32), "big") % N) + \
        scalar_bytes(int.from_bytes(det("scalar-c", 32), "big") % N)
    r["pair-n-minus-1-and-2"] = scalar_bytes(N - 1) + scalar_bytes(2)
    r["pair-zero-and-one"] = bytes(32) + scalar_bytes(1)
    r["wide-48"] = det("wide-48", 48)
    r["wide-64-ff"] = b"\xff" * 64
    r["too-long-65"] = det("wide-65", 65)
    r["empty"] = b""
    r["short-1"] = b"\x07"
    r["short-31"] = scalar_bytes(N)[:31]
    return r


def corpus_point():
    r = {}
    r["g"] = compress(G)
    r["minus-g"] = compress((G[0], P - G[1]))
    r["2g"] = compress(point_mul(2))
    r["random-point"] = compress(point_mul(int.from_bytes(det("point-k", 32), "big") % N))
    r["identity-33-zero"] = bytes(33)
    r["prefix-00-nonzero"] = b"\x00" + G[0].to_bytes(32, "big")
    r["prefix-04-uncompressed-65"] = b"\x04" + G[0].to_bytes(32, "big") + G[1].to_bytes(32, "big")
    r["prefix-04-33"] = b"\x04" + G[0].to_bytes(32, "big")
    r["prefix-05"] = b"\x05" + G[0].to_bytes(32, "big")
    r["x-equals-p"] = b"\x02" + be(P, 32)
    r["x-p-plus-1"] = b"\x03" + be(P + 1, 32)
    r["x-all-ff"] = b"\x02" + b"\xff" * 32
    r["x-not-on-curve"] = b"\x02" + be(first_x(5, False), 32)
    r["x-zero-prefix-02"] = b"\x02" + bytes(32)  # 0^3 + 7 = 7 is not a square mod p
    r["short-32"] = compress(G)[:32]
    r["long-34"] = compress(G) + b"\x00"
    r["empty"] = b""
    r["xonly-g"] = G[0].to_bytes(32, "big")
    r["xonly-not-on-curve"] = be(first_x(5, False), 32)
    r["xonly-p"] = be(P, 32)
    return r


def corpus_frame():
    r = {}
    k = int.from_bytes(det("frame-coef", 32), "big") % N
    share = scalar_bytes(3) + scalar_bytes(k)
    com = commitment([point_mul(k), point_mul(k + 1)])
    r["valid-no-fields"] = frame([])
    r["valid-share"] = frame([share], msg_type=0x0102, sender=0)
    r["valid-commitment-tr"] = frame([com], suite=2, msg_type=0x0101, sender=0)
    r["valid-empty-fields"] = frame([b"", b"", b"x"], sender=MAX_PARTIES)
    r["valid-max-fields"] = frame([bytes([i % 251]) * (i % 3) for i in range(MAX_PARTIES)], sender=17)
    r["bad-truncated-header"] = frame([])[:41]
    r["bad-version-2"] = frame([], version=2)
    r["bad-suite-3"] = frame([], suite=3)
    r["bad-type-0206"] = frame([], msg_type=0x0206)
    r["valid-type-0401"] = frame([b"x" * 64], msg_type=0x0401)
    r["bad-sender-257"] = frame([], sender=MAX_PARTIES + 1)
    r["bad-count-257"] = frame([], nfields=MAX_PARTIES + 1)
    r["bad-count-ffff"] = frame([], nfields=0xFFFF)
    r["bad-length-past-end"] = frame([share], msg_type=0x0102)[:-1]
    r["bad-length-prefix-cut"] = frame([share], msg_type=0x0102, nfields=2) + b"\x00\x00"
    r["bad-length-ffffffff"] = frame([b"abc"])[:42] + b"\xff\xff\xff\xff" + b"abc"
    r["bad-trailing"] = frame([share], msg_type=0x0102) + b"\x00"
    return r


def corpus_vss_commitment():
    r = {}
    pts = [point_mul(int.from_bytes(det("vss-%d" % i, 32), "big") % N) for i in range(5)]
    r["valid-t1"] = bytes([1]) + commitment(pts[:1])
    r["valid-t3"] = bytes([3]) + commitment(pts[:3])
    r["valid-t5"] = bytes([5]) + commitment(pts[:5])
    r["bad-t0"] = bytes([0]) + commitment(pts[:1])
    r["bad-count-mismatch"] = bytes([2]) + commitment(pts[:3])
    r["bad-count-zero"] = bytes([1]) + be(0, 2)
    r["bad-count-257"] = bytes([1]) + be(MAX_PARTIES + 1, 2) + compress(pts[0])
    r["bad-truncated"] = bytes([3]) + commitment(pts[:3])[:-1]
    r["bad-trailing"] = bytes([3]) + commitment(pts[:3]) + b"\x00"
    r["bad-short-1"] = bytes([1, 0])
    r["bad-identity-point"] = bytes([2]) + be(2, 2) + compress(pts[0]) + bytes(33)
    r["bad-prefix-point"] = bytes([2]) + be(2, 2) + compress(pts[0]) + b"\x04" + compress(pts[1])[1:]
    r["bad-x-range-point"] = bytes([1]) + be(1, 2) + b"\x02" + be(P, 32)
    r["bad-not-on-curve"] = bytes([1]) + be(1, 2) + b"\x03" + be(first_x(5, False), 32)
    return r


def corpus_share():
    r = {}
    v = int.from_bytes(det("share-value", 32), "big") % N
    r["valid-id1"] = scalar_bytes(1) + scalar_bytes(v)
    r["valid-id-max"] = scalar_bytes(N - 1) + scalar_bytes(0)
    r["valid-id256"] = scalar_bytes(256) + scalar_bytes(N - 1)
    r["bad-id-zero"] = scalar_bytes(0) + scalar_bytes(v)
    r["bad-id-n"] = scalar_bytes(N) + scalar_bytes(v)
    r["bad-value-n"] = scalar_bytes(1) + scalar_bytes(N)
    r["bad-value-ff"] = scalar_bytes(1) + b"\xff" * 32
    r["bad-short-63"] = (scalar_bytes(1) + scalar_bytes(v))[:63]
    r["bad-long-65"] = scalar_bytes(1) + scalar_bytes(v) + b"\x00"
    r["bad-empty"] = b""
    return r


def dict_line(name, data):
    return '%s="%s"\n' % (name, "".join("\\x%02x" % c for c in data))


def dicts():
    d = {}
    common = [("n", scalar_bytes(N)), ("n_minus_1", scalar_bytes(N - 1)), ("p", be(P, 32)),
              ("g_x", G[0].to_bytes(32, "big"))]
    d["scalar"] = [("zero32", bytes(32)), ("one32", scalar_bytes(1)), ("ff32", b"\xff" * 32),
                   ("n_top", scalar_bytes(N)[:16]), ("n_bottom", scalar_bytes(N)[16:])] + common
    d["point"] = [("prefix_02", b"\x02"), ("prefix_03", b"\x03"), ("prefix_04", b"\x04"),
                  ("g", compress(G)), ("identity", bytes(33)), ("p_top", be(P, 32)[:28]),
                  ("p_low", be(P, 32)[28:])] + common
    d["frame"] = [("header_commit", b"\x01\x01\x01\x01"), ("header_share", b"\x01\x01\x01\x02"),
                  ("header_tr", b"\x01\x02\x01\x01"), ("version", b"\x01"), ("suite_tr", b"\x02"),
                  ("type_commitment", b"\x01\x01"), ("type_share", b"\x01\x02"),
                  ("sender_max", be(MAX_PARTIES, 4)), ("sender_over", be(MAX_PARTIES + 1, 4)),
                  ("count_max", be(MAX_PARTIES, 2)), ("count_over", be(MAX_PARTIES + 1, 2)),
                  ("len_0", be(0, 4)), ("len_1", be(1, 4)), ("len_64", be(64, 4)),
                  ("len_ffffffff", b"\xff\xff\xff\xff"), ("len_max_frame", be(1 << 24, 4))]
    d["vss_commitment"] = [("count_1", be(1, 2)), ("count_max", be(MAX_PARTIES, 2)),
                           ("count_over", be(MAX_PARTIES + 1, 2)), ("prefix_02", b"\x02"),
                           ("prefix_03", b"\x03"), ("g", compress(G)), ("identity", bytes(33)),
                           ("p", be(P, 32))]
    d["share"] = [("zero32", bytes(32)), ("one32", scalar_bytes(1)), ("ff32", b"\xff" * 32),
                  ("n", scalar_bytes(N)), ("n_minus_1", scalar_bytes(N - 1))]
    return d


# Entries found by AFL++ campaigns (make fuzz FUZZ_SECONDS=60), kept by afl-cmin and minimised with
# afl-tmin (fuzz/README.md); hex, per harness.
MINED = {
    "frame": {
        "valid-3-fields": (
            "0101010105ae7fd056b99f6bff00032affae59e24f2380df4f92aa0d8dd5f580bbb290730000010000030000"
            "000000000000000000020178"
        ),
        "valid-1-field": (
            "0101010205ae7f2f56b99f5fe9af032affae59e24f2380df3192aa0d8dd5f580bbb290730000000100010000"
            "00031a5000"
        ),
        "truncated-field-16": (
            "0101010105ae7fd056b99f6be9af032affae59e24f2380df4f92aa0d8dd5f580bbb290730000001101000000"
            "0000000000010100000002020200000000000000016a000000026b6b00000000000000016d000000026e6e00"
            "000000000000017000000002717100000000000000017300000002747400000000000001c1000000"
        ),
        "truncated-prefix-3": (
            "0101010105c57fd056b99f6be9af032afbae59e24f2380df4f92aa0d8dd5f501020101030000010000730000"
            "0000000000000000000178"
        ),
    },
    "vss_commitment": {
        "valid-t1": "01000102ff01000102ffffffffffffffffffffffffffffffffffffffedfffffefffffc2f",
        "valid-t2": (
            "02000203b8461d38d5d1fbcdcbe2dcf4338cca445c01ea11f88c5a1fa2a5abc3af3002fd0203b8461d38d5d2"
            "13cdcbe2dcd4cdcbe2dcd4338cca445c01ea11f88c5a1fa225"
        ),
        "t5-off-curve-point-3": (
            "05000503b8461d38d5d213cdcbe2dcd4338cca445c01ea11f88c5a1fa2a5bac3af30250d0200efb0604fc224"
            "94026219b480bb7dbe922141ab3edaeaf4caa11094733d6dc102a18d113c74c5a2adc55abdd59504e8075f5e"
            "b2aff441ef91aba9d83faad7a2a80216b0e2f78da41ef85119be1bc5aaf71e256db33fbdc88ae16a2031f0d9"
            "896d4ce8629e6561f336423a7688072a4ac3eceda4261300800515596abd6ddb24639993"
        ),
        "x-range": "01000102ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe62f",
    },
    "share": {
        "valid": (
            "febaaedce60000ffffbfd25e8c8036ffffffffffffffffffffffffffffff41411afb1ea767d266f70b73d9cf"
            "0f5fe00001df73149b8e6d8082b98d83c9025581"
        ),
        "valid-2": (
            "ffffffffffffffffffffffffffffff82b98d77c9afca0000000000000000000000a03b000000000000f8ffff"
            "ff00000129f91eaa67d2669ffebaaedce6025581"
        ),
        "id-range": (
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bcdd25e8cd036414129f91eaa67d266f70bffffff"
            "fffffffffffffffffebaaedce6af48a03bbfd25e"
        ),
    },
    "point": {
        "valid-x-equals-n": "02fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
        "valid-both": "03fffffffffffffffffffffffffffffffffffffffffffffffffffffffeffdcfc30",
        "off-curve-03": "03ffffff0000001b00000000000000000000000000000000000000fffefffffc98",
        "xonly-valid-32": "fffffffffffffff903db0279be667ef9dcbbac55a06295ce870b07649bfcdbd8",
        "length-2": "0498",
    },
    "scalar": {
        "short-16": "a64afb517107eb12604de8faee2439cf",
        "short-5": "0000a00a11",
        "pair-64": (
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000007f00000000000000000001"
        ),
        "long-68": (
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "000000000000000000000000000000000000000000000001"
        ),
    },
}


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    corpora = {"scalar": corpus_scalar(), "point": corpus_point(), "frame": corpus_frame(),
               "vss_commitment": corpus_vss_commitment(), "share": corpus_share()}
    for name, mined in MINED.items():
        for label, hexdata in mined.items():
            corpora[name]["min-" + label] = bytes.fromhex(hexdata)
    for name, files in corpora.items():
        d = os.path.join(base, "corpus", name)
        os.makedirs(d, exist_ok=True)
        for old in os.listdir(d):
            os.remove(os.path.join(d, old))
        for label, data in sorted(files.items()):
            with open(os.path.join(d, label), "wb") as fp:
                fp.write(data)
    os.makedirs(os.path.join(base, "dict"), exist_ok=True)
    for name, entries in dicts().items():
        with open(os.path.join(base, "dict", name + ".dict"), "w") as fp:
            fp.write("# AFL++ dictionary for fuzz_%s (generated by fuzz/make_corpus.py)\n" % name)
            for label, data in entries:
                fp.write(dict_line(label, data))
    for name in sorted(corpora):
        print("%s: %d seeds" % (name, len(corpora[name])))


if __name__ == "__main__":
    main()
