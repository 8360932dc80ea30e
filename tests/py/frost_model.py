"""Independent Python model of Tessera's FROST layer (stdlib only): RFC 9591 FROST(secp256k1,
SHA-256), the ZcashFoundation BIP340/Taproot suite FROST-secp256k1-SHA256-TR-v1 (with the
Taproot tweak), the FROST KeyGen (PedPoP) proof of knowledge as ZF defines it, Tessera's DKG
(session-bound PoK, CertEq hash, signed shares, certificate), and the BIP 445 draft "FROST
signing for BIP340" (siv2r/bip-frost-signing, vectors @ 29467acc).

Written from the public specifications (RFC 9591 §3-§5 and Appendix C, the ZF crates' hash and
even-y rules, the BIP 445 draft text and its pinned vectors, BIP340/BIP341) and Tessera's own
spec/frost.md, spec/dkg.md and public headers. It never looks at Tessera's C code. Primitives
(curve, hashes, hash_to_field, Lagrange, BIP340) come from tessera_model.

Conventions as in tessera_model: scalars are ints, points are None (identity) or (x, y); suites
are the wire suite bytes SUITE_PLAIN (1) and SUITE_TR (2). A Tessera-style refusal raises
FrostReject(err, check) with check the numeric tsr_check id (common.h; ids 24.. are the FROST/DKG
checks, named in CHECK below). BIP 445 refusals raise BipValueError / BipContribError, which carry
the error kind and message of the draft's reference code, so the vector files can be compared.
"""

import tessera_model as m
from tessera_model import N, G

# ---- suites ------------------------------------------------------------------------------------
SUITE_PLAIN = 1  # TSR_SUITE_SECP256K1_SHA256
SUITE_TR = 2     # TSR_SUITE_SECP256K1_TR
CONTEXT = {
    SUITE_PLAIN: b"FROST-secp256k1-SHA256-v1",
    SUITE_TR: b"FROST-secp256k1-SHA256-TR-v1",
}
SUITE_NAMES = {"secp256k1": SUITE_PLAIN, "secp256k1-tr": SUITE_TR}
MAX_PARTIES = m.MAX_PARTIES


def sig_len(suite):
    """tsr_frost_sig_len: 65 (R compressed || z) or 64 (BIP340), 0 for an unknown suite."""
    return {SUITE_PLAIN: 65, SUITE_TR: 64}.get(suite, 0)


# ---- check ids (common.h, append-only) and refusals ---------------------------------------------
CHECK = {c.name: int(c) for c in m.Check}
CHECK.update({
    "POK": 24,
    "EQUIVOCATION": 25,
    "FALSE_COMPLAINT": 26,
    "MISSING": 27,
    "SIGNATURE_SHARE": 28,
    "SIGNATURE": 29,
    "ID_ORDER": 30,
    "OWN_COMMITMENT": 31,
    "SIGNER_COUNT": 32,
    "CERTIFICATE": 33,
    "TWEAK": 34,
    "DUPLICATE_CONTRIBUTION": 35,
})
CHECK_BY_ID = {v: k for k, v in CHECK.items()}
CULPRIT_NONE = 0
CULPRIT_COORDINATOR = 0xFFFFFFFF
PHASE_SIGN = 3       # TSR_PHASE_SIGN
PHASE_AGGREGATE = 4  # TSR_PHASE_AGGREGATE


class FrostReject(Exception):
    """A refusal: err is the error code name, check the tsr_check id (int); culprit, phase and
    round form the blame record (culprit an id, CULPRIT_NONE or CULPRIT_COORDINATOR) when the
    function names one (None otherwise)."""

    def __init__(self, err, check, culprit=None, phase=None, round_=None):
        super().__init__("%s (%s)" % (err, CHECK_BY_ID.get(int(check), check)))
        self.err = err
        self.check = int(check)
        self.culprit = culprit
        self.phase = phase
        self.round = round_

    def blame(self):
        return (self.culprit, self.phase, self.round, self.check)


def frejects(fn, *args, **kwargs):
    """Runs fn; returns (err, check id) for a FrostReject or a tessera_model Reject, else None."""
    try:
        fn(*args, **kwargs)
    except FrostReject as e:
        return (e.err, e.check)
    except m.Reject as e:
        return (e.err, int(e.check))
    return None


# ---- small helpers ---------------------------------------------------------------------------------
ser_scalar = m.scalar_encode
ser_point = m.point_encode  # identity -> 33 zero bytes (never serialized in FROST proper)


def x_bytes(pt):
    return m.be(pt[0], 32)


def has_even_y(pt):
    return pt is not None and pt[1] % 2 == 0


def with_even_y(pt):
    return pt if pt is None or has_even_y(pt) else m.point_neg(pt)


def gmul(k):
    return m.base_mul(k % N)


def int_mod_n(b32):
    return m.from_be(b32) % N


# ---- RFC 9591 §6.5 hash functions (and the ZF TR suite) -------------------------------------------
def H1(suite, msg):
    return m.hash_to_field(msg, CONTEXT[suite] + b"rho", 1)[0]


def H2(suite, msg):
    """Plain: hash_to_field with DST context||"chal". TR: BIP340's challenge hash, the 32-byte
    tagged hash "BIP0340/challenge" read big-endian and reduced mod n."""
    if suite == SUITE_TR:
        return int_mod_n(m.tagged_hash("BIP0340/challenge", msg))
    return m.hash_to_field(msg, CONTEXT[suite] + b"chal", 1)[0]


def H3(suite, msg):
    return m.hash_to_field(msg, CONTEXT[suite] + b"nonce", 1)[0]


def H4(suite, msg):
    return m.sha256(CONTEXT[suite] + b"msg" + bytes(msg))


def H5(suite, msg):
    return m.sha256(CONTEXT[suite] + b"com" + bytes(msg))


def HDKG(suite, msg):
    """ZF's DKG proof-of-knowledge hash: hash_to_field with DST context||"dkg"."""
    return m.hash_to_field(msg, CONTEXT[suite] + b"dkg", 1)[0]


# ---- trusted dealer (RFC 9591 Appendix C) ---------------------------------------------------------
def secret_share_shard(secret, coefficients, max_participants):
    """Appendix C.1: f = secret + a1 x + ... ; returns ([(id, f(id)) for id in 1..MAX], coeffs)."""
    coeffs = [secret % N] + [c % N for c in coefficients]
    return [(i, m.poly_eval(coeffs, i)) for i in range(1, max_participants + 1)], coeffs


def vss_commit(coeffs):
    return [gmul(a) for a in coeffs]


def vss_verify(share_id, share, commitment):
    """Appendix C.2: share * G == sum_k C[k] id^k."""
    return gmul(share) == m.vss_eval(commitment, share_id)


def derive_group_info(max_participants, commitment):
    """Appendix C.2: PK = C[0]; PK_i = sum_k C[k] i^k for i in 1..MAX."""
    return commitment[0], [m.vss_eval(commitment, i) for i in range(1, max_participants + 1)]


def trusted_dealer_keygen(secret, coefficients, max_participants):
    """Appendix C with the randomness given: (shares [(id, sk_i)], PK, commitment)."""
    shares, coeffs = secret_share_shard(secret, coefficients, max_participants)
    commitment = vss_commit(coeffs)
    return shares, commitment[0], commitment


class KeyPkg:
    """A signer's key package (frost.h tsr_frost_keypkg): suite, id, share, PK_i, PK."""

    def __init__(self, suite, ident, share, verifying_share, group_key):
        self.suite, self.id, self.share = suite, ident, share % N
        self.verifying_share, self.group_key = verifying_share, group_key

    def __repr__(self):  # never prints the share
        return "KeyPkg(suite=%d, id=%d)" % (self.suite, self.id)


def keygen_dealer(suite, t, n, secret=None, rand=b""):
    """tsr_frost_keygen_dealer (spec/frost.md §4.1): 2 <= t <= n <= MAX; f(0) = secret, or
    reduce_be(rand[0:64]) when secret is None; the t-1 further coefficients are reduce_be of the
    following 64-byte blocks (tsr_poly_init); PK the identity is refused. Returns (pkgs for ids
    1..n, PK, commitment). (The check ids of these TSR_ERR_ARG refusals are the model's own.)"""
    if suite not in CONTEXT:
        raise FrostReject("TSR_ERR_ARG", CHECK["SUITE"])
    if not 1 <= n <= MAX_PARTIES:
        raise FrostReject("TSR_ERR_ARG", CHECK["COUNT"])
    if not 2 <= t <= n:
        raise FrostReject("TSR_ERR_ARG", CHECK["THRESHOLD"])
    rand = bytes(rand)
    if secret is None:
        if len(rand) != 64 * t:
            raise FrostReject("TSR_ERR_ARG", CHECK["LENGTH"])
        secret, rand = m.from_be(rand[:64]) % N, rand[64:]
    elif len(rand) != 64 * (t - 1):
        raise FrostReject("TSR_ERR_ARG", CHECK["LENGTH"])
    coeffs = m.poly_init(secret, t, rand)
    if coeffs[0] == 0:
        raise FrostReject("TSR_ERR_ARG", CHECK["POINT_IDENTITY"])
    shares, pk, commitment = trusted_dealer_keygen(coeffs[0], coeffs[1:], n)
    pkgs = [KeyPkg(suite, i, s, gmul(s), pk) for i, s in shares]
    return pkgs, pk, commitment


# ---- round one (RFC 9591 §4.1, §5.1) -------------------------------------------------------------
def nonce_generate(suite, rand32, secret):
    """§4.1: H3(random_bytes(32) || SerializeScalar(secret))."""
    assert len(rand32) == 32
    return H3(suite, bytes(rand32) + ser_scalar(secret % N))


class Commitment:
    """(identifier, D, E): public. Compared by value."""

    def __init__(self, ident, hiding, binding):
        self.id, self.hiding, self.binding = ident, hiding, binding

    def __eq__(self, other):
        return (self.id, self.hiding, self.binding) == (other.id, other.hiding, other.binding)

    def __repr__(self):
        return "Commitment(%d)" % self.id


class Nonce:
    """Secret nonces (d, e) with their commitment; consumed by sign (TSR_ERR_STATE afterwards)."""

    def __init__(self, hiding, binding, commitment):
        self.hiding, self.binding, self.commitment = hiding, binding, commitment
        self.fresh = True

    def __repr__(self):
        return "Nonce(fresh=%s)" % self.fresh


def commit(key, rand64):
    """§5.1: d = nonce_generate(rand[0:32], sk), e = nonce_generate(rand[32:64], sk); D = dG, E = eG.
    A half of rand64 that is all zero is refused (spec/frost.md §5)."""
    rand64 = bytes(rand64)
    if len(rand64) != 64 or rand64[:32] == bytes(32) or rand64[32:] == bytes(32):
        raise FrostReject("TSR_ERR_ARG", CHECK["NONE"])
    d = nonce_generate(key.suite, rand64[:32], key.share)
    e = nonce_generate(key.suite, rand64[32:], key.share)
    c = Commitment(key.id, gmul(d), gmul(e))
    return Nonce(d, e, c), c


# ---- commitment list checks (RFC 9591 §5.2/§5.3 input checks, frost.h) ----------------------------
def check_commitment_list(clist, t_min=0):
    """tsr_frost_check_commitment_list (spec/frost.md §6.1), first failure wins:
    L1 1 <= k <= MAX and k >= t_min (SIGNER_COUNT, no culprit); then entry by entry: L2 id != 0
    (ID_ZERO), L3 id <= MAX (SENDER), both without culprit; L4 id != previous (ID_DUPLICATE),
    L5 id > previous (ID_ORDER), L6 D, E not the identity (TSR_ERR_RANGE, POINT_IDENTITY), each
    naming that id. Blame phase SIGN, round 1."""
    k = len(clist)
    if not max(1, t_min) <= k <= MAX_PARTIES:
        raise FrostReject("TSR_ERR_ARG", CHECK["SIGNER_COUNT"], CULPRIT_NONE, PHASE_SIGN, 1)
    prev = 0
    for c in clist:
        if c.id == 0:
            raise FrostReject("TSR_ERR_ARG", CHECK["ID_ZERO"], CULPRIT_NONE, PHASE_SIGN, 1)
        if c.id > MAX_PARTIES:
            raise FrostReject("TSR_ERR_ARG", CHECK["SENDER"], CULPRIT_NONE, PHASE_SIGN, 1)
        if c.id == prev:
            raise FrostReject("TSR_ERR_ARG", CHECK["ID_DUPLICATE"], c.id, PHASE_SIGN, 1)
        if c.id < prev:
            raise FrostReject("TSR_ERR_ARG", CHECK["ID_ORDER"], c.id, PHASE_SIGN, 1)
        if c.hiding is None or c.binding is None:
            raise FrostReject("TSR_ERR_RANGE", CHECK["POINT_IDENTITY"], c.id, PHASE_SIGN, 1)
        prev = c.id


# ---- binding factors, group commitment, challenge (RFC 9591 §4.2-§4.6) ----------------------------
def encode_group_commitment_list(clist):
    """§4.3: SerializeScalar(id) || SerializeElement(D) || SerializeElement(E) for each entry."""
    return b"".join(ser_scalar(c.id) + ser_point(c.hiding) + ser_point(c.binding) for c in clist)


def signing_group_key(suite, group_key):
    """The group key as the signing algorithms see it: the TR suite takes it with even y (ZF's
    pre_sign / pre_aggregate), so the binding factor input and the challenge use that point."""
    return with_even_y(group_key) if suite == SUITE_TR else group_key


def binding_factor_input(suite, group_key, clist, msg, ident):
    """§4.4 rho_input: SerializeElement(PK) || H4(msg) || H5(encode(list)) || SerializeScalar(id)."""
    pk = signing_group_key(suite, group_key)
    return ser_point(pk) + H4(suite, msg) + H5(suite, encode_group_commitment_list(clist)) + ser_scalar(ident)


def compute_binding_factors(suite, group_key, clist, msg):
    """§4.4: {id: (rho, rho_input)} for each entry of the list."""
    out = {}
    for c in clist:
        inp = binding_factor_input(suite, group_key, clist, msg, c.id)
        out[c.id] = (H1(suite, inp), inp)
    return out


def compute_group_commitment(clist, rhos):
    """§4.5: R = sum D_i + rho_i E_i; the identity is refused (TSR_ERR_RANGE)."""
    r = m.multi_add([m.point_add(c.hiding, m.point_mul(rhos[c.id], c.binding)) for c in clist])
    if r is None:
        raise FrostReject("TSR_ERR_RANGE", CHECK["POINT_IDENTITY"], CULPRIT_NONE, PHASE_SIGN, 2)
    return r


def compute_challenge(suite, r, group_key, msg):
    """§4.6: plain H2(ser(R) || ser(PK) || msg); TR H2(x(R) || x(PK) || msg) (BIP340)."""
    if r is None or group_key is None:
        raise FrostReject("TSR_ERR_ARG", CHECK["POINT_IDENTITY"])
    pk = signing_group_key(suite, group_key)
    if suite == SUITE_TR:
        return H2(suite, x_bytes(r) + x_bytes(pk) + bytes(msg))
    return H2(suite, ser_point(r) + ser_point(pk) + bytes(msg))


def derive_interpolating_value(ids, ident):
    """§4.2: lambda_i at 0 over the list's ids; an id not in the list is ID_UNKNOWN."""
    if ident not in ids:
        raise FrostReject("TSR_ERR_ARG", CHECK["ID_UNKNOWN"])
    return m.lagrange_coeff(list(ids), list(ids).index(ident))


class SigningSession:
    """Everything round two derives from (PK, list, msg): rho_i (and its input), R, c, and the
    TR suite's parities. Public."""

    def __init__(self, suite, group_key, clist, msg):
        self.suite, self.msg, self.clist = suite, bytes(msg), list(clist)
        self.group_key = group_key
        self.pk = signing_group_key(suite, group_key)
        self.pk_negated = suite == SUITE_TR and not has_even_y(group_key)
        self.bf = compute_binding_factors(suite, group_key, clist, msg)
        self.rho = {i: v[0] for i, v in self.bf.items()}
        self.r = compute_group_commitment(clist, self.rho)
        self.r_negated = suite == SUITE_TR and not has_even_y(self.r)
        self.c = compute_challenge(suite, self.r, group_key, msg)
        self.ids = [c.id for c in clist]

    def lam(self, ident):
        return derive_interpolating_value(self.ids, ident)

    def commitment_share(self, ident):
        """R_i = D_i + rho_i E_i (TR: negated when R has odd y)."""
        c = next(x for x in self.clist if x.id == ident)
        ri = m.point_add(c.hiding, m.point_mul(self.rho[ident], c.binding))
        return m.point_neg(ri) if self.r_negated else ri


# ---- round two, sign (RFC 9591 §5.2; TR even-y rules) --------------------------------------------
def sign(nonce, key, clist, msg):
    """tsr_frost_sign: consumes the nonce whatever the outcome (a second use is TSR_ERR_STATE),
    checks the list (t_min = 1; blame: the coordinator) and that the signer's own commitment is in
    it unchanged (OWN_COMMITMENT). z = d + e rho + lambda sk c; the TR suite negates d, e when R
    has odd y and sk when PK has odd y. Returns z."""
    if not nonce.fresh:
        raise FrostReject("TSR_ERR_STATE", CHECK["NONE"])
    nonce.fresh = False
    d, e = nonce.hiding, nonce.binding
    nonce.hiding = nonce.binding = 0
    if key.suite not in CONTEXT:
        raise FrostReject("TSR_ERR_ARG", CHECK["SUITE"])
    try:
        check_commitment_list(clist, 1)
    except FrostReject as ex:
        raise FrostReject(ex.err, ex.check, CULPRIT_COORDINATOR, PHASE_SIGN, 2)
    own = [c for c in clist if c.id == key.id]
    if not own or own[0] != nonce.commitment:
        raise FrostReject("TSR_ERR_ARG", CHECK["OWN_COMMITMENT"], CULPRIT_COORDINATOR, PHASE_SIGN, 2)
    s = SigningSession(key.suite, key.group_key, clist, msg)
    sk = key.share
    if s.pk_negated:
        sk = N - sk
    if s.r_negated:
        d, e = N - d, N - e
    return (d + e * s.rho[key.id] + s.lam(key.id) * sk * s.c) % N


def verify_signature_share(suite, ident, z, verifying_share, clist, group_key, msg, session=None):
    """§5.4: z_i G == R_i + (c lambda_i) PK_i, with the TR suite's negations (R_i when R is odd,
    PK_i when PK is odd). Returns True/False (list assumed checked)."""
    s = session or SigningSession(suite, group_key, clist, msg)
    pki = m.point_neg(verifying_share) if s.pk_negated else verifying_share
    rhs = m.point_add(s.commitment_share(ident), m.point_mul(s.c * s.lam(ident) % N, pki))
    return gmul(z) == rhs


def aggregate_raw(suite, clist, zs, group_key, msg):
    """§5.3: z = sum z_i; plain sig = ser(R) || z (65 bytes), TR sig = x(R) || z (64 bytes)."""
    s = SigningSession(suite, group_key, clist, msg)
    z = sum(zs) % N
    if suite == SUITE_TR:
        return x_bytes(s.r) + ser_scalar(z)
    return ser_point(s.r) + ser_scalar(z)


def aggregate(suite, clist, shares, vshares, group_key, msg):
    """tsr_frost_aggregate: shares[i] = (id, z) must belong to clist[i].id (else MISSING naming
    the list's id). Computes and verifies the signature; only when it fails are the shares
    verified one by one. Returns (sig, []) or (None, [culprit ids])."""
    if suite not in CONTEXT or group_key is None:
        raise FrostReject("TSR_ERR_ARG", CHECK["NONE"])
    check_commitment_list(clist, 1)
    for c, (ident, _z) in zip(clist, shares):
        if ident != c.id:
            raise FrostReject("TSR_ERR_ARG", CHECK["MISSING"], c.id, PHASE_AGGREGATE, 2)
    if len(shares) != len(clist) or len(vshares) != len(clist):
        raise FrostReject("TSR_ERR_ARG", CHECK["MISSING"], CULPRIT_NONE, PHASE_AGGREGATE, 2)
    sig = aggregate_raw(suite, clist, [z for _i, z in shares], group_key, msg)
    if verify(suite, sig, group_key, msg):
        return sig, []
    s = SigningSession(suite, group_key, clist, msg)
    culprits = [ident for (ident, z), vs in zip(shares, vshares)
                if not verify_signature_share(suite, ident, z, vs, clist, group_key, msg, s)]
    return None, culprits


def verify(suite, sig, group_key, msg):
    """RFC 9591 §6 verify (plain: z G == R + c PK) or BIP340 verify under x(PK) (TR)."""
    sig, msg = bytes(sig), bytes(msg)
    if len(sig) != sig_len(suite):
        return False
    if suite == SUITE_TR:
        return m.bip340_verify(x_bytes(group_key), msg, sig)
    try:
        r = m.point_decode(sig[:33])
        z = m.scalar_decode(sig[33:])
    except m.Reject:
        return False
    c = compute_challenge(suite, r, group_key, msg)
    return gmul(z) == m.point_add(r, m.point_mul(c, group_key))


def verify_result(suite, sig, group_key, msg):
    """tsr_frost_verify's verdict (spec/frost.md §10): None when valid, else (err, check).
    Unknown suite / PK identity: TSR_ERR_ARG; wrong length: TSR_ERR_ENCODING (LENGTH); R not a
    valid encoding (plain: strict point decode, identity refused; TR: x < p on the curve) or
    z >= n: TSR_ERR_ENCODING with the decoder's check; else TSR_ERR_VERIFY (SIGNATURE). The check
    ids after the length are the model's reading of §10, which names only the codes."""
    sig, msg = bytes(sig), bytes(msg)
    if suite not in CONTEXT or group_key is None:
        return ("TSR_ERR_ARG", CHECK["NONE"])
    if len(sig) != sig_len(suite):
        return ("TSR_ERR_ENCODING", CHECK["LENGTH"])
    try:
        if suite == SUITE_TR:
            m.lift_x(sig[:32])
        else:
            m.point_decode(sig[:33])
    except m.Reject as e:
        return ("TSR_ERR_ENCODING", int(e.check))
    if m.from_be(sig[-32:]) >= N:
        return ("TSR_ERR_ENCODING", CHECK["SCALAR_RANGE"])
    return None if verify(suite, sig, group_key, msg) else ("TSR_ERR_VERIFY", CHECK["SIGNATURE"])


def keypkg_set(suite, ident, share, verifying_share, group_key):
    """tsr_frost_keypkg_set (§4.2): known suite, id in 1..MAX, PK not the identity (TSR_ERR_ARG);
    share*G must equal the given verifying share (TSR_ERR_VERIFY), or becomes it."""
    if suite not in CONTEXT or not 1 <= ident <= MAX_PARTIES or group_key is None:
        raise FrostReject("TSR_ERR_ARG", CHECK["NONE"])
    vs = gmul(share)
    if verifying_share is not None and verifying_share != vs:
        raise FrostReject("TSR_ERR_VERIFY", CHECK["NONE"])
    return KeyPkg(suite, ident, share, vs, group_key)


def sign_all(keys, group_key, signer_ids, msg, rand_for):
    """Helper for tests: runs round one and two for the signers; returns (clist, [(id, z)])."""
    byid = {k.id: k for k in keys}
    nonces, clist = {}, []
    for i in sorted(signer_ids):
        nonces[i], c = commit(byid[i], rand_for(i))
        clist.append(c)
    shares = [(i, sign(nonces[i], byid[i], clist, msg)) for i in sorted(signer_ids)]
    return clist, shares


# ---- Taproot tweak (BIP341; frost.h tsr_frost_keypkg_tweak / tsr_frost_pubkey_tweak) -------------
def taproot_tweak_scalar(group_key, merkle_root=None):
    """t = int(tagged_hash("TapTweak", x(P) || merkle_root)), merkle_root None meaning empty.
    t >= n is refused (TSR_ERR_RANGE, TWEAK); t is NOT reduced."""
    root = b"" if merkle_root is None else bytes(merkle_root)
    t = m.from_be(m.tagged_hash("TapTweak", x_bytes(group_key) + root))
    if t >= N:
        raise FrostReject("TSR_ERR_RANGE", CHECK["TWEAK"])
    return t


def pubkey_tweak(group_key, vshares, merkle_root=None):
    """P = with_even_y(PK); PK' = P + tG; PK_i' = (+-)PK_i + tG (negated when PK had odd y)."""
    t = taproot_tweak_scalar(group_key, merkle_root)
    neg = not has_even_y(group_key)
    tg = gmul(t)
    pk2 = m.point_add(with_even_y(group_key), tg)
    if pk2 is None:
        raise FrostReject("TSR_ERR_RANGE", CHECK["TWEAK"])
    vs2 = [m.point_add(m.point_neg(v) if neg else v, tg) for v in vshares]
    return pk2, vs2


def keypkg_tweak(key, merkle_root=None):
    """share' = (+-)share + t, with PK' and PK_i' as in pubkey_tweak (TR suite only)."""
    if key.suite != SUITE_TR:
        raise FrostReject("TSR_ERR_ARG", CHECK["SUITE"])
    t = taproot_tweak_scalar(key.group_key, merkle_root)
    neg = not has_even_y(key.group_key)
    share = ((N - key.share) if neg else key.share) + t
    pk2, (vs2,) = pubkey_tweak(key.group_key, [key.verifying_share], merkle_root)
    return KeyPkg(key.suite, key.id, share % N, vs2, pk2)


# ---- DKG proof of knowledge (FROST KeyGen round 1; ZF's challenge; Tessera's session binding) ----
def pok_challenge(suite, ident, c0, r, session32=None):
    """c = H_DKG(SerializeScalar(id) || ser(C0) || ser(R) [|| session32]) with DST
    context || "dkg". Without session32 it is ZF's form (used by their vectors)."""
    pre = ser_scalar(ident) + ser_point(c0) + ser_point(r)
    if session32 is not None:
        assert len(session32) == 32
        pre += bytes(session32)
    return HDKG(suite, pre)


def pok_prove(suite, ident, a0, k, session32=None):
    """R = kG (TR: k negated when R has odd y, so R is even), mu = k + a0 c. Returns (R, mu).
    k = 0 or a0 = 0 (an identity C0) is refused (TSR_ERR_ARG)."""
    if k % N == 0 or a0 % N == 0:
        raise FrostReject("TSR_ERR_ARG", CHECK["NONE"])
    r = gmul(k)
    if suite == SUITE_TR and not has_even_y(r):
        k, r = N - k, m.point_neg(r)
    c = pok_challenge(suite, ident, gmul(a0), r, session32)
    return r, (k + a0 * c) % N


def pok_verify(suite, ident, c0, r, mu, session32=None):
    """R == mu G - c C0; an identity R or C0, and in the TR suite an odd-y R, are refused."""
    if r is None or c0 is None or suite not in CONTEXT:
        return False
    if suite == SUITE_TR and not has_even_y(r):
        return False
    c = pok_challenge(suite, ident, c0, r, session32)
    return r == m.point_add(gmul(mu), m.point_neg(m.point_mul(c, c0)))


def pok_encode(suite, r, mu):
    """ZF's serialization: plain R (33) || mu; TR x(R) (32) || mu (R must be even)."""
    if suite == SUITE_TR:
        assert has_even_y(r)
        return x_bytes(r) + ser_scalar(mu)
    return ser_point(r) + ser_scalar(mu)


def pok_decode(suite, b):
    b = bytes(b)
    if suite == SUITE_TR:
        if len(b) != 64:
            raise FrostReject("TSR_ERR_ENCODING", CHECK["LENGTH"])
        return m.lift_x(b[:32]), m.scalar_decode(b[32:])
    if len(b) != 65:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["LENGTH"])
    return m.point_decode(b[:33]), m.scalar_decode(b[33:])


def dkg_finish(suite, ident, commitments, received):
    """FROST KeyGen round 2 for party ident: commitments {j: C_j}, received {j: f_j(ident)}
    (its own included). Feldman-checks each share, s = sum f_j(ident); PK = sum C_j[0];
    PK_l = sum_j C_j(l). Returns (s, PK_ident, PK, {l: PK_l})."""
    for j, f in received.items():
        if m.base_mul(f) != m.vss_eval(commitments[j], ident):
            raise FrostReject("TSR_ERR_VERIFY", CHECK["FELDMAN"], j)
    s = sum(received.values()) % N
    pk = m.multi_add([c[0] for c in commitments.values()])
    t = len(next(iter(commitments.values())))
    summed = [m.multi_add([c[k] for c in commitments.values()]) for k in range(t)]
    vshares = {l: m.vss_eval(summed, l) for l in received}
    vshares[ident] = m.vss_eval(summed, ident)
    return s, gmul(s), pk, vshares


# =================================================================================================
# BIP 445 draft: FROST signing for BIP340 (ids are 0-based; u signers out of n; t threshold)
# =================================================================================================
# The tag prefix of the draft's tagged hashes at the pinned commit ("BIP0445/aux", "BIP0445/nonce",
# "BIP0445/noncecoef", "BIP0445/deterministic/nonce"); earlier drafts used "FROST/".
BIP_TAG = "BIP0445/"


class BipValueError(Exception):
    """The draft's ValueError: a precondition of the function is not met."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class BipContribError(Exception):
    """The draft's InvalidContributionError: signer_index (None: the coordinator) and contrib."""

    def __init__(self, signer_index, contrib):
        super().__init__("%s from %s" % (contrib, signer_index))
        self.signer_index = signer_index
        self.contrib = contrib


def cpoint(b):
    """Compressed point, not the identity; any defect is a ValueError-like failure (None)."""
    try:
        return m.point_decode(bytes(b))
    except m.Reject:
        return None


def cpoint_ext(b):
    """As cpoint, but 33 zero bytes is the identity. Returns (ok, point)."""
    b = bytes(b)
    if b == bytes(33):
        return True, None
    pt = cpoint(b)
    return pt is not None, pt


def cbytes_ext(pt):
    return bytes(33) if pt is None else ser_point(pt)


def bip_lambda(ids, my_id):
    """DeriveInterpolatingValue with 0-based ids: x-coordinates are id + 1."""
    num, den = 1, 1
    for i in ids:
        if i != my_id:
            num = num * (i + 1) % N
            den = den * (i - my_id) % N
    return num * m.scalar_inv(den) % N


def bip_derive_thresh_pubkey(ids, points):
    return m.multi_add([m.point_mul(bip_lambda(ids, i), pt) for i, pt in zip(ids, points)])


def bip_validate_signers_ctx(n, t, ids, pubshares, thresh_pk):
    if t < 1 or t > n:
        raise BipValueError("The threshold must be 1 <= t <= n.")
    if not t <= len(ids) <= n:
        raise BipValueError("The number of signers must be between t and n.")
    if len(pubshares) != len(ids):
        raise BipValueError("The pubshares and ids arrays must have the same length.")
    points = []
    for idx, (i, ps) in enumerate(zip(ids, pubshares)):
        if not 0 <= i <= n - 1:
            raise BipValueError("The participant identifier at index %d is out of range." % idx)
        pt = cpoint(ps)
        if pt is None:
            raise BipValueError("Invalid pubshare at index %d." % idx)
        points.append(pt)
    if len(set(ids)) != len(ids):
        raise BipValueError("The participant identifier list contains duplicate elements.")
    q = bip_derive_thresh_pubkey(ids, points)
    if q is None or ser_point(q) != bytes(thresh_pk):
        raise BipValueError("The provided key material is incorrect.")


def bip_tweak_ctx_init(thresh_pk):
    q = cpoint(thresh_pk)
    if q is None:
        raise BipValueError("Invalid threshold public key.")
    return (q, 1, 0)


def bip_apply_tweak(ctx, tweak, is_xonly):
    """Q' = g Q + t G with g = -1 iff x-only and Q odd; gacc' = g gacc; tacc' = t + g tacc."""
    if len(tweak) != 32:
        raise BipValueError("The tweak must be a 32-byte array.")
    q, gacc, tacc = ctx
    g = N - 1 if (is_xonly and not has_even_y(q)) else 1
    t = m.from_be(tweak)
    if t >= N:
        raise BipValueError("The tweak value is out of range.")
    q2 = m.point_add(m.point_mul(g, q), gmul(t))
    if q2 is None:
        raise BipValueError("The result of tweaking cannot be infinity.")
    return (q2, g * gacc % N, (t + g * tacc) % N)


def bip_thresh_pubkey_and_tweak(thresh_pk, tweaks, is_xonly):
    if len(tweaks) != len(is_xonly):
        raise BipValueError("The tweaks and is_xonly arrays must have the same length.")
    ctx = bip_tweak_ctx_init(thresh_pk)
    for tw, xo in zip(tweaks, is_xonly):
        ctx = bip_apply_tweak(ctx, bytes(tw), xo)
    return ctx


def xor_bytes(a, b):
    return bytes(x ^ y for x, y in zip(a, b))


def bip_nonce_gen_internal(rand_, secshare=None, pubshare=None, thresh_pk=None, msg=None, extra_in=None):
    """NonceGen with rand' given. Returns (secnonce 64 bytes, pubnonce 66 bytes)."""
    rand = xor_bytes(secshare, m.tagged_hash(BIP_TAG + "aux", rand_)) if secshare is not None else bytes(rand_)
    pubshare = b"" if pubshare is None else bytes(pubshare)
    thresh_pk = b"" if thresh_pk is None else bytes(thresh_pk)
    mp = b"\x00" if msg is None else b"\x01" + m.be(len(msg), 8) + bytes(msg)
    extra_in = b"" if extra_in is None else bytes(extra_in)
    ks = []
    for i in range(2):
        buf = (rand + m.be(len(pubshare), 1) + pubshare + m.be(len(thresh_pk), 1) + thresh_pk + mp
               + m.be(len(extra_in), 4) + extra_in + m.be(i, 1))
        ks.append(int_mod_n(m.tagged_hash(BIP_TAG + "nonce", buf)))
    assert ks[0] != 0 and ks[1] != 0
    secnonce = ser_scalar(ks[0]) + ser_scalar(ks[1])
    pubnonce = ser_point(gmul(ks[0])) + ser_point(gmul(ks[1]))
    return secnonce, pubnonce


def bip_nonce_agg(pubnonces, blame=None):
    """NonceAgg: R_j = sum_i cpoint(pubnonce_i[j]); an invalid half blames signer i (its index
    in the list, or blame[i] if given). Returns cbytes_ext(R_1) || cbytes_ext(R_2)."""
    out = b""
    for j in range(2):
        acc = None
        for idx, pn in enumerate(pubnonces):
            pt = cpoint(bytes(pn)[33 * j:33 * (j + 1)])
            if pt is None:
                raise BipContribError(idx if blame is None else blame[idx], "pubnonce")
            acc = m.point_add(acc, pt)
        out += cbytes_ext(acc)
    return out


def bip_serialize_ids(ids):
    return b"".join(m.be(i, 4) for i in sorted(ids))


class BipSession:
    """GetSessionValues(session_ctx): (Q, gacc, tacc, ids, pubshares, b, R, e)."""

    def __init__(self, aggnonce, n, t, ids, pubshares, thresh_pk, tweaks, is_xonly, msg):
        bip_validate_signers_ctx(n, t, ids, pubshares, thresh_pk)
        self.ids, self.pubshares, self.msg = list(ids), [bytes(p) for p in pubshares], bytes(msg)
        self.q, self.gacc, self.tacc = bip_thresh_pubkey_and_tweak(thresh_pk, tweaks, is_xonly)
        aggnonce = bytes(aggnonce)
        coef_in = bip_serialize_ids(ids) + aggnonce + x_bytes(self.q) + self.msg
        self.b = int_mod_n(m.tagged_hash(BIP_TAG + "noncecoef", coef_in))
        assert self.b != 0
        ok1, r1 = cpoint_ext(aggnonce[0:33])
        ok2, r2 = cpoint_ext(aggnonce[33:66])
        if len(aggnonce) != 66 or not ok1 or not ok2:
            raise BipContribError(None, "aggnonce")
        r = m.point_add(r1, m.point_mul(self.b, r2))
        self.r = G if r is None else r
        self.e = int_mod_n(m.tagged_hash("BIP0340/challenge", x_bytes(self.r) + x_bytes(self.q) + self.msg))
        assert self.e != 0
        self.g = 1 if has_even_y(self.q) else N - 1


def _nonzero_scalar(b, message):
    v = m.from_be(bytes(b))
    if len(b) != 32 or not 0 < v < N:
        raise BipValueError(message)
    return v


def bip_sign(secnonce, secshare, my_id, sess):
    """Sign. secnonce is a bytearray and is zeroed once read (a second use fails)."""
    k1 = _nonzero_scalar(secnonce[0:32], "first secnonce value is out of range.")
    k2 = _nonzero_scalar(secnonce[32:64], "second secnonce value is out of range.")
    secnonce[:] = bytes(64)
    if not has_even_y(sess.r):
        k1n, k2n = N - k1, N - k2
    else:
        k1n, k2n = k1, k2
    d0 = _nonzero_scalar(secshare, "The signer's secret share value is out of range.")
    my_pubshare = ser_point(gmul(d0))
    if my_pubshare not in sess.pubshares:
        raise BipValueError("The signer's pubshare must be included in the list of pubshares.")
    if my_id not in sess.ids:
        raise BipValueError("The signer's id must be present in the participant identifier list.")
    lam = bip_lambda(sess.ids, my_id)
    d = sess.g * sess.gacc * d0 % N
    s = (k1n + sess.b * k2n + sess.e * lam * d) % N
    psig = ser_scalar(s)
    pubnonce = ser_point(gmul(k1)) + ser_point(gmul(k2))
    assert bip_partial_sig_verify_internal(psig, my_id, pubnonce, my_pubshare, sess)
    return psig


def bip_partial_sig_verify_internal(psig, my_id, pubnonce, pubshare, sess):
    s = m.from_be(bytes(psig))
    if len(psig) != 32 or s >= N:
        return False
    if bytes(pubshare) not in sess.pubshares or my_id not in sess.ids:
        return False
    r1, r2 = cpoint(bytes(pubnonce)[0:33]), cpoint(bytes(pubnonce)[33:66])
    if r1 is None or r2 is None:
        return False
    re = m.point_add(r1, m.point_mul(sess.b, r2))
    if not has_even_y(sess.r):
        re = m.point_neg(re)
    pt = cpoint(pubshare)
    if pt is None:
        return False
    lam = bip_lambda(sess.ids, my_id)
    gp = sess.g * sess.gacc % N
    return gmul(s) == m.point_add(re, m.point_mul(sess.e * lam * gp % N, pt))


def bip_partial_sig_verify(psig, pubnonces, n, t, ids, pubshares, thresh_pk, tweaks, is_xonly, msg, i):
    """PartialSigVerify: signers context checked first, then NonceAgg of the pubnonces."""
    bip_validate_signers_ctx(n, t, ids, pubshares, thresh_pk)
    if len(pubnonces) != len(ids):
        raise BipValueError("The pubnonces and ids arrays must have the same length.")
    if len(tweaks) != len(is_xonly):
        raise BipValueError("The tweaks and is_xonly arrays must have the same length.")
    aggnonce = bip_nonce_agg(pubnonces)
    sess = BipSession(aggnonce, n, t, ids, pubshares, thresh_pk, tweaks, is_xonly, msg)
    return bip_partial_sig_verify_internal(psig, ids[i], pubnonces[i], pubshares[i], sess)


def bip_det_nonce_hash(secshare_, my_id, ids, aggothernonce, tweaked_tpk, msg, i):
    aon = b"" if aggothernonce is None else bytes(aggothernonce)
    buf = (bytes(secshare_) + m.be(my_id, 4) + m.be(len(ids), 4) + bip_serialize_ids(ids) + aon
           + bytes(tweaked_tpk) + m.be(len(msg), 8) + bytes(msg) + m.be(i, 1))
    return m.tagged_hash(BIP_TAG + "deterministic/nonce", buf)


def bip_deterministic_sign(secshare, my_id, aggothernonce, n, t, ids, pubshares, thresh_pk, tweaks, is_xonly,
                           msg, rand=None):
    """DeterministicSign: returns (pubnonce, psig)."""
    secshare = bytes(secshare)
    secshare_ = xor_bytes(secshare, m.tagged_hash(BIP_TAG + "aux", rand)) if rand is not None else secshare
    bip_validate_signers_ctx(n, t, ids, pubshares, thresh_pk)
    q, _g, _t = bip_thresh_pubkey_and_tweak(thresh_pk, tweaks, is_xonly)
    tweaked_tpk = x_bytes(q)
    k1 = int_mod_n(bip_det_nonce_hash(secshare_, my_id, ids, aggothernonce, tweaked_tpk, msg, 0))
    k2 = int_mod_n(bip_det_nonce_hash(secshare_, my_id, ids, aggothernonce, tweaked_tpk, msg, 1))
    assert k1 != 0 and k2 != 0
    pubnonce = ser_point(gmul(k1)) + ser_point(gmul(k2))
    secnonce = bytearray(ser_scalar(k1) + ser_scalar(k2))
    try:
        # A lone signer (u = 1) has no other nonces: aggothernonce is absent.
        others = [] if aggothernonce is None else [bytes(aggothernonce)]
        aggnonce = bip_nonce_agg([pubnonce] + others)
    except BipContribError:
        raise BipContribError(None, "aggothernonce")
    sess = BipSession(aggnonce, n, t, ids, pubshares, thresh_pk, tweaks, is_xonly, msg)
    return pubnonce, bip_sign(secnonce, secshare, my_id, sess)


def bip_partial_sig_agg(psigs, sess):
    """PartialSigAgg: s = sum s_i + e g tacc; sig = x(R) || s. A psig >= n blames its index."""
    if len(psigs) != len(sess.ids):
        raise BipValueError("The psigs and ids arrays must have the same length.")
    s = 0
    for idx, ps in enumerate(psigs):
        v = m.from_be(bytes(ps))
        if len(ps) != 32 or v >= N:
            raise BipContribError(idx, "psig")
        s += v
    s = (s + sess.e * sess.g * sess.tacc) % N
    return x_bytes(sess.r) + ser_scalar(s)


# ---- generic re-derivation of an RFC 9591-shaped vector file --------------------------------------
def sign_in_session(session, key, hiding, binding):
    """Round two with a session already computed (for large groups): the same z as sign()."""
    sk = (N - key.share) if session.pk_negated else key.share
    d, e = ((N - hiding, N - binding) if session.r_negated else (hiding, binding))
    return (d + e * session.rho[key.id] + session.lam(key.id) * sk * session.c) % N


def rederive_rfc_shaped(doc, suite, extras=False):
    """Recomputes, from the inputs alone (secret, coefficients, message, nonce randomness, signer
    list), every derived value of a file in the RFC 9591 / ZF vector schema. Returns a dict of
    the same shape (inputs echoed where they are inputs) to compare with the file. extras adds
    Tessera's intermediates (spec/frost.md §14): round_two_outputs[].interpolating_value and
    final_output.group_commitment and .challenge."""
    inp = doc["inputs"]
    pkkey = "group_public_key" if "group_public_key" in inp else "verifying_key_key"
    nmax = int(doc["config"]["MAX_PARTICIPANTS"])
    secret = int(inp["group_secret_key"], 16)
    coeffs = [int(c, 16) for c in inp["share_polynomial_coefficients"]]
    shares, pk, _commitment = trusted_dealer_keygen(secret, coeffs, nmax)
    sk = dict(shares)
    msg = bytes.fromhex(inp["message"])
    hexs = lambda v: m.be(v, 32).hex()  # noqa: E731
    hexp = lambda v: m.point_encode(v).hex()  # noqa: E731
    out_inputs = dict(inp)
    out_inputs[pkkey] = hexp(pk)
    out_inputs["participant_shares"] = [{"identifier": i, "participant_share": hexs(sk[i])} for i in range(1, nmax + 1)]
    r1, nonces, clist = [], {}, []
    for o in doc["round_one_outputs"]["outputs"]:
        i = o["identifier"]
        dd = nonce_generate(suite, bytes.fromhex(o["hiding_nonce_randomness"]), sk[i])
        ee = nonce_generate(suite, bytes.fromhex(o["binding_nonce_randomness"]), sk[i])
        nonces[i] = (dd, ee)
        clist.append(Commitment(i, gmul(dd), gmul(ee)))
    session = SigningSession(suite, pk, clist, msg)
    for o, c in zip(doc["round_one_outputs"]["outputs"], clist):
        rho, rin = session.bf[c.id]
        r1.append({"identifier": c.id,
                   "hiding_nonce_randomness": o["hiding_nonce_randomness"],
                   "binding_nonce_randomness": o["binding_nonce_randomness"],
                   "hiding_nonce": hexs(nonces[c.id][0]), "binding_nonce": hexs(nonces[c.id][1]),
                   "hiding_nonce_commitment": hexp(c.hiding), "binding_nonce_commitment": hexp(c.binding),
                   "binding_factor_input": rin.hex(), "binding_factor": hexs(rho)})
    zs = []
    for c in clist:
        key = KeyPkg(suite, c.id, sk[c.id], gmul(sk[c.id]), pk)
        zs.append(sign_in_session(session, key, *nonces[c.id]))
    z = sum(zs) % N
    sig = (x_bytes(session.r) if suite == SUITE_TR else ser_point(session.r)) + ser_scalar(z)
    r2 = []
    for c, zi in zip(clist, zs):
        e = {"identifier": c.id}
        if extras:
            e["interpolating_value"] = hexs(session.lam(c.id))
        e["sig_share"] = hexs(zi)
        r2.append(e)
    final = {"sig": sig.hex()}
    if extras:
        final = {"group_commitment": hexp(session.r), "challenge": hexs(session.c), "sig": sig.hex()}
    return {
        "config": doc["config"],
        "inputs": out_inputs,
        "round_one_outputs": {"outputs": r1},
        "round_two_outputs": {"outputs": r2},
        "final_output": final,
    }


# ---- byte encodings (spec/frost.md §11) -----------------------------------------------------------
def commitment_encode(c):
    """frost.h: u32be id || D (33) || E (33) = 70 bytes."""
    return m.be(c.id, 4) + ser_point(c.hiding) + ser_point(c.binding)


def commitment_list_encode(clist):
    """frost.h: u16be k || k * commitment."""
    return m.be(len(clist), 2) + b"".join(commitment_encode(c) for c in clist)


def sigshare_encode(ident, z):
    """frost.h: u32be id || z (32) = 36 bytes."""
    return m.be(ident, 4) + ser_scalar(z)


def _dec_point(b):
    """E4/E5: strict point decode, identity refused, with the decoder's own code and check."""
    try:
        return m.point_decode(b)
    except m.Reject as e:
        raise FrostReject(e.err, int(e.check))


def _dec_id(b4):
    ident = m.from_be(b4)
    if ident == 0:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["ID_ZERO"])
    if ident > MAX_PARTIES:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["SENDER"])
    return ident


def commitment_decode(b):
    """spec/frost.md §11.1: E1 length 70; E2 id != 0; E3 id <= MAX; E4 D; E5 E."""
    b = bytes(b)
    if len(b) != 70:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["LENGTH"])
    ident = _dec_id(b[:4])
    return Commitment(ident, _dec_point(b[4:37]), _dec_point(b[37:70]))


def commitment_list_decode(b):
    """§11.2: CL1 >= 2 bytes (TRUNCATED); CL2 1 <= k <= MAX (COUNT); CL3 enough bytes
    (TRUNCATED); CL4 no more (TRAILING); then entry by entry CL5 (E2-E5), CL6 id differs from the
    previous (ID_DUPLICATE), CL7 id above it (ID_ORDER); all TSR_ERR_ENCODING but the point codes."""
    b = bytes(b)
    if len(b) < 2:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["TRUNCATED"])
    k = m.from_be(b[:2])
    if not 1 <= k <= MAX_PARTIES:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["COUNT"])
    if len(b) < 2 + 70 * k:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["TRUNCATED"])
    if len(b) > 2 + 70 * k:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["TRAILING"])
    out, prev = [], 0
    for i in range(k):
        c = commitment_decode(b[2 + 70 * i:2 + 70 * (i + 1)])
        if c.id == prev:
            raise FrostReject("TSR_ERR_ENCODING", CHECK["ID_DUPLICATE"])
        if c.id < prev:
            raise FrostReject("TSR_ERR_ENCODING", CHECK["ID_ORDER"])
        out.append(c)
        prev = c.id
    return out


def sigshare_decode(b):
    """§11.3: length 36; id != 0; id <= MAX; z < n (SCALAR_RANGE); all TSR_ERR_ENCODING."""
    b = bytes(b)
    if len(b) != 36:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["LENGTH"])
    ident = _dec_id(b[:4])
    z = m.from_be(b[4:])
    if z >= N:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["SCALAR_RANGE"])
    return ident, z


def signing_request_encode(msg, clist):
    """spec/frost.md §11.4 as one byte string: u32be msglen || msg || u32be listlen || list."""
    lst = commitment_list_encode(clist)
    return m.be(len(msg), 4) + bytes(msg) + m.be(len(lst), 4) + lst


# =================================================================================================
# Tessera's DKG (spec/dkg.md): PedPoP with a session, CertEq hash, signed shares, certificate
# =================================================================================================
COMPLAINT_BAD_SHARE = 1  # TSR_DKG_COMPLAINT_BAD_SHARE
COMPLAINT_NO_SHARE = 2   # TSR_DKG_COMPLAINT_NO_SHARE
PHASE_KEYGEN = 2         # TSR_PHASE_KEYGEN


def dkg_init(suite, t, nparties, ident, rand, poly=None):
    """tsr_dkg_init's use of the caller randomness (spec/dkg.md §3): without a polynomial,
    a_k = int_be(rand[64k, 64k+64)) mod n for k < t; the last 64 bytes are the nonce seed (32)
    and cert_aux (32). Returns (coefficients, seed, cert_aux). Refusals: TSR_ERR_ARG."""
    rand = bytes(rand)
    if suite not in CONTEXT or not 1 <= t <= nparties <= MAX_PARTIES or not 1 <= ident <= nparties:
        raise FrostReject("TSR_ERR_ARG", CHECK["NONE"])
    if poly is None:
        if len(rand) != 64 * t + 64:
            raise FrostReject("TSR_ERR_ARG", CHECK["LENGTH"])
        poly = [m.from_be(rand[64 * k:64 * (k + 1)]) % N for k in range(t)]
    elif len(rand) != 64 or len(poly) != t:
        raise FrostReject("TSR_ERR_ARG", CHECK["LENGTH"])
    seed, cert_aux = rand[-64:-32], rand[-32:]
    if any(a % N == 0 for a in poly) or seed == bytes(32):
        raise FrostReject("TSR_ERR_ARG", CHECK["NONE"])
    return [a % N for a in poly], seed, cert_aux


def dkg_pok_nonce(suite, seed32, a0, ident, session32):
    """k = hash_to_field(seed || a_0 || u32be(id) || session, DST = context || "dkg-nonce")."""
    msg = bytes(seed32) + ser_scalar(a0 % N) + m.be(ident, 4) + bytes(session32)
    assert len(msg) == 100
    return m.hash_to_field(msg, CONTEXT[suite] + b"dkg-nonce", 1)[0]


def dkg_round1_encode(suite, commitment, r, mu):
    """§10.1: u16be t || t * point (33) || PoK (plain R (33) || mu; TR x(R) || mu, R even)."""
    return m.be(len(commitment), 2) + b"".join(ser_point(c) for c in commitment) + pok_encode(suite, r, mu)


def dkg_round1_decode(suite, sender, b):
    """§10.1 decoder, first failure wins: suite (ARG SUITE), sender (ARG SENDER), >= 2 bytes
    (LENGTH), 1 <= t <= MAX (COUNT), exact length (LENGTH), each point, R, mu < n."""
    b = bytes(b)
    if suite not in CONTEXT:
        raise FrostReject("TSR_ERR_ARG", CHECK["SUITE"])
    if not 1 <= sender <= MAX_PARTIES:
        raise FrostReject("TSR_ERR_ARG", CHECK["SENDER"])
    if len(b) < 2:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["LENGTH"])
    t = m.from_be(b[:2])
    if not 1 <= t <= MAX_PARTIES:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["COUNT"])
    poklen = 64 if suite == SUITE_TR else 65
    if len(b) != 2 + 33 * t + poklen:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["LENGTH"])
    comm = [_dec_point(b[2 + 33 * k:2 + 33 * (k + 1)]) for k in range(t)]
    pok = b[2 + 33 * t:]
    try:
        r = m.lift_x(pok[:32]) if suite == SUITE_TR else m.point_decode(pok[:33])
    except m.Reject as e:
        raise FrostReject(e.err, int(e.check))
    mu = m.from_be(pok[-32:])
    if mu >= N:
        raise FrostReject("TSR_ERR_ENCODING", CHECK["SCALAR_RANGE"])
    return comm, r, mu


def dkg_eq_hash(suite, session32, t, nparties, msgs):
    """§5.2: tagged_hash("TSR-DKG-EQ-v1", u8 suite || session || u16be t || u16be N ||
    for j = 1..N: u32be j || round1_encode(msg_j)); msgs[j-1] = (commitment, R, mu)."""
    assert len(msgs) == nparties and len(session32) == 32
    body = bytes([suite]) + bytes(session32) + m.be(t, 2) + m.be(nparties, 2)
    for j, (comm, r, mu) in enumerate(msgs, start=1):
        body += m.be(j, 4) + dkg_round1_encode(suite, comm, r, mu)
    return m.tagged_hash("TSR-DKG-EQ-v1", body)


def dkg_share_message(suite, session32, dealer, recipient, share):
    """§5.3: tagged_hash("TSR-DKG-SHARE-v1", u8 suite || session || u32be i || u32be j || s)."""
    body = bytes([suite]) + bytes(session32) + m.be(dealer, 4) + m.be(recipient, 4) + ser_scalar(share)
    assert len(body) == 73
    return m.tagged_hash("TSR-DKG-SHARE-v1", body)


def dkg_share_sign(suite, session32, dealer, recipient, share, a0, cert_aux):
    """The dealer's BIP340 signature (secret key a_0, aux cert_aux) over the share message."""
    return m.bip340_sign(ser_scalar(a0), dkg_share_message(suite, session32, dealer, recipient, share), cert_aux)


def dkg_share_sig_ok(suite, session32, dealer, recipient, share, sig, c0):
    """The share signature verifies under x(C_{dealer,0})."""
    return m.bip340_verify(x_bytes(c0), dkg_share_message(suite, session32, dealer, recipient, share), sig)


def dkg_public_keys(suite, commitments, nparties, own=None):
    """§6.3 without complaint: A = sum_j C_j; P = A_0; PK_l = sum_k A_k l^k for l = 1..N; the own
    share s (if own = (ident, [f_j(ident) for every dealer j])) is their sum. TR suite (ZF
    post_dkg): with_even_y (negating P, every PK_l and s when P is odd), then the BIP341
    key-path tweak tau = int(tagged_hash("TapTweak", x(P))) mod n added to all.
    Returns (P, [PK_1..PK_N], s or None)."""
    t = len(commitments[0])
    summed = [m.multi_add([c[k] for c in commitments]) for k in range(t)]
    pk = summed[0]
    vs = [m.vss_eval(summed, l) for l in range(1, nparties + 1)]
    s = None if own is None else sum(own[1]) % N
    if suite == SUITE_TR:
        if not has_even_y(pk):
            pk, vs = m.point_neg(pk), [m.point_neg(v) for v in vs]
            s = None if s is None else (N - s) % N
        tau = m.from_be(m.tagged_hash("TapTweak", x_bytes(pk))) % N
        tg = gmul(tau)
        pk, vs = m.point_add(pk, tg), [m.point_add(v, tg) for v in vs]
        s = None if s is None else (s + tau) % N
    return pk, vs, s


def dkg_certificate_message(suite, session32, t, nparties, eq, pk, vshares):
    """§6.3: tagged_hash("TSR-DKG-CERT-v1", u8 suite || session || u16be t || u16be N || eq ||
    ser(P) || ser(PK_1) || ... || ser(PK_N)), an identity point written as 33 zero bytes."""
    assert len(vshares) == nparties and len(eq) == 32
    body = (bytes([suite]) + bytes(session32) + m.be(t, 2) + m.be(nparties, 2) + bytes(eq) + ser_point(pk)
            + b"".join(ser_point(v) for v in vshares))
    return m.tagged_hash("TSR-DKG-CERT-v1", body)


def dkg_cert_sign(share, cert_msg, cert_aux):
    """Party i's certificate signature: BIP340 with secret key s_i, aux cert_aux."""
    return m.bip340_sign(ser_scalar(share), cert_msg, cert_aux)


def dkg_certificate_verify(pub):
    """tsr_dkg_certificate_verify (§9) on a dict {suite, session, t, n, eq, group_key, vshares,
    cert}: None when valid, else the blame (culprit, check, round)."""
    suite, t, nparties = pub["suite"], pub["t"], pub["n"]
    if suite not in CONTEXT:
        return (CULPRIT_NONE, CHECK["SUITE"], 0)
    if not 1 <= nparties <= MAX_PARTIES:
        return (CULPRIT_NONE, CHECK["COUNT"], 0)
    if not 1 <= t <= nparties:
        return (CULPRIT_NONE, CHECK["THRESHOLD"], 0)
    pk, vs = pub["group_key"], pub["vshares"]
    if pk is None or any(v is None for v in vs):
        return (CULPRIT_NONE, CHECK["POINT_IDENTITY"], 0)
    msg = dkg_certificate_message(suite, pub["session"], t, nparties, pub["eq"], pk, vs)
    for j in range(1, nparties + 1):
        if not m.bip340_verify(x_bytes(vs[j - 1]), msg, pub["cert"][j - 1]):
            return (j, CHECK["CERTIFICATE"], 3)
    ids = list(range(1, t + 1))
    def interp(x):
        return m.multi_add([m.point_mul(m.lagrange_coeff(ids, k, x), vs[k]) for k in range(t)])
    if interp(0) != pk or any(interp(j) != vs[j - 1] for j in range(t + 1, nparties + 1)):
        return (CULPRIT_NONE, CHECK["FELDMAN"], 0)
    return None


def dkg_round2_p2p_encode(recipient, share, sig):
    """§10.3: u32be recipient || share (32) || sig (64) = 100 bytes."""
    assert len(sig) == 64
    return m.be(recipient, 4) + ser_scalar(share) + bytes(sig)


def dkg_round3_encode(complaints, cert_sig=None):
    """§10.4: u16be k || k * (u32be accused || u8 kind || [BAD_SHARE: share (32) || sig (64)])
    || [k = 0: cert_sig (64)]; complaints = [(accused, kind, share, sig)] ascending."""
    out = m.be(len(complaints), 2)
    for accused, kind, share, sig in complaints:
        out += m.be(accused, 4) + bytes([kind])
        if kind == COMPLAINT_BAD_SHARE:
            out += ser_scalar(share) + bytes(sig)
    if not complaints:
        assert cert_sig is not None and len(cert_sig) == 64
        out += bytes(cert_sig)
    return out


def dkg_round4_encode(openings):
    """§10.5: u16be k || k * (u32be accuser || share (32)); openings = [(accuser, share)]."""
    return m.be(len(openings), 2) + b"".join(m.be(a, 4) + ser_scalar(s) for a, s in openings)


def dkg_honest_ceremony(suite, session32, t, nparties, polys, seeds, cert_auxs):
    """A whole honest run from every party's polynomial, nonce seed and cert_aux: round-1 messages
    (C_i, R_i, mu_i), the eq hash, every share with its signature, the public result and the
    certificate signatures. Returns a dict of everything (public and secret, for vectors)."""
    r1 = []
    for i in range(1, nparties + 1):
        a = polys[i - 1]
        k = dkg_pok_nonce(suite, seeds[i - 1], a[0], i, session32)
        r, mu = pok_prove(suite, i, a[0], k, session32)
        r1.append((vss_commit(a), r, mu))
    eq = dkg_eq_hash(suite, session32, t, nparties, r1)
    shares = {(i, j): m.poly_eval(polys[i - 1], j) for i in range(1, nparties + 1) for j in range(1, nparties + 1)}
    share_sigs = {(i, j): dkg_share_sign(suite, session32, i, j, shares[(i, j)], polys[i - 1][0], cert_auxs[i - 1])
                  for (i, j) in shares if i != j}
    comms = [c for c, _r, _mu in r1]
    pk, vs, _ = dkg_public_keys(suite, comms, nparties)
    finals = [dkg_public_keys(suite, comms, nparties, (j, [shares[(i, j)] for i in range(1, nparties + 1)]))[2]
              for j in range(1, nparties + 1)]
    cert_msg = dkg_certificate_message(suite, session32, t, nparties, eq, pk, vs)
    certs = [dkg_cert_sign(finals[j - 1], cert_msg, cert_auxs[j - 1]) for j in range(1, nparties + 1)]
    return {"round1": r1, "eq": eq, "shares": shares, "share_sigs": share_sigs, "group_key": pk,
            "vshares": vs, "final_shares": finals, "cert_msg": cert_msg, "cert": certs,
            "public": {"suite": suite, "session": bytes(session32), "t": t, "n": nparties, "eq": eq,
                       "group_key": pk, "vshares": vs, "cert": certs}}
