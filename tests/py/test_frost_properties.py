"""Property tests (hypothesis) of the FROST model: t-of-n signing verifies in both suites (and
after a Taproot tweak), a corrupted share is named and only it, fewer than t signers never give
a valid signature, the DKG (ZF form and session-bound) yields a signing key, and BIP 445 signing
with random tweaks gives BIP340 signatures. Examples are few: Python EC arithmetic is slow."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

import frost_model as f
import tessera_model as m

# Scaled from the active profile (conftest.py: "tessera" has 60 examples, "long" 2000), so a long
# run searches deeper while the default run stays within the suite's time budget.
_BASE = settings.default.max_examples
FEW = settings(max_examples=max(1, _BASE * 25 // 60), deadline=None)
VERY_FEW = settings(max_examples=max(1, _BASE * 10 // 60), deadline=None)

suites = st.sampled_from([f.SUITE_PLAIN, f.SUITE_TR])
seeds = st.binary(min_size=8, max_size=8)


def rng_bytes(seed, label, n):
    """Deterministic bytes for a test from its hypothesis seed."""
    if n == 0:
        return b""
    return m.expand_message_xmd(seed + label.encode(), b"TSR-PY-FROST-PROPS", n)


@st.composite
def groups(draw, n_max=7):
    """(t, n, signer ids) with 2 <= t <= n <= n_max (the dealer's range, spec/frost.md §4.1) and
    t <= len(signers) <= n."""
    # sampled_from lists the large sizes first: the few examples we can afford then include big
    # groups, not only the minimal 2-of-2 that hypothesis tries first.
    n = draw(st.sampled_from(list(range(n_max, 1, -1))))
    t = draw(st.integers(min_value=2, max_value=n))
    k = draw(st.sampled_from(list(range(n, t - 1, -1))))
    signers = sorted(draw(st.permutations(list(range(1, n + 1))))[:k])
    return t, n, signers


def dealer(suite, t, n, seed):
    return f.keygen_dealer(suite, t, n, None, rng_bytes(seed, "dealer", 64 * t))


def run_signing(suite, keys, pk, signers, msg, seed):
    return f.sign_all(keys, pk, signers, msg, lambda i: rng_bytes(seed, "nonce%d" % i, 64))


@FEW
@given(suites, groups(), seeds, st.binary(max_size=40))
@example(f.SUITE_PLAIN, (7, 7, [1, 2, 3, 4, 5, 6, 7]), b"seed-777", b"msg")
@example(f.SUITE_TR, (7, 7, [1, 2, 3, 4, 5, 6, 7]), b"seed-777", b"msg")
@example(f.SUITE_TR, (5, 7, [1, 3, 4, 6, 7]), b"seed-57", b"")
def test_t_of_n_signature_verifies(suite, grp, seed, msg):
    t, n, signers = grp
    keys, pk, commitment = dealer(suite, t, n, seed)
    assert len(commitment) == t and commitment[0] == pk
    clist, shares = run_signing(suite, keys, pk, signers, msg, seed)
    vshares = [keys[i - 1].verifying_share for i in signers]
    for (i, z), vs in zip(shares, vshares):
        assert f.verify_signature_share(suite, i, z, vs, clist, pk, msg)
    sig, culprits = f.aggregate(suite, clist, shares, vshares, pk, msg)
    assert culprits == [] and len(sig) == f.sig_len(suite)
    assert f.verify(suite, sig, pk, msg)
    if suite == f.SUITE_TR:
        assert m.bip340_verify(f.x_bytes(pk), msg, sig)
    else:
        assert m.point_decode(sig[:33]) is not None


@FEW
@given(suites, groups(), seeds, st.data())
def test_corrupted_shares_are_named(suite, grp, seed, data):
    t, n, signers = grp
    keys, pk, _c = dealer(suite, t, n, seed)
    msg = b"blame"
    clist, shares = run_signing(suite, keys, pk, signers, msg, seed)
    vshares = [keys[i - 1].verifying_share for i in signers]
    bad = sorted(set(data.draw(st.lists(st.sampled_from(signers), min_size=1, max_size=len(signers)))))
    deltas = {i: data.draw(st.integers(min_value=1, max_value=m.N - 1)) for i in bad}
    corrupted = [(i, (z + deltas.get(i, 0)) % m.N) for i, z in shares]
    sig, culprits = f.aggregate(suite, clist, corrupted, vshares, pk, msg)
    if len(bad) == 1:
        assert sig is None and culprits == bad
    else:
        # Several corruptions could cancel out in the sum (negligibly likely); when the signature
        # does not verify, exactly the corrupted signers are named.
        assert (sig is None and culprits == bad) or f.verify(suite, sig, pk, msg)


@FEW
@given(suites, st.sampled_from([7, 6, 5, 4, 3, 2]), seeds, st.data())
def test_fewer_than_t_signers_fail(suite, n, seed, data):
    t = data.draw(st.integers(min_value=2, max_value=n))
    k = data.draw(st.integers(min_value=1, max_value=t - 1))
    signers = sorted(data.draw(st.permutations(list(range(1, n + 1))))[:k])
    keys, pk, _c = dealer(suite, t, n, seed)
    msg = b"too few"
    clist, shares = run_signing(suite, keys, pk, signers, msg, seed)
    vshares = [keys[i - 1].verifying_share for i in signers]
    assert not f.verify(suite, f.aggregate_raw(suite, clist, [z for _i, z in shares], pk, msg), pk, msg)
    sig, culprits = f.aggregate(suite, clist, shares, vshares, pk, msg)
    # Nobody misbehaved: every share is valid for its signer, the group is simply too small.
    assert sig is None and culprits == []


@VERY_FEW
@given(groups(n_max=5), seeds, st.one_of(st.none(), st.binary(min_size=32, max_size=32)))
def test_taproot_tweaked_signature_verifies(grp, seed, merkle_root):
    t, n, signers = grp
    keys, pk, _c = dealer(f.SUITE_TR, t, n, seed)
    tweaked = [f.keypkg_tweak(k, merkle_root) for k in keys]
    pk2, vs2 = f.pubkey_tweak(pk, [k.verifying_share for k in keys], merkle_root)
    assert all(k.group_key == pk2 for k in tweaked)
    assert [k.verifying_share for k in tweaked] == vs2 == [f.gmul(k.share) for k in tweaked]
    tw = f.taproot_tweak_scalar(pk, merkle_root)
    assert pk2 == m.point_add(f.with_even_y(pk), f.gmul(tw))
    msg = b"taproot"
    clist, shares = run_signing(f.SUITE_TR, tweaked, pk2, signers, msg, seed)
    sig, culprits = f.aggregate(f.SUITE_TR, clist, shares, [vs2[i - 1] for i in signers], pk2, msg)
    assert culprits == [] and m.bip340_verify(f.x_bytes(pk2), msg, sig)


@FEW
@given(suites, groups(n_max=3), seeds)
def test_nonce_is_consumed_and_list_checked(suite, grp, seed):
    t, n, signers = grp
    keys, pk, _c = dealer(suite, t, n, seed)
    i = signers[0]
    nonce, c = f.commit(keys[i - 1], rng_bytes(seed, "n", 64))
    others = [f.commit(keys[j - 1], rng_bytes(seed, "o%d" % j, 64))[1] for j in signers[1:]]
    clist = sorted([c] + others, key=lambda x: x.id)
    # Unsorted list (when there are two entries or more): refused, nonce consumed anyway.
    if len(clist) > 1:
        rev = list(reversed(clist))
        e = None
        try:
            f.sign(nonce, keys[i - 1], rev, b"m")
        except f.FrostReject as ex:
            e = ex
        assert e is not None and e.check == f.CHECK["ID_ORDER"] and e.culprit == f.CULPRIT_COORDINATOR
    else:
        f.sign(nonce, keys[i - 1], clist, b"m")
    assert f.frejects(f.sign, nonce, keys[i - 1], clist, b"m") == ("TSR_ERR_STATE", 0)
    # Another signer's altered commitment is not ours; our own altered commitment is refused.
    nonce2, c2 = f.commit(keys[i - 1], rng_bytes(seed, "n2", 64))
    forged = f.Commitment(i, c2.binding, c2.hiding)
    lst = sorted([forged] + others, key=lambda x: x.id)
    assert f.frejects(f.sign, nonce2, keys[i - 1], lst, b"m") == ("TSR_ERR_ARG", f.CHECK["OWN_COMMITMENT"])
    # Duplicate ids and identity commitments.
    if others:
        dup = sorted([c, f.Commitment(i, others[0].hiding, others[0].binding)] + others, key=lambda x: x.id)
        assert f.frejects(f.check_commitment_list, dup, 1) == ("TSR_ERR_ARG", f.CHECK["ID_DUPLICATE"])
    ident = [f.Commitment(x.id, None if x.id == i else x.hiding, x.binding) for x in clist]
    assert f.frejects(f.check_commitment_list, ident, 1) == ("TSR_ERR_RANGE", f.CHECK["POINT_IDENTITY"])
    assert f.frejects(f.check_commitment_list, clist, len(clist) + 1) == ("TSR_ERR_ARG", f.CHECK["SIGNER_COUNT"])


def run_dkg(suite, t, n, seed, session):
    """FROST KeyGen with every party honest. Returns (polys, commitments, proofs, results)."""
    polys, comms, proofs = {}, {}, {}
    for i in range(1, n + 1):
        polys[i] = m.poly_init(m.from_be(rng_bytes(seed, "a0-%d" % i, 64)) % m.N, t,
                               rng_bytes(seed, "coef-%d" % i, 64 * (t - 1)))
        comms[i] = f.vss_commit(polys[i])
        k = m.from_be(rng_bytes(seed, "k-%d" % i, 64)) % m.N
        proofs[i] = f.pok_prove(suite, i, polys[i][0], k, session)
    results = {}
    for j in range(1, n + 1):
        for i in range(1, n + 1):
            assert f.pok_verify(suite, i, comms[i][0], *proofs[i], session)
        received = {i: m.poly_eval(polys[i], j) for i in polys}
        results[j] = f.dkg_finish(suite, j, comms, received)
    return polys, comms, proofs, results


@VERY_FEW
@given(suites, groups(n_max=5), seeds, st.booleans())
def test_dkg_gives_a_signing_key(suite, grp, seed, with_session):
    t, n, signers = grp
    session = rng_bytes(seed, "session", 32) if with_session else None
    polys, comms, proofs, results = run_dkg(suite, t, n, seed, session)
    pk = results[1][2]
    assert all(r[2] == pk for r in results.values())
    assert all(r[3] == results[1][3] for r in results.values())  # same verifying shares everywhere
    assert pk == f.gmul(sum(p[0] for p in polys.values()))
    if suite == f.SUITE_TR:
        for r, _mu in proofs.values():
            assert f.has_even_y(r)
    # Proofs are bound to the prover id, to C0 and to the session.
    if n > 1:
        assert not f.pok_verify(suite, 2, comms[1][0], *proofs[1], session)
    other = rng_bytes(seed, "other session", 32)
    assert not f.pok_verify(suite, 1, comms[1][0], *proofs[1], other)
    if with_session:
        assert not f.pok_verify(suite, 1, comms[1][0], *proofs[1], None)
    # A bad share is caught by Feldman verification and blames its dealer.
    received = {i: m.poly_eval(polys[i], 1) for i in polys}
    received[n] = (received[n] + 1) % m.N
    e = None
    try:
        f.dkg_finish(suite, 1, comms, received)
    except f.FrostReject as ex:
        e = ex
    assert e is not None and e.check == f.CHECK["FELDMAN"] and e.culprit == n
    # The result signs.
    keys = [f.KeyPkg(suite, j, results[j][0], results[j][1], pk) for j in range(1, n + 1)]
    msg = b"dkg"
    clist, shares = run_signing(suite, keys, pk, signers, msg, seed)
    sig, culprits = f.aggregate(suite, clist, shares, [results[j][1] for j in signers], pk, msg)
    assert culprits == [] and f.verify(suite, sig, pk, msg)


@VERY_FEW
@given(groups(n_max=5), seeds, st.lists(st.booleans(), max_size=3), st.binary(max_size=40))
def test_bip445_signing_with_tweaks(grp, seed, xonly, msg):
    t, n, signers = grp
    ids = [i - 1 for i in signers]  # BIP 445 ids are 0-based
    coeffs = m.poly_init(m.from_be(rng_bytes(seed, "s", 64)) % m.N or 1, t, rng_bytes(seed, "c", 64 * (t - 1)))
    secshares = {i: m.poly_eval(coeffs, i + 1) for i in range(n)}
    pubshares = {i: m.point_encode(f.gmul(s)) for i, s in secshares.items()}
    thresh_pk = m.point_encode(f.gmul(coeffs[0]))
    tweaks = [rng_bytes(seed, "tw%d" % k, 32) for k in range(len(xonly))]
    tweaks = [m.be(m.from_be(tw) % m.N, 32) for tw in tweaks]
    nonces = {i: f.bip_nonce_gen_internal(rng_bytes(seed, "r%d" % i, 32), m.be(secshares[i], 32)) for i in ids}
    aggnonce = f.bip_nonce_agg([nonces[i][1] for i in ids])
    ctx = (n, t, ids, [pubshares[i] for i in ids], thresh_pk)
    psigs = []
    for i in ids:
        sess = f.BipSession(aggnonce, *ctx, tweaks, xonly, msg)
        psigs.append(f.bip_sign(bytearray(nonces[i][0]), m.be(secshares[i], 32), i, sess))
    for k, i in enumerate(ids):
        assert f.bip_partial_sig_verify(psigs[k], [nonces[x][1] for x in ids], *ctx, tweaks, xonly, msg, k)
    sig = f.bip_partial_sig_agg(psigs, sess)
    assert m.bip340_verify(f.x_bytes(sess.q), msg, sig)
    # A corrupted partial signature fails PartialSigVerify.
    bad = m.be((m.from_be(psigs[0]) + 1) % m.N, 32)
    assert not f.bip_partial_sig_verify(bad, [nonces[x][1] for x in ids], *ctx, tweaks, xonly, msg, 0)


@FEW
@given(st.lists(st.integers(min_value=1, max_value=f.MAX_PARTIES), min_size=1, max_size=6, unique=True), seeds)
def test_encodings_round_trip_and_reject(ids, seed):
    ids = sorted(ids)
    pts = [f.gmul(m.from_be(rng_bytes(seed, "p%d" % i, 32)) % m.N or 1) for i in range(2 * len(ids))]
    clist = [f.Commitment(i, pts[2 * k], pts[2 * k + 1]) for k, i in enumerate(ids)]
    enc = f.commitment_list_encode(clist)
    assert len(enc) == 2 + 70 * len(ids)
    assert f.commitment_list_decode(enc) == clist
    assert f.commitment_decode(f.commitment_encode(clist[0])) == clist[0]
    rej = lambda b: f.frejects(f.commitment_list_decode, b)  # noqa: E731
    E = "TSR_ERR_ENCODING"
    assert rej(enc[:1]) == (E, f.CHECK["TRUNCATED"])
    assert rej(m.be(0, 2) + enc[2:]) == (E, f.CHECK["COUNT"])
    assert rej(m.be(f.MAX_PARTIES + 1, 2) + enc[2:]) == (E, f.CHECK["COUNT"])
    assert rej(enc[:-1]) == (E, f.CHECK["TRUNCATED"])
    assert rej(enc + b"\x00") == (E, f.CHECK["TRAILING"])
    assert rej(enc[:2] + m.be(0, 4) + enc[6:]) == (E, f.CHECK["ID_ZERO"])
    assert rej(enc[:2] + m.be(f.MAX_PARTIES + 1, 4) + enc[6:]) == (E, f.CHECK["SENDER"])
    ident = enc[:6] + bytes(33) + enc[39:]
    assert rej(ident) == ("TSR_ERR_RANGE", f.CHECK["POINT_IDENTITY"])
    assert rej(enc[:6] + b"\x05" + enc[7:]) == (E, f.CHECK["POINT_PREFIX"])
    if len(ids) > 1:
        swapped = list(clist)
        swapped[0], swapped[1] = swapped[1], swapped[0]
        assert rej(f.commitment_list_encode(swapped)) == (E, f.CHECK["ID_ORDER"])
        dup = [clist[0], f.Commitment(clist[0].id, clist[1].hiding, clist[1].binding)] + clist[2:]
        assert rej(f.commitment_list_encode(dup)) == (E, f.CHECK["ID_DUPLICATE"])
    # Signature shares.
    z = m.from_be(rng_bytes(seed, "z", 32)) % m.N
    assert f.sigshare_decode(f.sigshare_encode(ids[0], z)) == (ids[0], z)
    assert f.frejects(f.sigshare_decode, m.be(ids[0], 4) + m.be(m.N, 32)) == (E, f.CHECK["SCALAR_RANGE"])
    assert f.frejects(f.sigshare_decode, f.sigshare_encode(ids[0], z)[:35]) == (E, f.CHECK["LENGTH"])
    assert f.frejects(f.sigshare_decode, m.be(0, 4) + m.be(z, 32)) == (E, f.CHECK["ID_ZERO"])


@FEW
@given(suites, seeds)
def test_verify_rejects(suite, seed):
    keys, pk, _c = dealer(suite, 2, 3, seed)
    msg = b"v"
    clist, shares = run_signing(suite, keys, pk, [1, 3], msg, seed)
    sig, _ = f.aggregate(suite, clist, shares, [keys[0].verifying_share, keys[2].verifying_share], pk, msg)
    assert f.verify_result(suite, sig, pk, msg) is None
    assert f.verify_result(suite, sig[:-1], pk, msg) == ("TSR_ERR_ENCODING", f.CHECK["LENGTH"])
    assert f.verify_result(suite, sig[:-32] + m.be(m.N, 32), pk, msg) == ("TSR_ERR_ENCODING", f.CHECK["SCALAR_RANGE"])
    flipped = sig[:-1] + bytes([sig[-1] ^ 1])
    assert f.verify_result(suite, flipped, pk, msg) == ("TSR_ERR_VERIFY", f.CHECK["SIGNATURE"])
    assert f.verify_result(suite, sig, pk, msg + b"x") == ("TSR_ERR_VERIFY", f.CHECK["SIGNATURE"])
    assert f.verify_result(9, sig, pk, msg) == ("TSR_ERR_ARG", 0)


def ceremony(suite, t, n, seed):
    session = rng_bytes(seed, "session", 32)
    inits = [f.dkg_init(suite, t, n, i, rng_bytes(seed, "dkg-rand-%d" % i, 64 * t + 64)) for i in range(1, n + 1)]
    polys = [a for a, _s, _c in inits]
    return session, polys, f.dkg_honest_ceremony(suite, session, t, n, polys, [s for _a, s, _c in inits],
                                                 [c for _a, _s, c in inits])


@VERY_FEW
@given(suites, groups(n_max=5), seeds)
def test_tessera_dkg_ceremony(suite, grp, seed):
    t, n, signers = grp
    session, polys, run = ceremony(suite, t, n, seed)
    r1, pk, vs, finals = run["round1"], run["group_key"], run["vshares"], run["final_shares"]
    # Round 1: the proofs verify under this session and id only; TR nonces are even.
    for i, (comm, r, mu) in enumerate(r1, start=1):
        assert comm == f.vss_commit(polys[i - 1]) and f.pok_verify(suite, i, comm[0], r, mu, session)
        assert not f.pok_verify(suite, i, comm[0], r, mu, None)
        assert not f.pok_verify(suite, i % n + 1, comm[0], r, mu, session) or n == 1
        assert suite != f.SUITE_TR or f.has_even_y(r)
        enc = f.dkg_round1_encode(suite, comm, r, mu)
        assert len(enc) == 2 + 33 * t + (64 if suite == f.SUITE_TR else 65)
        assert f.dkg_round1_decode(suite, i, enc) == (comm, r, mu)
    # The eq hash covers every byte of every round-1 message, the session and the parameters.
    eq = run["eq"]
    assert f.dkg_eq_hash(suite, session, t, n, r1) == eq
    alt = list(r1)
    alt[-1] = (alt[-1][0], alt[-1][1], (alt[-1][2] + 1) % m.N)
    assert f.dkg_eq_hash(suite, session, t, n, alt) != eq
    assert f.dkg_eq_hash(suite, rng_bytes(seed, "other", 32), t, n, r1) != eq
    # Shares: signed by their dealer for this recipient and session; Feldman-valid.
    for (i, j), sig in run["share_sigs"].items():
        s = run["shares"][(i, j)]
        c0 = r1[i - 1][0][0]
        assert f.dkg_share_sig_ok(suite, session, i, j, s, sig, c0)
        assert not f.dkg_share_sig_ok(suite, session, i, i, s, sig, c0)
        assert not f.dkg_share_sig_ok(suite, session, i, j, (s + 1) % m.N, sig, c0)
        assert f.vss_verify(j, s, r1[i - 1][0])
        assert len(f.dkg_round2_p2p_encode(j, s, sig)) == 100
    # Result: PK_j = s_j G, t shares give the key, the certificate verifies; tampering is named.
    assert [f.gmul(s) for s in finals] == vs
    ids = signers[:t]
    secret = m.shamir_reconstruct(ids, [finals[i - 1] for i in ids])
    assert f.gmul(secret) == pk
    pub = run["public"]
    assert f.dkg_certificate_verify(pub) is None
    bad = dict(pub, cert=list(pub["cert"]))
    bad["cert"][n - 1] = bad["cert"][0] if n > 1 else bytes(64)
    assert f.dkg_certificate_verify(bad) == (n, f.CHECK["CERTIFICATE"], 3)
    other_eq = dict(pub, eq=bytes(32))
    assert f.dkg_certificate_verify(other_eq) == (1, f.CHECK["CERTIFICATE"], 3)
    if suite == f.SUITE_TR:
        untweaked = m.multi_add([c[0][0] for c in r1])
        assert pk == m.point_add(f.with_even_y(untweaked),
                                 f.gmul(m.from_be(m.tagged_hash("TapTweak", f.x_bytes(f.with_even_y(untweaked)))) % m.N))
    assert len(f.dkg_round3_encode([], pub["cert"][0])) == 2 + 64
    # The result signs with FROST in its suite.
    keys = [f.KeyPkg(suite, j, finals[j - 1], vs[j - 1], pk) for j in range(1, n + 1)]
    clist, shares = run_signing(suite, keys, pk, signers, b"dkg", seed)
    sig, culprits = f.aggregate(suite, clist, shares, [vs[j - 1] for j in signers], pk, b"dkg")
    assert culprits == [] and f.verify(suite, sig, pk, b"dkg")


@VERY_FEW
@given(suites, seeds)
def test_tessera_dkg_certificate_inconsistent_keys(suite, seed):
    """Certificates re-signed over verifying shares that are not on one polynomial: FELDMAN."""
    t, n = 2, 3
    session, _polys, run = ceremony(suite, t, n, seed)
    pub = run["public"]
    finals = list(run["final_shares"])
    finals[2] = (finals[2] + 1) % m.N
    vs = [f.gmul(s) for s in finals]
    msg = f.dkg_certificate_message(suite, session, t, n, pub["eq"], pub["group_key"], vs)
    certs = [f.dkg_cert_sign(s, msg, bytes(32)) for s in finals]
    assert f.dkg_certificate_verify(dict(pub, vshares=vs, cert=certs)) == (0, f.CHECK["FELDMAN"], 0)
    assert f.dkg_certificate_verify(dict(pub, suite=9)) == (0, f.CHECK["SUITE"], 0)
    assert f.dkg_certificate_verify(dict(pub, t=n + 1)) == (0, f.CHECK["THRESHOLD"], 0)


def test_dkg_pok_nonce_binds_session_and_secret():
    seed = bytes(range(32))
    k1 = f.dkg_pok_nonce(1, seed, 5, 1, bytes(32))
    assert k1 == m.hash_to_field(seed + m.be(5, 32) + m.be(1, 4) + bytes(32), b"FROST-secp256k1-SHA256-v1dkg-nonce", 1)[0]
    assert k1 != f.dkg_pok_nonce(1, seed, 5, 1, b"\x01" * 32)
    assert k1 != f.dkg_pok_nonce(1, seed, 6, 1, bytes(32))
    assert k1 != f.dkg_pok_nonce(2, seed, 5, 1, bytes(32))
    assert f.dkg_share_message(1, bytes(32), 1, 2, 3) == m.tagged_hash(
        "TSR-DKG-SHARE-v1", b"\x01" + bytes(32) + m.be(1, 4) + m.be(2, 4) + m.be(3, 32))
