"""Re-derives every value of every published vector file (vectors/sharing/*.json) with the model.

Nothing is taken from a file on trust: the deterministic inputs are re-derived from their labels,
every mutated input of an invalid case is rebuilt from its case name, and each case is rebuilt in
full by the model and compared with the file as a whole (same keys, same order, same values).
Only the free-text "reason" strings are copied.
"""

import json
import pathlib

import pytest

import tessera_model as m
from tessera_model import Check

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARING = ROOT / "vectors" / "sharing"
DST = b"TSR-VECTORS-v1"
FILES = ["split.json", "lagrange.json", "feldman_verify.json", "pedersen_verify.json", "decode.json"]


def load(name):
    return json.loads((SHARING / name).read_text(encoding="ascii"))


def cases_of(name):
    return [pytest.param(c, id=c["name"]) for c in load(name)["cases"]]


# ---- helpers -------------------------------------------------------------------------------------
def h32(v):
    return m.be(v, 32).hex()


def hpt(pt):
    return m.point_encode(pt).hex()


def scalar_from_label(label):
    return m.hash_to_field(label.encode("ascii"), DST, 1)[0]


def bytes_from_label(label, n):
    return b"" if n == 0 else m.expand_message_xmd(label.encode("ascii"), DST, n)


def expect_fields(rej, case):
    """The expected-outcome fields of an invalid case, from a model rejection (err, check)."""
    err, check = rej
    return {
        "error": err,
        "check": int(check),
        "check_symbol": m.check_symbol(check),
        "check_name": m.CHECK_NAMES[check],
        "reason": case["reason"],
    }


def same(case, expected):
    """Whole-case comparison: keys in the same order and equal values."""
    assert list(case.keys()) == list(expected.keys())
    for k in expected:
        assert case[k] == expected[k], "field %r differs" % k


def small_x_facts():
    """x_off: smallest x >= 1 with x^3 + 7 not a square mod p; x0: smallest x >= 1 on the curve."""
    x_off = next(x for x in range(1, 1000) if m.fe_sqrt(x ** 3 + 7) is None)
    x0 = next(x for x in range(1, 1000) if m.fe_sqrt(x ** 3 + 7) is not None)
    assert m.P + x0 < 2 ** 256
    return x_off, x0


X_OFF, X0 = small_x_facts()


EXPECTED_GENERATOR = {
    "program": "vectors/gen/gen_vectors.c",
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


# ---- file-level checks -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", FILES)
def test_file_shape_and_format(name):
    text = (SHARING / name).read_text(encoding="ascii")
    doc = json.loads(text)
    # The C writer promises exactly Python's json.dumps(indent=2) layout plus a final newline.
    assert json.dumps(doc, indent=2) + "\n" == text
    assert list(doc.keys())[:2] == ["description", "generator"] and "cases" in doc
    assert doc["generator"] == EXPECTED_GENERATOR
    assert isinstance(doc["description"], str) and doc["description"]
    names = [c["name"] for c in doc["cases"]]
    assert len(names) == len(set(names)), "case names must be unique"
    assert any(c["valid"] for c in doc["cases"]) and any(not c["valid"] for c in doc["cases"])
    for c in doc["cases"]:
        if c["valid"]:
            assert "error" not in c and "check" not in c
        else:
            assert c["check_name"] == m.CHECK_NAMES[Check(c["check"])]
            assert c["check_symbol"] == m.check_symbol(c["check"])
            assert c["error"] in m.ERRORS and c["error"] != "TSR_OK"
            assert c["reason"]
    # Lower-case hex only.
    for line in text.splitlines():
        if '"' in line and all(ch in "0123456789abcdefABCDEF" for ch in line.split('"')[-2]):
            assert line.split('"')[-2] == line.split('"')[-2].lower()


def test_no_unexpected_files():
    assert sorted(p.name for p in SHARING.glob("*.json")) == sorted(FILES)


# ---- split.json -------------------------------------------------------------------------------------
class Dealing:
    """A dealing rebuilt from its label prefix (the rule of gen_vectors.c, re-implemented)."""

    def __init__(self, prefix, t, n, hashed_ids):
        self.prefix, self.t, self.n, self.hashed_ids = prefix, t, n, hashed_ids
        self.secret = scalar_from_label(prefix + "/secret")
        self.rand = bytes_from_label(prefix + "/rand", 64 * (t - 1))
        self.blind_secret = scalar_from_label(prefix + "/blind-secret")
        self.blind_rand = bytes_from_label(prefix + "/blind-rand", 64 * (t - 1))
        if hashed_ids:
            self.ids = [scalar_from_label("%s/id/%d" % (prefix, i + 1)) for i in range(n)]
        else:
            self.ids = list(range(1, n + 1))
        self.f = m.poly_init(self.secret, t, self.rand)
        self.r = m.poly_init(self.blind_secret, t, self.blind_rand)
        self.shares = m.shamir_split(self.f, self.ids)
        self.blinds = m.shamir_split(self.r, self.ids)
        self.fc = m.feldman_commit(self.f)
        self.pc = m.pedersen_commit(self.f, self.r)
        self.fenc = m.commitment_encode(self.fc)
        self.penc = m.commitment_encode(self.pc)

    def labels(self, with_blind=True):
        d = {
            "secret": self.prefix + "/secret",
            "rand": self.prefix + "/rand",
            "ids": ["%s/id/%d" % (self.prefix, i + 1) for i in range(self.n)] if self.hashed_ids else None,
        }
        if with_blind:
            d["blind_secret"] = self.prefix + "/blind-secret"
            d["blind_rand"] = self.prefix + "/blind-rand"
        return d


SPLIT_VALID = {(1, 1): False, (2, 3): False, (3, 5): True, (5, 7): False, (7, 10): True}  # hashed ids?

SPLIT_INVALID = {
    # name: (t, ids, randlen, function)
    "t-zero": (0, [1, 2, 3], 0, "tsr_poly_init"),
    "t-zero-split": (0, [1, 2, 3], 0, "tsr_shamir_split"),
    "t-over-n": (4, [1, 2, 3], 192, "tsr_shamir_split"),
    "t-over-max": (257, [1, 2, 3], 64 * 256, "tsr_poly_init"),
    "n-over-max": (1, list(range(1, 258)), 0, "tsr_shamir_split"),
    "randlen-short": (2, [1, 2, 3], 63, "tsr_poly_init"),
    "randlen-long": (3, [1, 2, 3], 192, "tsr_poly_init"),
    "randlen-t1": (1, [1, 2, 3], 64, "tsr_poly_init"),
    "id-zero": (2, [1, 0, 3], 64, "tsr_shamir_split"),
    "id-duplicate": (2, [1, 2, 1], 64, "tsr_shamir_split"),
}


def test_split_case_list():
    cases = load("split.json")["cases"]
    assert sorted((c["t"], c["n"]) for c in cases if c["valid"]) == sorted(SPLIT_VALID)
    assert sorted(c["name"] for c in cases if not c["valid"]) == sorted(SPLIT_INVALID)


@pytest.mark.parametrize("case", cases_of("split.json"))
def test_split(case):
    if case["valid"]:
        t, n = case["t"], case["n"]
        d = Dealing("split/%d-of-%d" % (t, n), t, n, SPLIT_VALID[(t, n)])
        h = m.pedersen_h()
        expected = {
            "name": "split-%d-of-%d" % (t, n),
            "valid": True,
            "t": t,
            "n": n,
            "labels": d.labels(),
            "secret": h32(d.secret),
            "ids": [h32(i) for i in d.ids],
            "rand": d.rand.hex(),
            "coefficients": [h32(a) for a in d.f],
            "shares": [
                {
                    "id": h32(i),
                    "value": h32(s),
                    "encoding": m.share_encode(i, s).hex(),
                    "public_image": hpt(m.base_mul(s)),
                }
                for i, s in zip(d.ids, d.shares)
            ],
            "reconstruct": {
                "from": "the first t shares",
                "secret": h32(m.shamir_reconstruct(d.ids[:t], d.shares[:t])),
            },
            "feldman": {"commitments": [hpt(c) for c in d.fc], "encoding": d.fenc.hex()},
            "pedersen": {
                "generator_h": hpt(h),
                "blind_secret": h32(d.blind_secret),
                "blind_rand": d.blind_rand.hex(),
                "blind_coefficients": [h32(b) for b in d.r],
                "blind_shares": [h32(b) for b in d.blinds],
                "commitments": [hpt(c) for c in d.pc],
                "encoding": d.penc.hex(),
            },
        }
        same(case, expected)
        # Semantic cross-checks beyond equality with the file.
        assert m.shamir_reconstruct(d.ids[:t], d.shares[:t]) == d.secret
        assert m.shamir_reconstruct(d.ids[-t:], d.shares[-t:]) == d.secret
        for i, s, b in zip(d.ids, d.shares, d.blinds):
            m.feldman_verify(d.fc, i, s)
            m.pedersen_verify(d.pc, i, s, b)
            assert m.vss_eval(d.fc, i) == m.base_mul(s)
        assert m.commitment_decode(d.fenc, t) == d.fc
        return

    t, ids, randlen, function = SPLIT_INVALID[case["name"]]
    prefix = "split-invalid/" + case["name"]
    secret = scalar_from_label(prefix + "/secret")
    # expand_message_xmd stops at 8160 bytes: a longer rand is all zero and has no label.
    rand = bytes_from_label(prefix + "/rand", randlen) if randlen <= 8160 else bytes(randlen)
    if function == "tsr_poly_init":
        rej = m.rejects(m.poly_init, secret, t, rand)
    else:
        coeffs = m.poly_init(secret, t, rand) if t != 0 else []  # t = 0: a hand-built empty poly
        rej = m.rejects(m.shamir_split, coeffs, ids)
    assert rej is not None, "the model accepts an invalid case"
    expected = {
        "name": case["name"],
        "valid": False,
        "t": t,
        "n": len(ids),
        "labels": {"secret": prefix + "/secret", "rand": prefix + "/rand" if randlen <= 8160 else None},
        "secret": h32(secret),
        "ids": [h32(i) for i in ids],
        "rand": rand.hex(),
        "function": function,
    }
    expected.update(expect_fields(rej, case))
    same(case, expected)


# ---- lagrange.json ----------------------------------------------------------------------------------
LAGRANGE_VALID = {
    # name: (ids or None (from labels), x or None (from labels))
    "ids-1-2-3-x-4": ([1, 2, 3], 4),
    "ids-1-3-5-7-x-2": ([1, 3, 5, 7], 2),
    "single-id-9-x-9": ([9], 9),
    "ids-nminus1-1-2-x-nminus2": ([m.N - 1, 1, 2], m.N - 2),
    "ids-nminus1-1-2-x-1": ([m.N - 1, 1, 2], 1),
    "hashed-5": (None, None),
    "ids-10-to-4": ([10, 9, 8, 7, 6, 5, 4], None),
}
LAGRANGE_INVALID = {
    # name: (ids, i)
    "id-zero": ([1, 0, 3], 0),
    "id-duplicate": ([1, 3, 3], 0),
    "index-equals-k": ([1, 2, 3], 3),
    "index-over-k": ([1, 2, 3], 7),
    "empty-set": ([], 0),
}
HASHED_5_IDS = 5


def test_lagrange_case_list():
    cases = load("lagrange.json")["cases"]
    assert [c["name"] for c in cases if c["valid"]] == list(LAGRANGE_VALID)
    assert [c["name"] for c in cases if not c["valid"]] == list(LAGRANGE_INVALID)


@pytest.mark.parametrize("case", cases_of("lagrange.json"))
def test_lagrange(case):
    name = case["name"]
    prefix = "lagrange/" + name
    if not case["valid"]:
        ids, i = LAGRANGE_INVALID[name]
        rej = m.rejects(m.lagrange_coeff, ids, i, 0)
        assert rej is not None
        expected = {
            "name": name,
            "valid": False,
            "k": len(ids),
            "i": i,
            "ids": [h32(v) for v in ids],
            "x": None,
            "function": "tsr_lagrange_coeff",
        }
        expected.update(expect_fields(rej, case))
        same(case, expected)
        return

    ids, x = LAGRANGE_VALID[name]
    id_labels = None
    x_label = None
    if ids is None:
        id_labels = ["%s/id/%d" % (prefix, j + 1) for j in range(HASHED_5_IDS)]
        ids = [scalar_from_label(lb) for lb in id_labels]
    if x is None:
        x_label = prefix + "/x"
        x = scalar_from_label(x_label)
    k = len(ids)
    secret = scalar_from_label(prefix + "/secret")
    f = m.poly_init(secret, k, bytes_from_label(prefix + "/rand", 64 * (k - 1)))
    shares = [m.poly_eval(f, v) for v in ids]
    l0 = [m.lagrange_coeff(ids, j, 0) for j in range(k)]
    lx = [m.lagrange_coeff(ids, j, x) for j in range(k)]
    v0 = m.shamir_reconstruct(ids, shares)
    vx = m.shamir_interpolate(ids, shares, x)
    expected = {
        "name": name,
        "valid": True,
        "k": k,
        "labels": {"secret": prefix + "/secret", "rand": prefix + "/rand", "ids": id_labels, "x": x_label},
        "ids": [h32(v) for v in ids],
        "x": h32(x),
        "polynomial": [h32(a) for a in f],
        "shares": [h32(s) for s in shares],
        "coefficients_at_zero": [h32(v) for v in l0],
        "coefficients_at_x": [h32(v) for v in lx],
        "value_at_zero": h32(v0),
        "value_at_x": h32(vx),
    }
    same(case, expected)
    assert v0 == secret and vx == m.poly_eval(f, x)
    assert sum(l0) % m.N == 1 and sum(lx) % m.N == 1
    if x in ids:  # interpolating at a node gives the unit vector
        assert lx == [1 if v == x else 0 for v in ids]


# ---- feldman_verify.json and pedersen_verify.json -----------------------------------------------------
def replace_point(enc, k, pt_bytes):
    enc = bytearray(enc)
    enc[2 + 33 * k:2 + 33 * (k + 1)] = pt_bytes
    return bytes(enc)


def vss_inputs(kind):
    """name -> (commitment bytes, expected t, id, share, blind), as gen_vectors.c builds them."""
    pfx = "feldman" if kind == "feldman" else "pedersen"
    d1 = Dealing(pfx + "/1-of-1", 1, 1, False)
    d2 = Dealing(pfx + "/5-of-7", 5, 7, True)
    d = Dealing(pfx + "/3-of-5", 3, 5, False)
    enc_of = (lambda dd: dd.fenc) if kind == "feldman" else (lambda dd: dd.penc)
    com_of = (lambda dd: dd.fc) if kind == "feldman" else (lambda dd: dd.pc)
    base, bc = enc_of(d), com_of(d)
    i0, s0, b0 = d.ids[0], d.shares[0], d.blinds[0]
    n = m.N
    p_bytes = m.be(m.P, 32)
    t = {
        "valid-1-of-1": (enc_of(d1), 1, d1.ids[0], d1.shares[0], d1.blinds[0]),
        "valid-5-of-7-share-6": (enc_of(d2), 5, d2.ids[5], d2.shares[5], d2.blinds[5]),
    }
    for i in range(5):
        t["valid-3-of-5-share-%d" % (i + 1)] = (base, 3, d.ids[i], d.shares[i], d.blinds[i])
    t["share-plus-one"] = (base, 3, i0, (s0 + 1) % n, b0)
    t["share-minus-one"] = (base, 3, i0, (s0 - 1) % n, b0)
    t["wrong-id"] = (base, 3, d.ids[1], s0, b0)
    t["other-dealing"] = (base, 3, i0, d2.shares[0], d2.blinds[0])
    t["share-zero"] = (base, 3, i0, 0, b0)
    if kind == "pedersen":
        t["blind-plus-one"] = (base, 3, i0, s0, (b0 + 1) % n)
        t["share-blind-swapped"] = (base, 3, i0, b0, s0)
        t["blind-zero"] = (base, 3, i0, s0, 0)
        t["feldman-commitment"] = (d.fenc, 3, i0, s0, b0)
    t["coefficient-1-plus-g"] = (replace_point(base, 1, m.point_encode(m.point_add(bc[1], m.G))), 3, i0, s0, b0)
    t["coefficient-0-negated"] = (replace_point(base, 0, m.point_encode(m.point_neg(bc[0]))), 3,
                                  d.ids[2], d.shares[2], d.blinds[2])
    t["coefficients-0-1-swapped"] = (m.commitment_encode([bc[1], bc[0], bc[2]]), 3, d.ids[3], d.shares[3],
                                     d.blinds[3])
    t["id-zero"] = (base, 3, 0, s0, b0)
    t["count-over-t"] = (m.commitment_encode(list(bc) + [m.G]), 3, i0, s0, b0)
    t["count-under-t"] = (m.commitment_encode(list(bc[:2])), 3, i0, s0, b0)
    t["expected-t-mismatch"] = (base, 2, i0, s0, b0)
    t["identity-point"] = (replace_point(base, 1, bytes(33)), 3, i0, s0, b0)
    t["point-off-curve"] = (replace_point(base, 2, b"\x02" + m.be(X_OFF, 32)), 3, i0, s0, b0)
    t["point-x-equals-p"] = (replace_point(base, 1, b"\x02" + p_bytes), 3, i0, s0, b0)
    t["point-x-p-plus-valid"] = (replace_point(base, 0, b"\x02" + m.be(m.P + X0, 32)), 3, i0, s0, b0)
    t["point-prefix-04"] = (replace_point(base, 1, b"\x04" + base[2 + 33 + 1:2 + 66]), 3, i0, s0, b0)
    t["point-prefix-00"] = (replace_point(base, 0, b"\x00" + base[3:2 + 33]), 3, i0, s0, b0)
    t["truncated-last-byte"] = (base[:-1], 3, i0, s0, b0)
    t["truncated-count"] = (base[:1], 3, i0, s0, b0)
    t["empty"] = (b"", 3, i0, s0, b0)
    t["trailing-byte"] = (base + b"\x00", 3, i0, s0, b0)
    t["trailing-point"] = (base + base[2:35], 3, i0, s0, b0)
    return t


VSS_INPUTS = {}


def vss_table(kind):
    if kind not in VSS_INPUTS:
        VSS_INPUTS[kind] = vss_inputs(kind)
    return VSS_INPUTS[kind]


def check_vss_case(kind, case):
    enc, t, ident, share, blind = vss_table(kind)[case["name"]]
    expected = {"name": case["name"], "valid": None, "t": t, "commitment": enc.hex(), "id": h32(ident),
                "share": h32(share)}
    if kind == "pedersen":
        expected["blind"] = h32(blind)
    rej = None
    try:
        com = m.commitment_decode(enc, t)
    except m.Reject as e:
        rej, stage = (e.err, e.check), "decode"
    else:
        stage = "verify"
        img = m.base_mul(share)
        expected["public_image"] = hpt(img)
        if kind == "pedersen":
            hb = m.point_mul(blind, m.pedersen_h())
            expected["blind_image"] = hpt(hb)
            img = m.point_add(img, hb)
            expected["lhs"] = hpt(img)
        expected["commitment_eval"] = hpt(m.vss_eval(com, ident)) if ident != 0 else None
        if kind == "feldman":
            rej = m.rejects(m.feldman_verify, com, ident, share)
        else:
            rej = m.rejects(m.pedersen_verify, com, ident, share, blind)
        if ident != 0:
            assert (rej is None) == (m.vss_eval(com, ident) == img)
    expected["valid"] = rej is None
    expected["stage"] = stage
    if rej is not None:
        expected.update(expect_fields(rej, case))
    same(case, expected)


@pytest.mark.parametrize("kind", ["feldman", "pedersen"])
def test_vss_case_list(kind):
    doc = load(kind + "_verify.json")
    assert [c["name"] for c in doc["cases"]] == list(vss_table(kind))
    if kind == "pedersen":
        assert doc["generator_h"] == hpt(m.pedersen_h())
    checks = {c["check"] for c in doc["cases"] if not c["valid"]}
    want = {Check.FELDMAN if kind == "feldman" else Check.PEDERSEN, Check.COMMITMENT_COUNT,
            Check.POINT_IDENTITY, Check.POINT_NOT_ON_CURVE, Check.POINT_X_RANGE, Check.POINT_PREFIX,
            Check.TRUNCATED, Check.TRAILING, Check.ID_ZERO}
    assert checks == {int(c) for c in want}


@pytest.mark.parametrize("case", cases_of("feldman_verify.json"))
def test_feldman_verify(case):
    check_vss_case("feldman", case)


@pytest.mark.parametrize("case", cases_of("pedersen_verify.json"))
def test_pedersen_verify(case):
    check_vss_case("pedersen", case)


# ---- decode.json ------------------------------------------------------------------------------------
def decode_inputs():
    """name -> (kind, input bytes, extra) where extra is allow_identity or expected_t."""
    n_b, p_b = m.be(m.N, 32), m.be(m.P, 32)
    g = m.point_encode(m.G)
    gx = g[1:]
    ff = b"\xff" * 32
    d = Dealing("decode/share", 2, 3, False)
    sh = m.share_encode(d.ids[1], d.shares[1])
    c1 = b"\x00\x01" + d.fenc[2:35]
    t = {
        "scalar-zero": ("scalar", bytes(32), None),
        "scalar-one": ("scalar", m.be(1, 32), None),
        "scalar-n-minus-1": ("scalar", m.be(m.N - 1, 32), None),
        "scalar-from-label-decode/scalar": ("scalar", m.be(scalar_from_label("decode/scalar"), 32), None),
        "scalar-n": ("scalar", n_b, None),
        "scalar-n-plus-1": ("scalar", m.be(m.N + 1, 32), None),
        "scalar-2p256-minus-1": ("scalar", ff, None),
        "scalar-p": ("scalar", p_b, None),
        "point-g": ("point", g, False),
        "point-minus-g": ("point", m.point_encode(m.point_neg(m.G)), False),
        "point-2g": ("point", m.point_encode(m.base_mul(2)), False),
        "point-small-x-even": ("point", b"\x02" + m.be(X0, 32), False),
        "point-small-x-odd": ("point", b"\x03" + m.be(X0, 32), False),
        "point-identity-allowed": ("point", bytes(33), True),
        "point-identity-refused": ("point", bytes(33), False),
        "point-empty": ("point", b"", False),
        "point-length-32": ("point", g[:32], False),
        "point-length-34": ("point", g + b"\x00", False),
        "point-identity-length-34": ("point", bytes(34), True),
        "point-prefix-00": ("point", b"\x00" + gx, True),
        "point-prefix-01": ("point", b"\x01" + gx, False),
        "point-prefix-04": ("point", b"\x04" + gx, False),
        "point-prefix-05": ("point", b"\x05" + gx, False),
        "point-prefix-06": ("point", b"\x06" + gx, False),
        "point-prefix-ff": ("point", b"\xff" + gx, False),
        "point-x-equals-p": ("point", b"\x02" + p_b, False),
        "point-x-p-plus-valid": ("point", b"\x02" + m.be(m.P + X0, 32), False),
        "point-x-2p256-minus-1": ("point", b"\x03" + ff, False),
        "point-off-curve-even": ("point", b"\x02" + m.be(X_OFF, 32), False),
        "point-off-curve-odd": ("point", b"\x03" + m.be(X_OFF, 32), False),
        "point-x-zero": ("point", b"\x02" + bytes(32), True),
        "xonly-g": ("point_xonly", gx, None),
        "xonly-small-x": ("point_xonly", m.be(X0, 32), None),
        "xonly-x-equals-p": ("point_xonly", p_b, None),
        "xonly-x-p-plus-valid": ("point_xonly", m.be(m.P + X0, 32), None),
        "xonly-off-curve": ("point_xonly", m.be(X_OFF, 32), None),
        "xonly-zero": ("point_xonly", bytes(32), None),
        "share-valid": ("share", sh, None),
        "share-value-zero": ("share", sh[:32] + bytes(32), None),
        "share-id-and-value-n-minus-1": ("share", m.be(m.N - 1, 32) * 2, None),
        "share-length-63": ("share", sh[:63], None),
        "share-length-65": ("share", sh + b"\x00", None),
        "share-empty": ("share", b"", None),
        "share-value-only": ("share", sh[32:], None),
        "share-id-zero": ("share", bytes(32) + sh[32:], None),
        "share-id-n": ("share", n_b + sh[32:], None),
        "share-id-n-plus-1": ("share", m.be(m.N + 1, 32) + sh[32:], None),
        "share-id-2p256-minus-1": ("share", ff + sh[32:], None),
        "share-value-n": ("share", sh[:32] + n_b, None),
        "share-value-2p256-minus-1": ("share", sh[:32] + ff, None),
        "commitment-valid-t2": ("commitment", d.fenc, 2),
        "commitment-valid-t1": ("commitment", c1, 1),
        "commitment-empty": ("commitment", b"", 1),
        "commitment-count-cut": ("commitment", c1[:1], 1),
        "commitment-count-only": ("commitment", c1[:2], 1),
        "commitment-point-cut": ("commitment", c1[:34], 1),
        "commitment-trailing": ("commitment", c1 + b"\x00", 1),
        "commitment-count-mismatch": ("commitment", d.fenc, 1),
        "commitment-count-zero": ("commitment", b"\x00\x00", 1),
        "commitment-count-over-max": ("commitment", b"\x01\x01", 256),
        "commitment-count-ffff": ("commitment", b"\xff\xff" + c1[2:], 1),
        "commitment-expected-t-zero": ("commitment", d.fenc, 0),
        "commitment-expected-t-over-max": ("commitment", d.fenc, 257),
        "commitment-identity": ("commitment", replace_point(d.fenc, 1, bytes(33)), 2),
        "commitment-off-curve": ("commitment", replace_point(d.fenc, 1, b"\x03" + m.be(X_OFF, 32)), 2),
        "commitment-x-range": ("commitment", replace_point(d.fenc, 1, b"\x03" + p_b), 2),
        "commitment-prefix": ("commitment", b"\x00\x02\x04" + d.fenc[3:], 2),
        "pedersen-generator-h": ("pedersen_generator", None, None),
    }
    return t


DECODE_INPUTS = decode_inputs()

DECODE_FUNCTIONS = {
    "scalar": "tsr_scalar_decode",
    "point": "tsr_point_decode",
    "point_xonly": "tsr_point_decode_xonly",
    "share": "tsr_share_decode",
    "commitment": "tsr_vss_commitment_decode",
    "pedersen_generator": "tsr_pedersen_generator",
}


def test_decode_case_list():
    doc = load("decode.json")
    assert [c["name"] for c in doc["cases"]] == list(DECODE_INPUTS)
    # Every reject reason of every decoder has a negative vector (STYLE.md).
    by_kind = {}
    for c in doc["cases"]:
        if not c["valid"]:
            by_kind.setdefault(c["kind"], set()).add(Check(c["check"]))
    assert by_kind["scalar"] == {Check.SCALAR_RANGE}
    assert by_kind["point"] == {Check.LENGTH, Check.POINT_IDENTITY, Check.POINT_PREFIX, Check.POINT_X_RANGE,
                                Check.POINT_NOT_ON_CURVE}
    assert by_kind["point_xonly"] == {Check.POINT_X_RANGE, Check.POINT_NOT_ON_CURVE}
    assert by_kind["share"] == {Check.LENGTH, Check.ID_ZERO, Check.SCALAR_RANGE}
    assert by_kind["commitment"] == {Check.THRESHOLD, Check.TRUNCATED, Check.COUNT, Check.COMMITMENT_COUNT,
                                     Check.TRAILING, Check.POINT_IDENTITY, Check.POINT_PREFIX,
                                     Check.POINT_X_RANGE, Check.POINT_NOT_ON_CURVE}


@pytest.mark.parametrize("case", cases_of("decode.json"))
def test_decode(case):
    kind, inp, extra = DECODE_INPUTS[case["name"]]
    expected = {"name": case["name"], "valid": None, "kind": kind, "function": DECODE_FUNCTIONS[kind]}
    rej = None
    if kind == "pedersen_generator":
        attempts = []
        for ctr, hin, xb, res in m.pedersen_generator_attempts():
            attempts.append({"counter": ctr, "hash_input": hin.hex(), "x": xb.hex(),
                             "result": m.check_symbol(Check.NONE if not isinstance(res, m.Reject) else res.check)})
            if not isinstance(res, m.Reject):
                break
        h, ctr = m.pedersen_generator()
        expected.update({
            "tag": "TSR-PEDERSEN-H-v1",
            "rule": "x = SHA256(tag || u32be(ctr)) for ctr = 0, 1, ...; H = lift_x(x) (even y) for the "
                    "first ctr where lift_x succeeds",
            "attempts": attempts,
            "counter": ctr,
            "h": hpt(h),
        })
        assert h[1] % 2 == 0 and m.on_curve(h)
    else:
        expected["input"] = inp.hex()
        if kind == "scalar":
            try:
                expected["value"] = h32(m.scalar_decode(inp))
            except m.Reject as e:
                rej = (e.err, e.check)
        elif kind == "point":
            expected["allow_identity"] = extra
            try:
                pt = m.point_decode(inp, allow_identity=extra)
            except m.Reject as e:
                rej = (e.err, e.check)
            else:
                assert m.point_encode(pt) == inp and m.on_curve(pt)
                expected["identity"] = pt is None
                if pt is not None:
                    expected["x"] = h32(pt[0])
                    expected["y_odd"] = bool(pt[1] & 1)
        elif kind == "point_xonly":
            try:
                pt = m.lift_x(inp)
            except m.Reject as e:
                rej = (e.err, e.check)
            else:
                assert pt[1] % 2 == 0 and m.on_curve(pt)
                expected["point"] = hpt(pt)
        elif kind == "share":
            try:
                ident, value = m.share_decode(inp)
            except m.Reject as e:
                rej = (e.err, e.check)
            else:
                assert m.share_encode(ident, value) == inp
                expected["id"], expected["value"] = h32(ident), h32(value)
        elif kind == "commitment":
            expected["expected_t"] = extra
            try:
                pts = m.commitment_decode(inp, extra)
            except m.Reject as e:
                rej = (e.err, e.check)
            else:
                assert m.commitment_encode(pts) == inp
                expected["points"] = [hpt(q) for q in pts]
    expected["valid"] = rej is None
    if rej is not None:
        expected.update(expect_fields(rej, case))
    same(case, expected)


def test_decode_h_agrees_with_vss_files():
    doc = load("decode.json")
    h = [c for c in doc["cases"] if c["kind"] == "pedersen_generator"][0]["h"]
    assert load("pedersen_verify.json")["generator_h"] == h
    for c in load("split.json")["cases"]:
        if c["valid"]:
            assert c["pedersen"]["generator_h"] == h
