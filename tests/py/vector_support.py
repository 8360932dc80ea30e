"""Helpers shared by the FROST and DKG vector tests: label-derived inputs, the canonical layout
check, a comparison that names the first differing field, and a fast EC path for the large files.

The fast path (fixed-base windowed multiplication by G, Jacobian Horner evaluation of a Feldman
commitment at a small x, Jacobian sums) only speeds up *what* the model computes; it is written
here, not in the model, and test_frost_vectors.py::test_fast_path_agrees_with_model checks it
against tessera_model on edge and random values. Every protocol rule still comes from
frost_model / tessera_model.
"""

import json

import tessera_model as m
from tessera_model import N, P

DST = b"TSR-VECTORS-v1"


# ---- label-derived inputs (vectors/README.md "Deterministic inputs") ----------------------------
def bytes_from_label(label, n):
    return b"" if n == 0 else m.expand_message_xmd(label.encode("ascii"), DST, n)


def scalar_from_label(label):
    return m.hash_to_field(label.encode("ascii"), DST, 1)[0]


def expected_generator(program):
    """The generator block every Tessera vector file carries (vectors/README.md)."""
    return {
        "program": program,
        "command": "make vectors",
        "library": "libtessera (public API only)",
        "dst": "TSR-VECTORS-v1",
        "bytes_from_label": "expand_message_xmd(msg = ASCII label, DST = \"TSR-VECTORS-v1\", len) (RFC 9380 "
        "section 5.3.1, SHA-256); the empty string when len = 0",
        "scalar_from_label": "hash_to_field(msg = ASCII label, DST = \"TSR-VECTORS-v1\", count = 1) for the "
        "scalar field: L = 48, the 48 bytes big-endian mod n (RFC 9380 section 5.2)",
        "encoding": "hex is lower case; scalars are 32 bytes big-endian; points are 33-byte SEC1 compressed "
        "(the identity, where allowed, is 33 zero bytes); ids are scalars",
    }


# ---- hex ------------------------------------------------------------------------------------------
def hs(v):
    """A scalar as 64 lower-case hex digits."""
    return m.be(v % N, 32).hex()


def hp(pt):
    """A point as 66 hex digits (the identity as 33 zero bytes)."""
    return m.point_encode(pt).hex()


def pt(hexstr, allow_identity=False):
    return m.point_decode(bytes.fromhex(hexstr), allow_identity)


# ---- files ------------------------------------------------------------------------------------------
def load_canonical(path):
    """Reads a vector file; it must be ASCII and exactly json.dumps(doc, indent=2) + "\\n"."""
    text = path.read_text(encoding="ascii")
    doc = json.loads(text)
    assert text == json.dumps(doc, indent=2) + "\n", "%s: not in the canonical layout" % path.name
    return doc


def first_diff(found, expected, where="$"):
    """The first difference between two JSON values, key order included, as a readable string
    naming the path, the expected and the found value; None when they are identical."""
    if isinstance(expected, dict) and isinstance(found, dict):
        if list(found.keys()) != list(expected.keys()):
            return "%s: keys %s expected, found %s" % (where, list(expected.keys()), list(found.keys()))
        for k in expected:
            d = first_diff(found[k], expected[k], "%s.%s" % (where, k))
            if d:
                return d
        return None
    if isinstance(expected, list) and isinstance(found, list):
        if len(found) != len(expected):
            return "%s: %d entries expected, found %d" % (where, len(expected), len(found))
        for i, (a, b) in enumerate(zip(found, expected)):
            d = first_diff(a, b, "%s[%d]" % (where, i))
            if d:
                return d
        return None
    if type(found) is not type(expected) or found != expected:
        return "%s: expected %r, found %r" % (where, expected, found)
    return None


def assert_same(found, expected, where):
    d = first_diff(found, expected, where)
    assert d is None, d


# ---- fast EC path (public scalars and fixed base only; nothing here is constant time) ------------
def _dbl(j):
    if j is None:
        return None
    x, y, z = j
    if y == 0:
        return None
    yy = y * y % P
    s = 4 * x * yy % P
    mm = 3 * x * x % P
    x3 = (mm * mm - 2 * s) % P
    return (x3, (mm * (s - x3) - 8 * yy * yy) % P, 2 * y * z % P)


def _madd(j, a):
    """Jacobian j + affine a (a may be None)."""
    if a is None:
        return j
    if j is None:
        return (a[0], a[1], 1)
    x1, y1, z1 = j
    z1z1 = z1 * z1 % P
    u2 = a[0] * z1z1 % P
    s2 = a[1] * z1 * z1z1 % P
    if u2 == x1:
        return _dbl(j) if s2 == y1 else None
    h = (u2 - x1) % P
    r = (s2 - y1) % P
    hh = h * h % P
    hhh = h * hh % P
    v = x1 * hh % P
    x3 = (r * r - hhh - 2 * v) % P
    return (x3, (r * (v - x3) - y1 * hhh) % P, h * z1 % P)


def _affine(j):
    if j is None:
        return None
    x, y, z = j
    zi = pow(z, P - 2, P)
    zi2 = zi * zi % P
    return (x * zi2 % P, y * zi2 * zi % P)


def _batch_affine(js):
    """Many Jacobian points to affine with one inversion (Montgomery's trick); None stays None."""
    zs = [j[2] for j in js if j is not None]
    pref, acc = [], 1
    for z in zs:
        pref.append(acc)
        acc = acc * z % P
    inv = pow(acc, P - 2, P)
    invs = [0] * len(zs)
    for i in range(len(zs) - 1, -1, -1):
        invs[i] = inv * pref[i] % P
        inv = inv * zs[i] % P
    out, k = [], 0
    for j in js:
        if j is None:
            out.append(None)
            continue
        zi = invs[k]
        k += 1
        zi2 = zi * zi % P
        out.append((j[0] * zi2 % P, j[1] * zi2 * zi % P))
    return out


_TABLE = []  # _TABLE[w][d] = d * 256^w * G (affine), d = 0..255 (entry 0 unused)


def _table():
    if not _TABLE:
        base = m.G
        for _w in range(32):
            row = [None, (base[0], base[1], 1)]
            for _d in range(2, 256):
                row.append(_madd(row[-1], base))
            row = [None] + _batch_affine(row[1:])
            _TABLE.append(row)
            base = _affine(_madd((row[255][0], row[255][1], 1), base))  # 255 base + base = 256 base
    return _TABLE


def base_mul(k):
    """k*G for a public k: 32 mixed additions with a byte-windowed table."""
    k %= N
    tab = _table()
    acc = None
    for w in range(32):
        d = (k >> (8 * w)) & 0xFF
        if d:
            acc = _madd(acc, tab[w][d])
    return _affine(acc)


def base_mul_many(ks):
    tab = _table()
    js = []
    for k in ks:
        k %= N
        acc = None
        for w in range(32):
            d = (k >> (8 * w)) & 0xFF
            if d:
                acc = _madd(acc, tab[w][d])
        js.append(acc)
    return _batch_affine(js)


def point_sum(points):
    """The sum of affine points (None allowed), in Jacobian, one inversion."""
    acc = None
    for q in points:
        acc = _madd(acc, q)
    return _affine(acc)


def vss_eval_many(commitment, xs):
    """[sum_k C[k] x^k for x in xs] for small public x (Horner in the group)."""
    out = []
    for x in xs:
        acc = None
        for c in reversed(commitment):
            if acc is not None:
                # multiply by x: double-and-add on the Jacobian point (x is small)
                res = None
                for bit in bin(x)[2:]:
                    res = _dbl(res)
                    if bit == "1":
                        res = _jadd(res, acc)
                acc = res
            acc = _madd(acc, c)
        out.append(acc)
    return _batch_affine(out)


def _jadd(a, b):
    """Jacobian + Jacobian."""
    if a is None:
        return b
    if b is None:
        return a
    x1, y1, z1 = a
    x2, y2, z2 = b
    z1z1 = z1 * z1 % P
    z2z2 = z2 * z2 % P
    u1 = x1 * z2z2 % P
    u2 = x2 * z1z1 % P
    s1 = y1 * z2 * z2z2 % P
    s2 = y2 * z1 * z1z1 % P
    if u1 == u2:
        return _dbl(a) if s1 == s2 else None
    h = (u2 - u1) % P
    r = (s2 - s1) % P
    hh = h * h % P
    hhh = h * hh % P
    v = u1 * hh % P
    x3 = (r * r - hhh - 2 * v) % P
    return (x3, (r * (v - x3) - s1 * hhh) % P, h * z1 * z2 % P)
