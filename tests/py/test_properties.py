"""Property tests (hypothesis) of the model itself: field and group laws, encodings round trip,
strict decoders, Lagrange reconstruction, VSS soundness on single changes, transcript injectivity."""

import itertools

from hypothesis import assume, given
from hypothesis import strategies as st

import tessera_model as m
from tessera_model import Check

scalars = st.integers(min_value=0, max_value=m.N - 1)
nonzero = st.integers(min_value=1, max_value=m.N - 1)
small_nonzero = st.integers(min_value=1, max_value=2 ** 16)


# ---- scalar field ----------------------------------------------------------------------------------
@given(scalars, scalars, scalars)
def test_field_laws(a, b, c):
    n = m.N
    assert (a + b) % n == (b + a) % n
    assert (a * b) % n == (b * a) % n
    assert ((a + b) % n + c) % n == (a + (b + c) % n) % n
    assert ((a * b) % n * c) % n == (a * (b * c) % n) % n
    assert (a * ((b + c) % n)) % n == ((a * b) % n + (a * c) % n) % n
    assert (a + (n - a) % n) % n == 0


@given(nonzero)
def test_scalar_inverse(a):
    inv = m.scalar_inv(a)
    assert 0 < inv < m.N and a * inv % m.N == 1
    assert m.scalar_inv(inv) == a


@given(st.binary(min_size=32, max_size=32))
def test_scalar_decode_strict(b):
    v = int.from_bytes(b, "big")
    if v < m.N:
        assert m.scalar_decode(b) == v and m.scalar_encode(v) == b
    else:
        assert m.rejects(m.scalar_decode, b) == ("TSR_ERR_RANGE", Check.SCALAR_RANGE)


@given(st.binary(max_size=64))
def test_reduce_be(b):
    assert m.scalar_reduce_be(b) == int.from_bytes(b, "big") % m.N


# ---- group ----------------------------------------------------------------------------------------------
def affine_add(p1, p2):
    """Textbook affine addition, an independent check of the model's Jacobian formulas."""
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1), (x2, y2) = p1, p2
    if x1 == x2 and (y1 + y2) % m.P == 0:
        return None
    if p1 == p2:
        lam = 3 * x1 * x1 * pow(2 * y1, -1, m.P) % m.P
    else:
        lam = (y2 - y1) * pow(x2 - x1, -1, m.P) % m.P
    x3 = (lam * lam - x1 - x2) % m.P
    return (x3, (lam * (x1 - x3) - y1) % m.P)


@given(scalars, scalars)
def test_group_laws(a, b):
    pa, pb = m.base_mul(a), m.base_mul(b)
    assert m.on_curve(pa) and m.on_curve(pb)
    s = m.point_add(pa, pb)
    assert s == m.base_mul(a + b)
    assert s == affine_add(pa, pb)
    assert m.point_add(pa, pa) == affine_add(pa, pa)
    assert m.point_mul(b, pa) == m.base_mul(a * b)
    assert m.point_add(pa, m.point_neg(pa)) is None


@given(small_nonzero)
def test_small_multiples_by_repeated_addition(k):
    k = k % 64 + 1
    acc = None
    for _ in range(k):
        acc = affine_add(acc, m.G)
    assert m.base_mul(k) == acc


@given(nonzero)
def test_point_encoding_round_trip(k):
    pt = m.base_mul(k)
    enc = m.point_encode(pt)
    assert len(enc) == 33 and enc[0] in (2, 3)
    assert m.point_decode(enc) == pt
    neg = m.point_encode(m.point_neg(pt))
    assert neg[1:] == enc[1:] and neg[0] == enc[0] ^ 1
    x, odd = m.xonly_encode(pt)
    lifted = m.lift_x(x)
    assert lifted == (pt if not odd else m.point_neg(pt))


point_like = st.one_of(
    st.binary(min_size=33, max_size=33),
    st.builds(lambda pre, x: bytes([pre]) + x, st.sampled_from([2, 3]), st.binary(min_size=32, max_size=32)),
    st.builds(lambda pre, x: bytes([pre]) + m.be(x, 32), st.sampled_from([2, 3]),
              st.integers(min_value=m.P - 2 ** 40, max_value=2 ** 256 - 1)),
)


@given(point_like, st.booleans())
def test_point_decode_strict(b, allow):
    """Any 33 bytes: either the reason the structure dictates, or a canonical round trip."""
    rej = m.rejects(m.point_decode, b, allow_identity=allow)
    x = int.from_bytes(b[1:], "big")
    if b == bytes(33):
        assert rej == (None if allow else ("TSR_ERR_RANGE", Check.POINT_IDENTITY))
    elif b[0] not in (2, 3):
        assert rej == ("TSR_ERR_ENCODING", Check.POINT_PREFIX)
    elif x >= m.P:
        assert rej == ("TSR_ERR_ENCODING", Check.POINT_X_RANGE)
    elif rej is not None:
        assert rej == ("TSR_ERR_ENCODING", Check.POINT_NOT_ON_CURVE)
        assert pow(x ** 3 + 7, (m.P - 1) // 2, m.P) == m.P - 1  # Euler: a non-residue
    else:
        pt = m.point_decode(b)
        assert m.on_curve(pt) and m.point_encode(pt) == b


@given(st.binary(max_size=40).filter(lambda b: len(b) != 33))
def test_point_decode_length(b):
    assert m.rejects(m.point_decode, b, allow_identity=True) == ("TSR_ERR_ENCODING", Check.LENGTH)


# ---- Shamir and VSS ---------------------------------------------------------------------------------
@st.composite
def sharings(draw, max_t=6, max_n=8):
    t = draw(st.integers(min_value=1, max_value=max_t))
    n = draw(st.integers(min_value=t, max_value=max_n))
    ids = draw(st.lists(nonzero, min_size=n, max_size=n, unique=True))
    coeffs = draw(st.lists(scalars, min_size=t, max_size=t))
    return t, ids, coeffs


@given(sharings(), st.randoms(use_true_random=False))
def test_any_t_shares_reconstruct(sh, rnd):
    t, ids, coeffs = sh
    shares = m.shamir_split(coeffs, ids)
    pick = rnd.sample(range(len(ids)), t)
    sub_ids = [ids[i] for i in pick]
    sub_shares = [shares[i] for i in pick]
    assert m.shamir_reconstruct(sub_ids, sub_shares) == coeffs[0]
    x = rnd.randrange(m.N)
    assert m.shamir_interpolate(sub_ids, sub_shares, x) == m.poly_eval(coeffs, x)
    lam = [m.lagrange_coeff(sub_ids, i, 0) for i in range(t)]
    assert sum(lam) % m.N == 1


@given(st.lists(nonzero, min_size=2, max_size=6, unique=True))
def test_lagrange_is_a_delta_at_the_nodes(ids):
    for i in range(len(ids)):
        for j, x in enumerate(ids):
            assert m.lagrange_coeff(ids, i, x) == (1 if i == j else 0)


@given(st.integers(min_value=1, max_value=4), scalars, st.lists(scalars, min_size=3, max_size=3),
       st.lists(scalars, min_size=4, max_size=4), nonzero, st.integers(min_value=0, max_value=3))
def test_vss_accepts_honest_and_rejects_single_changes(t, secret, fr, br, delta, pos):
    f = [secret] + fr[:t - 1]
    r = br[:t]
    ids = [1, 2, 3, 4, 5][:max(t, 2)]
    shares = m.shamir_split(f, ids)
    blinds = m.shamir_split(r, ids)
    fc, pc = m.feldman_commit(f), m.pedersen_commit(f, r)
    i = pos % len(ids)
    m.feldman_verify(fc, ids[i], shares[i])
    m.pedersen_verify(pc, ids[i], shares[i], blinds[i])
    bad = (shares[i] + delta) % m.N
    assert m.rejects(m.feldman_verify, fc, ids[i], bad) == ("TSR_ERR_VERIFY", Check.FELDMAN)
    assert m.rejects(m.pedersen_verify, pc, ids[i], bad, blinds[i]) == ("TSR_ERR_VERIFY", Check.PEDERSEN)
    assert m.rejects(m.pedersen_verify, pc, ids[i], shares[i], (blinds[i] + delta) % m.N) == \
        ("TSR_ERR_VERIFY", Check.PEDERSEN)
    # Changing one coefficient's commitment changes the image at every non-zero id.
    k = pos % t
    fc2 = list(fc)
    fc2[k] = m.point_add(fc2[k], m.G)
    assert m.rejects(m.feldman_verify, fc2, ids[i], shares[i]) == ("TSR_ERR_VERIFY", Check.FELDMAN)


@given(st.lists(nonzero, min_size=1, max_size=4))
def test_commitment_round_trip(ks):
    pts = [m.base_mul(k) for k in ks]
    enc = m.commitment_encode(pts)
    assert len(enc) == 2 + 33 * len(pts)
    assert m.commitment_decode(enc, len(pts)) == pts
    for cut in range(len(enc)):
        rej = m.rejects(m.commitment_decode, enc[:cut], len(pts))
        assert rej is not None and rej[1] == Check.TRUNCATED
    assert m.rejects(m.commitment_decode, enc + b"\x00", len(pts)) == ("TSR_ERR_ENCODING", Check.TRAILING)


@given(nonzero, scalars)
def test_share_round_trip(ident, value):
    enc = m.share_encode(ident, value)
    assert m.share_decode(enc) == (ident, value)


# ---- hashing and the transcript ---------------------------------------------------------------------
@given(st.binary(max_size=80), st.binary(min_size=1, max_size=300), st.integers(min_value=1, max_value=300))
def test_xmd_shape(msg, dst, length):
    out = m.expand_message_xmd(msg, dst, length)
    assert len(out) == length
    if len(dst) > 255:
        assert out == m.expand_message_xmd(msg, m.sha256(b"H2C-OVERSIZE-DST-" + dst), length)


items = st.lists(st.tuples(st.integers(min_value=0, max_value=255), st.binary(max_size=70)), max_size=6)
headers = st.tuples(st.binary(min_size=1, max_size=40), st.binary(min_size=32, max_size=32),
                    st.integers(min_value=0, max_value=2 ** 32 - 1))


def build(header, its):
    t = m.Transcript(*header)
    for typ, data in its:
        t.append(typ, data)
    return t


@given(headers, items)
def test_transcript_parses_back(header, its):
    """The encoding is injective: a parser recovers every input from the stream."""
    t = build(header, its)
    assert m.transcript_parse(t.stream) == (header[0], header[1], header[2], its)


@given(headers, items, headers, items)
def test_transcript_distinct_inputs_distinct_streams(h1, i1, h2, i2):
    assume((h1, i1) != (h2, i2))
    assert build(h1, i1).stream != build(h2, i2).stream


@given(headers, st.binary(max_size=20), st.binary(max_size=20))
def test_transcript_boundaries_matter(header, a, b):
    """Moving bytes between two adjacent items changes the stream (no concatenation ambiguity)."""
    assume(len(a) > 0)
    t1 = build(header, [(m.TR_BYTES, a), (m.TR_BYTES, b)])
    t2 = build(header, [(m.TR_BYTES, a[:-1]), (m.TR_BYTES, a[-1:] + b)])
    assert t1.stream != t2.stream
    assert t1.challenge() != t2.challenge()


def test_transcript_items_exhaustive_small():
    """All item lists over a tiny alphabet give pairwise distinct streams."""
    alphabet = [(1, b""), (1, b"\x00"), (2, b""), (1, b"\x00\x00")]
    seen = {}
    hdr = (b"d", bytes(32), 1)
    for k in range(4):
        for its in itertools.product(alphabet, repeat=k):
            s = build(hdr, list(its)).stream
            assert s not in seen, (its, seen.get(s))
            seen[s] = its
