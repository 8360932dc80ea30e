"""Independent Python model of Tessera's foundation layer (stdlib only), used to re-derive vectors.

Written from the specifications, not from the C code: SEC 2 (secp256k1), SEC 1 §2.3.3-2.3.4
(compressed points), FIPS 180-4 through hashlib, BIP340 (tagged hashes, lift_x, signatures),
RFC 9380 §5.2-5.3 (expand_message_xmd, hash_to_field), and the Tessera public headers
ref/include/tessera/*.h for the encodings, check ids and error codes.

Conventions:
- Scalars and field elements are Python ints; points are None (the identity) or an affine (x, y).
- A decoder or checker that refuses its input raises Reject(err, check), where err is the error
  code name ("TSR_ERR_RANGE", ...) and check a Check member: the reason the C API reports.
"""

import hashlib
from enum import IntEnum

# ---- constants (SEC 2 §2.4.1) -----------------------------------------------------------------
P = 2**256 - 2**32 - 977
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
GX = 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798
GY = 0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8
G = (GX, GY)
B = 7

MAX_PARTIES = 256  # TSR_MAX_PARTIES (common.h default)

# ---- error codes and check ids (common.h) ----------------------------------------------------
ERRORS = {
    "TSR_OK": 0,
    "TSR_ERR_ARG": -1,
    "TSR_ERR_ENCODING": -2,
    "TSR_ERR_RANGE": -3,
    "TSR_ERR_STATE": -4,
    "TSR_ERR_VERIFY": -5,
    "TSR_ERR_POLICY": -6,
    "TSR_ERR_INTERNAL": -7,
}


class Check(IntEnum):
    NONE = 0
    LENGTH = 1
    TRUNCATED = 2
    TRAILING = 3
    VERSION = 4
    SUITE = 5
    TYPE = 6
    COUNT = 7
    SIZE = 8
    SCALAR_RANGE = 9
    SCALAR_ZERO = 10
    POINT_PREFIX = 11
    POINT_X_RANGE = 12
    POINT_NOT_ON_CURVE = 13
    POINT_IDENTITY = 14
    ID_ZERO = 15
    ID_DUPLICATE = 16
    ID_UNKNOWN = 17
    THRESHOLD = 18
    COMMITMENT_COUNT = 19
    FELDMAN = 20
    PEDERSEN = 21
    SESSION = 22
    SENDER = 23
    # FROST / DKG (issue 3), appended to common.h; the numbers are stable.
    POK = 24
    EQUIVOCATION = 25
    FALSE_COMPLAINT = 26
    MISSING = 27
    SIGNATURE_SHARE = 28
    SIGNATURE = 29
    ID_ORDER = 30
    OWN_COMMITMENT = 31
    SIGNER_COUNT = 32
    CERTIFICATE = 33
    TWEAK = 34
    DUPLICATE_CONTRIBUTION = 35
    REQUEST = 36


# The human-readable names tsr_check_name() returns; they are part of the published vectors.
CHECK_NAMES = {
    Check.NONE: "none",
    Check.LENGTH: "wrong length",
    Check.TRUNCATED: "input truncated inside a field",
    Check.TRAILING: "trailing bytes after the last field",
    Check.VERSION: "unknown wire version",
    Check.SUITE: "unknown suite",
    Check.TYPE: "unknown message type",
    Check.COUNT: "count exceeds its limit",
    Check.SIZE: "length exceeds its cap",
    Check.SCALAR_RANGE: "scalar is not below the group order n",
    Check.SCALAR_ZERO: "scalar is zero where non-zero is required",
    Check.POINT_PREFIX: "point prefix is not 02 or 03",
    Check.POINT_X_RANGE: "point x coordinate is not below p",
    Check.POINT_NOT_ON_CURVE: "point is not on the curve",
    Check.POINT_IDENTITY: "point is the identity where it is forbidden",
    Check.ID_ZERO: "identifier is zero",
    Check.ID_DUPLICATE: "identifiers are not pairwise distinct",
    Check.ID_UNKNOWN: "identifier is not in the roster",
    Check.THRESHOLD: "threshold is not in 1..n",
    Check.COMMITMENT_COUNT: "commitment count differs from the threshold",
    Check.FELDMAN: "share fails Feldman verification",
    Check.PEDERSEN: "share fails Pedersen verification",
    Check.SESSION: "message belongs to another session",
    Check.SENDER: "sender id is out of range or unexpected",
    Check.POK: "proof of knowledge fails",
    Check.EQUIVOCATION: "parties saw different round-1 broadcasts (equivocation)",
    Check.FALSE_COMPLAINT: "accusation refuted by the opened share",
    Check.MISSING: "expected message or entry is missing",
    Check.SIGNATURE_SHARE: "signature share fails verification",
    Check.SIGNATURE: "final signature does not verify",
    Check.ID_ORDER: "identifiers are not strictly ascending",
    Check.OWN_COMMITMENT: "own commitment absent or altered",
    Check.SIGNER_COUNT: "number of signers not in t..n",
    Check.CERTIFICATE: "success certificate does not verify",
    Check.TWEAK: "tweak is out of range or yields the identity",
    Check.DUPLICATE_CONTRIBUTION: "contribution duplicates another party's",
    Check.REQUEST: "signing request differs from the approved one",
}


def check_symbol(c):
    """The C enumerator name of a check id, e.g. 'TSR_CHECK_FELDMAN'."""
    return "TSR_CHECK_" + Check(c).name


class Reject(Exception):
    """A refusal by a model decoder or checker: error code name and check id."""

    def __init__(self, err, check=Check.NONE):
        super().__init__("%s (%s)" % (err, Check(check).name))
        self.err = err
        self.check = Check(check)


def rejects(fn, *args, **kwargs):
    """Runs fn; returns (err, check) if it raised Reject, else None."""
    try:
        fn(*args, **kwargs)
    except Reject as e:
        return (e.err, e.check)
    return None


# ---- byte helpers ------------------------------------------------------------------------------
def be(v, n):
    return int(v).to_bytes(n, "big")


def from_be(b):
    return int.from_bytes(b, "big")


def unhex(s):
    return bytes.fromhex(s)


# ---- scalars mod n (scalar.h) ------------------------------------------------------------------
def scalar_decode(b32):
    """tsr_scalar_decode: 32 bytes big-endian, strictly below n."""
    if len(b32) != 32:
        raise Reject("TSR_ERR_ENCODING", Check.LENGTH)
    v = from_be(b32)
    if v >= N:
        raise Reject("TSR_ERR_RANGE", Check.SCALAR_RANGE)
    return v


def scalar_encode(a):
    assert 0 <= a < N
    return be(a, 32)


def scalar_reduce_be(b):
    """tsr_scalar_reduce_be: big-endian integer of at most 64 bytes, mod n."""
    if len(b) > 64:
        raise Reject("TSR_ERR_ARG")
    return from_be(b) % N


def scalar_inv(a):
    """The inverse mod n; the inverse of zero is zero (scalar.h)."""
    return pow(a, N - 2, N)


# ---- field mod p and the curve --------------------------------------------------------------------
def fe_sqrt(a):
    """A square root mod p (p = 3 mod 4), or None if a is not a square."""
    a %= P
    r = pow(a, (P + 1) // 4, P)
    return r if r * r % P == a else None


def on_curve(pt):
    if pt is None:
        return True
    x, y = pt
    return 0 <= x < P and 0 <= y < P and (y * y - x * x * x - B) % P == 0


def _to_jac(pt):
    return None if pt is None else (pt[0], pt[1], 1)


def _from_jac(j):
    if j is None:
        return None
    x, y, z = j
    zi = pow(z, P - 2, P)
    zi2 = zi * zi % P
    return (x * zi2 % P, y * zi2 * zi % P)


def _jac_double(j):
    if j is None:
        return None
    x, y, z = j
    if y == 0:
        return None
    yy = y * y % P
    s = 4 * x * yy % P
    m = 3 * x * x % P  # a = 0
    x3 = (m * m - 2 * s) % P
    y3 = (m * (s - x3) - 8 * yy * yy) % P
    z3 = 2 * y * z % P
    return (x3, y3, z3)


def _jac_add(a, b):
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
        if s1 != s2:
            return None
        return _jac_double(a)
    h = (u2 - u1) % P
    r = (s2 - s1) % P
    hh = h * h % P
    hhh = h * hh % P
    v = u1 * hh % P
    x3 = (r * r - hhh - 2 * v) % P
    y3 = (r * (v - x3) - s1 * hhh) % P
    z3 = h * z1 * z2 % P
    return (x3, y3, z3)


def point_add(a, b):
    return _from_jac(_jac_add(_to_jac(a), _to_jac(b)))


def point_neg(a):
    return None if a is None else (a[0], (-a[1]) % P)


def point_mul(k, pt):
    """k * pt for any integer k (reduced mod n first, so n * pt is the identity)."""
    k %= N
    acc = None
    j = _to_jac(pt)
    for bit in bin(k)[2:] if k else "":
        acc = _jac_double(acc)
        if bit == "1":
            acc = _jac_add(acc, j)
    return _from_jac(acc)


def point_mul_unreduced(k, pt):
    """k * pt with k used as is (to check facts such as n * G = identity)."""
    acc = None
    j = _to_jac(pt)
    for bit in bin(k)[2:] if k > 0 else "":
        acc = _jac_double(acc)
        if bit == "1":
            acc = _jac_add(acc, j)
    return _from_jac(acc)


def base_mul(k):
    return point_mul(k, G)


def multi_add(points):
    acc = None
    for q in points:
        acc = _jac_add(acc, _to_jac(q))
    return _from_jac(acc)


# ---- SEC1 compressed encoding (point.h) ---------------------------------------------------------
IDENTITY_ENCODING = bytes(33)


def point_encode(pt):
    """33 bytes SEC1 compressed; the identity is 33 zero bytes."""
    if pt is None:
        return IDENTITY_ENCODING
    x, y = pt
    return bytes([2 + (y & 1)]) + be(x, 32)


def point_decode(b, allow_identity=False):
    """tsr_point_decode: length 33, identity (33 zero bytes) only if allowed, prefix 02/03,
    x < p, x^3 + 7 a square mod p. The reasons are checked in this order."""
    b = bytes(b)
    if len(b) != 33:
        raise Reject("TSR_ERR_ENCODING", Check.LENGTH)
    if b == IDENTITY_ENCODING:
        if allow_identity:
            return None
        raise Reject("TSR_ERR_RANGE", Check.POINT_IDENTITY)
    if b[0] not in (2, 3):
        raise Reject("TSR_ERR_ENCODING", Check.POINT_PREFIX)
    x = from_be(b[1:])
    if x >= P:
        raise Reject("TSR_ERR_ENCODING", Check.POINT_X_RANGE)
    y = fe_sqrt(x * x * x + B)
    if y is None:
        raise Reject("TSR_ERR_ENCODING", Check.POINT_NOT_ON_CURVE)
    if (y & 1) != (b[0] & 1):
        y = P - y
    return (x, y)


def lift_x(b32):
    """BIP340 lift_x (tsr_point_decode_xonly): the point with x = b32 and even y."""
    b32 = bytes(b32)
    if len(b32) != 32:
        raise Reject("TSR_ERR_ENCODING", Check.LENGTH)
    x = from_be(b32)
    if x >= P:
        raise Reject("TSR_ERR_ENCODING", Check.POINT_X_RANGE)
    y = fe_sqrt(x * x * x + B)
    if y is None:
        raise Reject("TSR_ERR_ENCODING", Check.POINT_NOT_ON_CURVE)
    return (x, y if y % 2 == 0 else P - y)


def xonly_encode(pt):
    if pt is None:
        raise Reject("TSR_ERR_RANGE", Check.POINT_IDENTITY)
    return be(pt[0], 32), pt[1] & 1


# ---- hashing (hash.h) ----------------------------------------------------------------------------
def sha256(b):
    return hashlib.sha256(bytes(b)).digest()


def tagged_hash(tag, msg):
    """BIP340: SHA256(SHA256(tag) || SHA256(tag) || msg)."""
    if isinstance(tag, str):
        tag = tag.encode()
    th = sha256(tag)
    return sha256(th + th + bytes(msg))


def xmd_dst_prime(dst):
    """DST' = DST || I2OSP(len(DST), 1), after the §5.3.3 oversize rule (DST over 255 bytes is
    replaced by SHA256("H2C-OVERSIZE-DST-" || DST))."""
    dst = bytes(dst)
    if len(dst) > 255:
        dst = sha256(b"H2C-OVERSIZE-DST-" + dst)
    return dst + bytes([len(dst)])


def xmd_msg_prime(msg, dst, length):
    """msg' = Z_pad || msg || I2OSP(len_in_bytes, 2) || I2OSP(0, 1) || DST' (§5.3.1 step 6)."""
    return bytes(64) + bytes(msg) + be(length, 2) + b"\x00" + xmd_dst_prime(dst)


def expand_message_xmd(msg, dst, length):
    """RFC 9380 §5.3.1 with SHA-256 (b_in_bytes = 32, s_in_bytes = 64), with the §5.3.3 rule for
    a DST over 255 bytes. Refuses length 0, length > 8160 (ell > 255) and an empty DST."""
    if length == 0 or length > 8160 or len(dst) == 0:
        raise Reject("TSR_ERR_ARG")
    ell = (length + 31) // 32
    assert ell <= 255
    dst_prime = xmd_dst_prime(dst)
    b0 = sha256(xmd_msg_prime(msg, dst, length))
    bi = sha256(b0 + b"\x01" + dst_prime)
    out = bi
    for i in range(2, ell + 1):
        bi = sha256(bytes(x ^ y for x, y in zip(b0, bi)) + bytes([i]) + dst_prime)
        out += bi
    return out[:length]


HTF_L = 48  # ceil((ceil(log2(n)) + 128) / 8)


def hash_to_field(msg, dst, count):
    """RFC 9380 §5.2 for the scalar field (modulus n, m = 1, L = 48)."""
    if count == 0 or count * HTF_L > 8160 or len(dst) == 0:
        raise Reject("TSR_ERR_ARG")
    u = expand_message_xmd(msg, dst, count * HTF_L)
    return [from_be(u[HTF_L * i:HTF_L * (i + 1)]) % N for i in range(count)]


# ---- Fiat-Shamir transcript (hash.h) ------------------------------------------------------------
TR_BYTES, TR_LABEL, TR_U64, TR_SCALAR, TR_POINT = 1, 2, 3, 4, 5
TRANSCRIPT_MAGIC = b"TSR-TRANSCRIPT-v1"


class Transcript:
    """The absorbed stream T:
      init:   "TSR-TRANSCRIPT-v1" || u32be(len(domain)) || domain || session32 || u32be(prover)
      append: u8(type) || u64be(len) || data
    challenge = reduce_be(SHA256(T || 00) || SHA256(T || 01)) mod n."""

    def __init__(self, domain, session32, prover):
        domain = bytes(domain)
        if len(domain) == 0 or len(domain) > 255:
            raise Reject("TSR_ERR_ARG")
        if len(session32) != 32:
            raise Reject("TSR_ERR_ARG")
        self.stream = TRANSCRIPT_MAGIC + be(len(domain), 4) + domain + bytes(session32) + be(prover, 4)

    def append(self, typ, data):
        data = bytes(data)
        self.stream += bytes([typ]) + be(len(data), 8) + data

    def append_label(self, label):
        self.append(TR_LABEL, label.encode("ascii") if isinstance(label, str) else label)

    def append_u64(self, v):
        self.append(TR_U64, be(v, 8))

    def append_scalar(self, a):
        self.append(TR_SCALAR, scalar_encode(a))

    def append_point(self, pt):
        self.append(TR_POINT, point_encode(pt))

    def challenge(self):
        return from_be(sha256(self.stream + b"\x00") + sha256(self.stream + b"\x01")) % N


def transcript_parse(stream):
    """Inverse of the transcript encoding: (domain, session32, prover, [(type, data), ...]).
    Exists to demonstrate injectivity (a parser that recovers every input)."""
    m = len(TRANSCRIPT_MAGIC)
    if stream[:m] != TRANSCRIPT_MAGIC:
        raise ValueError("magic")
    dl = from_be(stream[m:m + 4])
    pos = m + 4
    domain = stream[pos:pos + dl]
    pos += dl
    session = stream[pos:pos + 32]
    pos += 32
    prover = from_be(stream[pos:pos + 4])
    pos += 4
    if len(domain) != dl or len(session) != 32 or pos > len(stream):
        raise ValueError("truncated header")
    items = []
    while pos < len(stream):
        if pos + 9 > len(stream):
            raise ValueError("truncated item")
        typ = stream[pos]
        ln = from_be(stream[pos + 1:pos + 9])
        pos += 9
        if pos + ln > len(stream):
            raise ValueError("truncated data")
        items.append((typ, stream[pos:pos + ln]))
        pos += ln
    return domain, session, prover, items


# ---- Shamir sharing (sharing.h) ------------------------------------------------------------------
def ids_check(ids):
    """tsr_ids_check: 1 <= len <= MAX_PARTIES, ids non-zero, pairwise distinct."""
    if not 1 <= len(ids) <= MAX_PARTIES:
        raise Reject("TSR_ERR_ARG", Check.COUNT)
    for i in ids:
        if i % N == 0:
            raise Reject("TSR_ERR_ARG", Check.ID_ZERO)
    if len(set(i % N for i in ids)) != len(ids):
        raise Reject("TSR_ERR_ARG", Check.ID_DUPLICATE)


def poly_init(secret, t, rand):
    """tsr_poly_init: a[0] = secret, a[k] = reduce_be(rand[64(k-1) .. 64k]) for k = 1..t-1."""
    if not 1 <= t <= MAX_PARTIES:
        raise Reject("TSR_ERR_ARG", Check.THRESHOLD)
    if len(rand) != 64 * (t - 1):
        raise Reject("TSR_ERR_ARG", Check.LENGTH)
    return [secret % N] + [from_be(rand[64 * k:64 * (k + 1)]) % N for k in range(t - 1)]


def poly_eval(coeffs, x):
    acc = 0
    for a in reversed(coeffs):
        acc = (acc * x + a) % N
    return acc


def shamir_split(coeffs, ids):
    """tsr_shamir_split: checks 1 <= t <= n, then the ids; shares[i] = f(ids[i])."""
    t, n = len(coeffs), len(ids)
    if not 1 <= n <= MAX_PARTIES:
        raise Reject("TSR_ERR_ARG", Check.COUNT)
    if not 1 <= t <= n:
        raise Reject("TSR_ERR_ARG", Check.THRESHOLD)
    ids_check(ids)
    return [poly_eval(coeffs, i) for i in ids]


def lagrange_coeff(ids, i, x=0):
    """tsr_lagrange_coeff: prod_{j != i} (x - ids[j]) / (ids[i] - ids[j]) after the checks."""
    ids_check(ids)
    if not 0 <= i < len(ids):
        raise Reject("TSR_ERR_ARG", Check.ID_UNKNOWN)
    num, den = 1, 1
    for j, idj in enumerate(ids):
        if j != i:
            num = num * (x - idj) % N
            den = den * (ids[i] - idj) % N
    return num * scalar_inv(den) % N


def shamir_interpolate(ids, shares, x=0):
    ids_check(ids)
    if len(shares) != len(ids):
        raise Reject("TSR_ERR_ARG", Check.COUNT)
    return sum(lagrange_coeff(ids, i, x) * s for i, s in enumerate(shares)) % N


def shamir_reconstruct(ids, shares):
    return shamir_interpolate(ids, shares, 0)


# ---- VSS (sharing.h) -------------------------------------------------------------------------------
def feldman_commit(coeffs):
    return [base_mul(a) for a in coeffs]


def vss_eval(commitment, x):
    """sum_k C[k] x^k: the public image of f(x)."""
    acc = None
    for c in reversed(commitment):  # Horner in the group
        acc = point_add(point_mul(x, acc) if acc is not None else None, c)
    return acc


def _vss_precheck(commitment, ident):
    """Argument checks of the verifiers, in this order: id zero, then t out of range."""
    if ident % N == 0:
        raise Reject("TSR_ERR_ARG", Check.ID_ZERO)
    if not 1 <= len(commitment) <= MAX_PARTIES:
        raise Reject("TSR_ERR_ARG", Check.COUNT)


def feldman_verify(commitment, ident, share):
    """share*G == sum_k C[k] id^k, else TSR_ERR_VERIFY / TSR_CHECK_FELDMAN."""
    _vss_precheck(commitment, ident)
    if base_mul(share) != vss_eval(commitment, ident):
        raise Reject("TSR_ERR_VERIFY", Check.FELDMAN)


PEDERSEN_TAG = b"TSR-PEDERSEN-H-v1"


def pedersen_generator_attempts():
    """Yields (ctr, hash input, x bytes, point or Reject) for ctr = 0, 1, ...: x =
    SHA256("TSR-PEDERSEN-H-v1" || u32be(ctr)), H = lift_x(x) for the first valid x."""
    ctr = 0
    while True:
        inp = PEDERSEN_TAG + be(ctr, 4)
        xb = sha256(inp)
        try:
            yield ctr, inp, xb, lift_x(xb)
        except Reject as e:
            yield ctr, inp, xb, e
        ctr += 1


def pedersen_generator():
    """Returns (H, ctr)."""
    for ctr, _inp, _xb, res in pedersen_generator_attempts():
        if not isinstance(res, Reject):
            return res, ctr
    raise AssertionError("unreachable")


_H_CACHE = []


def pedersen_h():
    if not _H_CACHE:
        _H_CACHE.append(pedersen_generator()[0])
    return _H_CACHE[0]


def pedersen_commit(f, r):
    if len(f) != len(r) or not 1 <= len(f) <= MAX_PARTIES:
        raise Reject("TSR_ERR_ARG")  # tsr_pedersen_commit has no reason output
    h = pedersen_h()
    return [point_add(base_mul(a), point_mul(b, h)) for a, b in zip(f, r)]


def pedersen_verify(commitment, ident, share, blind):
    """share*G + blind*H == sum_k C[k] id^k, else TSR_ERR_VERIFY / TSR_CHECK_PEDERSEN."""
    _vss_precheck(commitment, ident)
    lhs = point_add(base_mul(share), point_mul(blind, pedersen_h()))
    if lhs != vss_eval(commitment, ident):
        raise Reject("TSR_ERR_VERIFY", Check.PEDERSEN)


# ---- encodings (sharing.h) --------------------------------------------------------------------------
def commitment_encode(commitment):
    """u16be(t) || t compressed points."""
    t = len(commitment)
    if not 1 <= t <= MAX_PARTIES:
        raise Reject("TSR_ERR_ARG")  # tsr_vss_commitment_encode has no reason output
    return be(t, 2) + b"".join(point_encode(c) for c in commitment)


def commitment_decode(b, expected_t):
    """tsr_vss_commitment_decode. Checks in this order, the first failure being the reason:
      expected_t not in 1..MAX_PARTIES -> TSR_ERR_ARG / THRESHOLD (a caller error);
      fewer than 2 bytes -> TRUNCATED; count not in 1..MAX_PARTIES -> COUNT (an oversize count
      is refused before it is used); count != expected_t -> COMMITMENT_COUNT; fewer than
      2 + 33 count bytes -> TRUNCATED; more -> TRAILING (these are TSR_ERR_ENCODING); then each
      point in order, as point_decode without the identity (its own error and check)."""
    b = bytes(b)
    if not 1 <= expected_t <= MAX_PARTIES:
        raise Reject("TSR_ERR_ARG", Check.THRESHOLD)
    if len(b) < 2:
        raise Reject("TSR_ERR_ENCODING", Check.TRUNCATED)
    count = from_be(b[:2])
    if not 1 <= count <= MAX_PARTIES:
        raise Reject("TSR_ERR_ENCODING", Check.COUNT)
    if count != expected_t:
        raise Reject("TSR_ERR_ENCODING", Check.COMMITMENT_COUNT)
    need = 2 + 33 * count
    if len(b) < need:
        raise Reject("TSR_ERR_ENCODING", Check.TRUNCATED)
    if len(b) > need:
        raise Reject("TSR_ERR_ENCODING", Check.TRAILING)
    return [point_decode(b[2 + 33 * k:2 + 33 * (k + 1)]) for k in range(count)]


def share_encode(ident, value):
    return scalar_encode(ident) + scalar_encode(value)


def share_decode(b):
    """tsr_share_decode: 64 bytes; id < n and non-zero; value < n."""
    b = bytes(b)
    if len(b) != 64:
        raise Reject("TSR_ERR_ENCODING", Check.LENGTH)
    ident = scalar_decode(b[:32])
    if ident == 0:
        raise Reject("TSR_ERR_RANGE", Check.ID_ZERO)
    value = scalar_decode(b[32:])
    return ident, value


# ---- BIP340 Schnorr signatures ---------------------------------------------------------------------
def bip340_pubkey(seckey):
    d = from_be(seckey)
    if not 1 <= d < N:
        raise ValueError("secret key out of range")
    return be(base_mul(d)[0], 32)


def bip340_sign(seckey, msg, aux_rand):
    d0 = from_be(seckey)
    if not 1 <= d0 < N:
        raise ValueError("secret key out of range")
    pt = base_mul(d0)
    d = d0 if pt[1] % 2 == 0 else N - d0
    t = be(d ^ from_be(tagged_hash("BIP0340/aux", aux_rand)), 32)
    k0 = from_be(tagged_hash("BIP0340/nonce", t + be(pt[0], 32) + msg)) % N
    if k0 == 0:
        raise ValueError("k = 0")
    r = base_mul(k0)
    k = k0 if r[1] % 2 == 0 else N - k0
    e = from_be(tagged_hash("BIP0340/challenge", be(r[0], 32) + be(pt[0], 32) + msg)) % N
    return be(r[0], 32) + be((k + e * d) % N, 32)


def bip340_verify(pubkey32, msg, sig):
    try:
        pt = lift_x(pubkey32)
    except Reject:
        return False
    if len(sig) != 64:
        return False
    r, s = from_be(sig[:32]), from_be(sig[32:])
    if r >= P or s >= N:
        return False
    e = from_be(tagged_hash("BIP0340/challenge", sig[:32] + bytes(pubkey32) + msg)) % N
    rr = point_add(base_mul(s), point_neg(point_mul(e, pt)))
    if rr is None or rr[1] % 2 != 0 or rr[0] != r:
        return False
    return True
