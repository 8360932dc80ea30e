"""Checks the model itself against known facts: curve constants, group order, hash test values,
argument limits, the public headers' numbering, and the transcript layout."""

import pathlib
import re

import pytest

import tessera_model as m
from tessera_model import Check

ROOT = pathlib.Path(__file__).resolve().parents[2]


def is_probable_prime(v):
    if v < 2:
        return False
    small = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71]
    for q in small:
        if v % q == 0:
            return v == q
    d, s = v - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in small:
        x = pow(a, d, v)
        if x in (1, v - 1):
            continue
        for _ in range(s - 1):
            x = x * x % v
            if x == v - 1:
                break
        else:
            return False
    return True


# ---- curve -------------------------------------------------------------------------------------------
def test_constants_are_prime():
    assert is_probable_prime(m.P) and is_probable_prime(m.N)
    assert m.P % 4 == 3  # the square root is a single exponentiation
    assert m.N < m.P < 2 ** 256


def test_generator_is_the_sec2_point():
    assert m.G == (
        0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
        0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8,
    )
    assert m.on_curve(m.G)
    assert m.point_encode(m.G).hex() == "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"


def test_group_order():
    assert m.point_mul_unreduced(m.N, m.G) is None
    assert m.point_mul_unreduced(m.N + 1, m.G) == m.G
    assert m.point_mul_unreduced(m.N - 1, m.G) == m.point_neg(m.G)
    assert m.base_mul(0) is None and m.base_mul(m.N) is None


def test_small_multiples():
    # Well-known x coordinates of 2G and 3G (3G is BIP340 test vector 0's public key).
    assert m.base_mul(2)[0] == 0xC6047F9441ED7D6D3045406E95C07CD85C778E4B8CEF3CA7ABAC09B95C709EE5
    assert m.base_mul(3)[0] == 0xF9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9
    assert m.point_add(m.G, m.G) == m.base_mul(2)
    assert m.point_add(m.base_mul(2), m.G) == m.base_mul(3)
    assert m.point_add(m.G, m.point_neg(m.G)) is None
    assert m.point_add(None, m.G) == m.G and m.point_add(m.G, None) == m.G
    assert m.point_mul(5, None) is None


def test_point_decode_reasons():
    g = m.point_encode(m.G)
    assert m.point_decode(g) == m.G
    assert m.point_decode(b"\x03" + g[1:]) == m.point_neg(m.G)
    assert m.rejects(m.point_decode, g[:32]) == ("TSR_ERR_ENCODING", Check.LENGTH)
    assert m.rejects(m.point_decode, bytes(33)) == ("TSR_ERR_RANGE", Check.POINT_IDENTITY)
    assert m.point_decode(bytes(33), allow_identity=True) is None
    assert m.rejects(m.point_decode, b"\x04" + g[1:]) == ("TSR_ERR_ENCODING", Check.POINT_PREFIX)
    assert m.rejects(m.point_decode, b"\x02" + m.be(m.P, 32)) == ("TSR_ERR_ENCODING", Check.POINT_X_RANGE)
    assert m.rejects(m.point_decode, b"\x02" + bytes(32)) == ("TSR_ERR_ENCODING", Check.POINT_NOT_ON_CURVE)
    assert m.rejects(m.lift_x, m.be(m.P, 32)) == ("TSR_ERR_ENCODING", Check.POINT_X_RANGE)
    assert m.lift_x(g[1:]) == m.G  # y(G) is even


def test_scalar_decode():
    assert m.scalar_decode(m.be(m.N - 1, 32)) == m.N - 1
    assert m.rejects(m.scalar_decode, m.be(m.N, 32)) == ("TSR_ERR_RANGE", Check.SCALAR_RANGE)
    assert m.scalar_inv(0) == 0 and m.scalar_inv(2) * 2 % m.N == 1
    assert m.scalar_reduce_be(b"\xff" * 64) == (2 ** 512 - 1) % m.N
    assert m.rejects(m.scalar_reduce_be, bytes(65)) == ("TSR_ERR_ARG", Check.NONE)


# ---- hashing -------------------------------------------------------------------------------------------
def test_sha256_fips_examples():
    assert m.sha256(b"abc").hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert m.sha256(b"").hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_tagged_hash_definition():
    th = m.sha256(b"BIP0340/challenge")
    assert m.tagged_hash("BIP0340/challenge", b"x") == m.sha256(th + th + b"x")


# Two anchors of RFC 9380 Appendix K.1 (DST QUUX-V01-CS02-with-expander-SHA256-128), pinned here
# independently of vectors/external/rfc9380.
RFC9380_K1_DST = b"QUUX-V01-CS02-with-expander-SHA256-128"


def test_expand_message_xmd_rfc_anchors():
    assert m.expand_message_xmd(b"", RFC9380_K1_DST, 32).hex() == \
        "68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235"
    assert m.expand_message_xmd(b"abc", RFC9380_K1_DST, 32).hex() == \
        "d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615"


def test_expand_message_xmd_limits():
    assert m.rejects(m.expand_message_xmd, b"m", b"D", 0) == ("TSR_ERR_ARG", Check.NONE)
    assert m.rejects(m.expand_message_xmd, b"m", b"D", 8161) == ("TSR_ERR_ARG", Check.NONE)
    assert m.rejects(m.expand_message_xmd, b"m", b"", 32) == ("TSR_ERR_ARG", Check.NONE)
    assert len(m.expand_message_xmd(b"m", b"D", 8160)) == 8160
    assert len(m.expand_message_xmd(b"m", b"D", 1)) == 1
    long_dst = b"L" * 256
    assert m.expand_message_xmd(b"m", long_dst, 64) == \
        m.expand_message_xmd(b"m", m.sha256(b"H2C-OVERSIZE-DST-" + long_dst), 64)
    # A 255-byte DST is used as is.
    assert m.xmd_dst_prime(b"D" * 255) == b"D" * 255 + b"\xff"


def test_hash_to_field_definition():
    u = m.expand_message_xmd(b"msg", b"DST", 96)
    assert m.hash_to_field(b"msg", b"DST", 2) == [int.from_bytes(u[:48], "big") % m.N,
                                                   int.from_bytes(u[48:], "big") % m.N]
    assert len(m.hash_to_field(b"msg", b"DST", 170)) == 170
    assert m.rejects(m.hash_to_field, b"msg", b"DST", 171) == ("TSR_ERR_ARG", Check.NONE)
    assert m.rejects(m.hash_to_field, b"msg", b"DST", 0) == ("TSR_ERR_ARG", Check.NONE)


def test_transcript_layout():
    session = bytes(range(32))
    t = m.Transcript(b"dom", session, 7)
    assert t.stream == b"TSR-TRANSCRIPT-v1" + b"\x00\x00\x00\x03dom" + session + b"\x00\x00\x00\x07"
    t.append_label("L")
    t.append_u64(258)
    t.append_scalar(1)
    t.append_point(None)
    tail = (b"\x02" + m.be(1, 8) + b"L" + b"\x03" + m.be(8, 8) + m.be(258, 8) + b"\x04" + m.be(32, 8) +
            m.be(1, 32) + b"\x05" + m.be(33, 8) + bytes(33))
    assert t.stream.endswith(tail)
    c = t.challenge()
    assert c == int.from_bytes(m.sha256(t.stream + b"\x00") + m.sha256(t.stream + b"\x01"), "big") % m.N
    assert m.rejects(m.Transcript, b"", session, 0) == ("TSR_ERR_ARG", Check.NONE)
    assert m.rejects(m.Transcript, b"x" * 256, session, 0) == ("TSR_ERR_ARG", Check.NONE)
    m.Transcript(b"x" * 255, session, 0)


# ---- sharing ------------------------------------------------------------------------------------------
def test_pedersen_generator_facts():
    h, ctr = m.pedersen_generator()
    assert ctr == 0
    assert h[0] == int.from_bytes(m.sha256(b"TSR-PEDERSEN-H-v1" + bytes(4)), "big")
    assert h[1] % 2 == 0 and m.on_curve(h) and h != m.G and h != m.point_neg(m.G)
    assert m.point_mul_unreduced(m.N, h) is None


def test_id_and_threshold_checks():
    assert m.rejects(m.ids_check, []) == ("TSR_ERR_ARG", Check.COUNT)
    assert m.rejects(m.ids_check, [1, 0]) == ("TSR_ERR_ARG", Check.ID_ZERO)
    assert m.rejects(m.ids_check, [1, 2, 1]) == ("TSR_ERR_ARG", Check.ID_DUPLICATE)
    assert m.rejects(m.ids_check, list(range(1, 258))) == ("TSR_ERR_ARG", Check.COUNT)
    m.ids_check(list(range(1, 257)))
    assert m.rejects(m.shamir_split, [1, 2, 3], [1, 2]) == ("TSR_ERR_ARG", Check.THRESHOLD)
    assert m.rejects(m.lagrange_coeff, [1, 2], 2) == ("TSR_ERR_ARG", Check.ID_UNKNOWN)
    assert m.lagrange_coeff([5], 0, 123) == 1


def test_vss_precheck_order():
    c = m.feldman_commit([1, 2])
    assert m.rejects(m.feldman_verify, c, 0, 1) == ("TSR_ERR_ARG", Check.ID_ZERO)
    assert m.rejects(m.feldman_verify, [], 1, 1) == ("TSR_ERR_ARG", Check.COUNT)
    assert m.rejects(m.feldman_verify, [], 0, 1) == ("TSR_ERR_ARG", Check.ID_ZERO)


# ---- consistency with the public headers ---------------------------------------------------------------
def test_check_ids_match_common_h():
    text = (ROOT / "ref" / "include" / "tessera" / "common.h").read_text()
    found = dict((name, int(v)) for name, v in re.findall(r"TSR_CHECK_([A-Z_]+) = (\d+)", text))
    found.pop("_COUNT", None)
    assert found == {c.name: int(c) for c in Check}
    errs = dict(re.findall(r"#define (TSR_(?:OK|ERR_[A-Z]+))\s+\(?(-?\d+)\)?", text))
    assert {k: int(v) for k, v in errs.items()} == m.ERRORS


def test_limits_match_headers():
    common = (ROOT / "ref" / "include" / "tessera" / "common.h").read_text()
    assert re.search(r"#define TSR_MAX_PARTIES %d\b" % m.MAX_PARTIES, common)
    sharing = (ROOT / "ref" / "include" / "tessera" / "sharing.h").read_text()
    assert "TSR-PEDERSEN-H-v1" in sharing and "u32be(ctr)" in sharing
    hash_h = (ROOT / "ref" / "include" / "tessera" / "hash.h").read_text()
    assert '"TSR-TRANSCRIPT-v1" || u32be(len(domain)) || domain || session32 || u32be(prover)' in hash_h
    assert "u8(type) || u64be(len) || data" in hash_h
    for name, v in [("TSR_TR_BYTES", m.TR_BYTES), ("TSR_TR_LABEL", m.TR_LABEL), ("TSR_TR_U64", m.TR_U64),
                    ("TSR_TR_SCALAR", m.TR_SCALAR), ("TSR_TR_POINT", m.TR_POINT)]:
        assert re.search(r"#define %s\s+%d\b" % (name, v), hash_h), name


@pytest.mark.parametrize("check", list(Check))
def test_check_symbols(check):
    assert m.check_symbol(check) == "TSR_CHECK_" + check.name
    assert m.CHECK_NAMES[check]
