"""Re-derives every value of the external FROST vectors with frost_model: RFC 9591 Appendix E.5
FROST(secp256k1, SHA-256), ZF's FROST-secp256k1-SHA256-TR-v1 signing vectors, ZF's DKG vectors
(plain and TR) and every case, valid and error, of the BIP 445 draft vectors."""

import json
import pathlib

import pytest

import frost_model as f
import tessera_model as m

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXT = ROOT / "vectors" / "external"
RFC = EXT / "rfc9591" / "rfc9591-frost-secp256k1-sha256.json"
ZF = EXT / "zcash-frost"
BIP = EXT / "bip-frost-signing"


def load(p):
    return json.loads(p.read_text())


def h(b):
    return bytes.fromhex(b)


def hx(v):
    """Hex of a scalar (int), a point (tuple/None) or bytes, lower case."""
    if isinstance(v, int):
        return m.be(v, 32).hex()
    if v is None or isinstance(v, tuple):
        return m.point_encode(v).hex()
    return bytes(v).hex()


# ==== RFC 9591 and ZF TR signing vectors (same schema) ============================================
SIGNING = [
    pytest.param(f.SUITE_PLAIN, RFC, "group_public_key", id="rfc9591"),
    pytest.param(f.SUITE_TR, ZF / "frost-secp256k1-tr-vectors.json", "verifying_key_key", id="zf-tr"),
]


class Run:
    """Runs the whole vector through the model once and keeps every intermediate."""

    def __init__(self, suite, path, pkkey):
        d = load(path)
        self.d, self.suite, self.pkkey = d, suite, pkkey
        inp = d["inputs"]
        self.max = int(d["config"]["MAX_PARTICIPANTS"])
        self.min = int(d["config"]["MIN_PARTICIPANTS"])
        self.secret = int(inp["group_secret_key"], 16)
        self.coeffs = [int(c, 16) for c in inp["share_polynomial_coefficients"]]
        shares, self.pk, self.commitment = f.trusted_dealer_keygen(self.secret, self.coeffs, self.max)
        self.sk = dict(shares)
        self.msg = h(inp["message"])
        self.nonces, self.clist = {}, []
        for o in d["round_one_outputs"]["outputs"]:
            i = o["identifier"]
            dd = f.nonce_generate(suite, h(o["hiding_nonce_randomness"]), self.sk[i])
            ee = f.nonce_generate(suite, h(o["binding_nonce_randomness"]), self.sk[i])
            c = f.Commitment(i, f.gmul(dd), f.gmul(ee))
            self.nonces[i] = f.Nonce(dd, ee, c)
            self.clist.append(c)
        self.bf = f.compute_binding_factors(suite, self.pk, self.clist, self.msg)
        self.keys = {i: f.KeyPkg(suite, i, s, f.gmul(s), self.pk) for i, s in self.sk.items()}
        self.z = {}
        for c in self.clist:
            self.z[c.id] = f.sign(self.nonces[c.id], self.keys[c.id], self.clist, self.msg)
        self.shares = [(c.id, self.z[c.id]) for c in self.clist]
        self.vshares = [self.keys[c.id].verifying_share for c in self.clist]
        self.sig, self.culprits = f.aggregate(suite, self.clist, self.shares, self.vshares, self.pk, self.msg)


_RUNS = {}


def run_of(suite, path, pkkey):
    key = (suite, str(path))
    if key not in _RUNS:
        _RUNS[key] = Run(suite, path, pkkey)
    return _RUNS[key]


@pytest.mark.parametrize("suite,path,pkkey", SIGNING)
def test_signing_config(suite, path, pkkey):
    r = run_of(suite, path, pkkey)
    cfg = r.d["config"]
    assert cfg["group"] == "secp256k1" and cfg["hash"] == "SHA-256"
    assert (r.max, r.min, int(cfg["NUM_PARTICIPANTS"])) == (3, 2, 2)
    assert r.d["inputs"]["participant_list"] == [c.id for c in r.clist]
    assert len(r.coeffs) == r.min - 1


@pytest.mark.parametrize("suite,path,pkkey", SIGNING)
def test_signing_dealer_keys(suite, path, pkkey):
    """Appendix C: PK = s G, sk_i = f(i), and each share passes vss_verify."""
    r = run_of(suite, path, pkkey)
    inp = r.d["inputs"]
    assert hx(r.pk) == inp[pkkey]
    assert hx(f.gmul(r.secret)) == inp[pkkey]
    got = {ps["identifier"]: ps["participant_share"] for ps in inp["participant_shares"]}
    assert got == {i: hx(s) for i, s in r.sk.items()}
    pk, vshares = f.derive_group_info(r.max, r.commitment)
    assert pk == r.pk
    for i, s in r.sk.items():
        assert f.vss_verify(i, s, r.commitment)
        assert vshares[i - 1] == f.gmul(s)
    assert m.shamir_reconstruct(list(r.sk)[: r.min], [r.sk[i] for i in list(r.sk)[: r.min]]) == r.secret


@pytest.mark.parametrize("suite,path,pkkey", SIGNING)
def test_signing_round_one(suite, path, pkkey):
    r = run_of(suite, path, pkkey)
    outs = r.d["round_one_outputs"]["outputs"]
    assert len(outs) == len(r.clist)
    for o, c in zip(outs, r.clist):
        i = o["identifier"]
        assert i == c.id
        assert o["hiding_nonce"] == hx(f.nonce_generate(suite, h(o["hiding_nonce_randomness"]), r.sk[i]))
        assert o["binding_nonce"] == hx(f.nonce_generate(suite, h(o["binding_nonce_randomness"]), r.sk[i]))
        assert o["hiding_nonce_commitment"] == hx(c.hiding)
        assert o["binding_nonce_commitment"] == hx(c.binding)
        rho, inp = r.bf[i]
        assert o["binding_factor_input"] == hx(inp)
        assert o["binding_factor"] == hx(rho)
        assert len(inp) == 33 + 32 + 32 + 32


@pytest.mark.parametrize("suite,path,pkkey", SIGNING)
def test_signing_round_two(suite, path, pkkey):
    r = run_of(suite, path, pkkey)
    outs = r.d["round_two_outputs"]["outputs"]
    assert [o["identifier"] for o in outs] == [c.id for c in r.clist]
    for o in outs:
        i = o["identifier"]
        assert o["sig_share"] == hx(r.z[i])
        assert f.verify_signature_share(suite, i, r.z[i], r.keys[i].verifying_share, r.clist, r.pk, r.msg)
        # A share checked against another signer's verifying share fails.
        other = next(j for j in r.sk if j != i)
        assert not f.verify_signature_share(suite, i, r.z[i], f.gmul(r.sk[other]), r.clist, r.pk, r.msg)


@pytest.mark.parametrize("suite,path,pkkey", SIGNING)
def test_signing_final(suite, path, pkkey):
    r = run_of(suite, path, pkkey)
    sig = h(r.d["final_output"]["sig"])
    assert r.culprits == []
    assert r.sig == sig
    assert len(sig) == f.sig_len(suite)
    assert f.verify(suite, sig, r.pk, r.msg)
    assert not f.verify(suite, sig, r.pk, r.msg + b"!")
    if suite == f.SUITE_TR:
        assert m.bip340_verify(f.x_bytes(r.pk), r.msg, sig)
    else:
        # The RFC's verify equation, spelled out: z G == R + H2(R || PK || msg) PK.
        rr, z = m.point_decode(sig[:33]), m.from_be(sig[33:])
        c = f.H2(suite, sig[:33] + m.point_encode(r.pk) + r.msg)
        assert f.gmul(z) == m.point_add(rr, m.point_mul(c, r.pk))


@pytest.mark.parametrize("suite,path,pkkey", SIGNING)
def test_signing_corrupted_share_named(suite, path, pkkey):
    r = run_of(suite, path, pkkey)
    for k in range(len(r.shares)):
        bad = list(r.shares)
        bad[k] = (bad[k][0], (bad[k][1] + 1) % m.N)
        sig, culprits = f.aggregate(suite, r.clist, bad, r.vshares, r.pk, r.msg)
        assert sig is None and culprits == [r.shares[k][0]]


@pytest.mark.parametrize("suite,path,pkkey", SIGNING)
def test_signing_nonce_consumed(suite, path, pkkey):
    r = run_of(suite, path, pkkey)
    i = r.clist[0].id
    nonce = r.nonces[i]  # already used by Run
    assert f.frejects(f.sign, nonce, r.keys[i], r.clist, r.msg) == ("TSR_ERR_STATE", 0)


def test_zf_invalid_element():
    """spec/frost.md §11.1: prefix 0x12 fails E4/E5 with TSR_CHECK_POINT_PREFIX."""
    doc = load(ZF / "frost-secp256k1-elements.json")
    b = h(doc["elements"]["invalid_element"])
    assert m.rejects(m.point_decode, b) == ("TSR_ERR_ENCODING", m.Check.POINT_PREFIX)
    good = m.point_encode(m.G)
    for enc in (m.be(1, 4) + b + good, m.be(1, 4) + good + b):
        assert f.frejects(f.commitment_decode, enc) == ("TSR_ERR_ENCODING", f.CHECK["POINT_PREFIX"])


def test_h_functions_domain_separation():
    """The suites differ only by context string, except H2 (BIP340 challenge) for TR."""
    msg = b"abc"
    assert f.H1(1, msg) != f.H1(2, msg) and f.H3(1, msg) != f.H3(2, msg)
    assert f.H4(1, msg) == m.sha256(b"FROST-secp256k1-SHA256-v1msgabc")
    assert f.H5(2, msg) == m.sha256(b"FROST-secp256k1-SHA256-TR-v1comabc")
    assert f.H1(1, msg) == m.hash_to_field(msg, b"FROST-secp256k1-SHA256-v1rho", 1)[0]
    assert f.H2(1, msg) == m.hash_to_field(msg, b"FROST-secp256k1-SHA256-v1chal", 1)[0]
    assert f.H2(2, msg) == m.from_be(m.tagged_hash("BIP0340/challenge", msg)) % m.N


# ==== ZF DKG vectors (plain and TR) ================================================================
DKG = [
    pytest.param(f.SUITE_PLAIN, ZF / "frost-secp256k1-vectors_dkg.json", id="zf-dkg"),
    pytest.param(f.SUITE_TR, ZF / "frost-secp256k1-tr-vectors_dkg.json", id="zf-tr-dkg"),
]


@pytest.mark.parametrize("suite,path", DKG)
def test_zf_dkg(suite, path):
    d = load(path)
    inp = d["inputs"]
    n, t = d["config"]["MAX_PARTICIPANTS"], d["config"]["MIN_PARTICIPANTS"]
    assert (n, t) == (3, 2)
    parties = [str(i) for i in range(1, n + 1)]
    assert set(inp) == set(parties) | {"verifying_key"}
    polys, comms = {}, {}
    for s in parties:
        p = inp[s]
        i = p["identifier"]
        assert i == int(s)
        polys[i] = [int(p["signing_key"], 16), int(p["coefficient"], 16)]
        comms[i] = f.vss_commit(polys[i])
        assert p["vss_commitments"] == [hx(c) for c in comms[i]]
        pok = h(p["proof_of_knowledge"])
        assert len(pok) == (64 if suite == f.SUITE_TR else 65)
        r, mu = f.pok_decode(suite, pok)
        assert f.pok_verify(suite, i, comms[i][0], r, mu)
        assert f.pok_encode(suite, r, mu) == pok
        # The proof is bound to the prover id and to C0, and ZF's form has no session.
        other = i % n + 1
        assert not f.pok_verify(suite, other, comms[i][0], r, mu)
        assert not f.pok_verify(suite, i, m.point_add(comms[i][0], m.G), r, mu)
        assert not f.pok_verify(suite, i, comms[i][0], r, mu, bytes(32))
    for s in parties:
        j = int(s)
        p = inp[s]
        # Gotcha (SOURCES.md): inputs[j].signing_shares[i] is f_i(j), received by j from i.
        assert set(p["signing_shares"]) == set(parties) - {s}
        for si, v in p["signing_shares"].items():
            assert v == hx(m.poly_eval(polys[int(si)], j))
        received = {i: m.poly_eval(polys[i], j) for i in polys}
        share, vshare, pk, vshares = f.dkg_finish(suite, j, comms, received)
        if suite == f.SUITE_TR:
            # ZF's TR post_dkg: the output commits to an unspendable script path, i.e. the
            # BIP341 TapTweak with an empty merkle root, after taking the key with even y.
            key = f.keypkg_tweak(f.KeyPkg(suite, j, share, vshare, pk), None)
            share, vshare, pk = key.share, key.verifying_share, key.group_key
            pk2, vs2 = f.pubkey_tweak(pk_untweaked(comms), [vshares[x] for x in sorted(vshares)], None)
            assert pk2 == pk
            vshares = dict(zip(sorted(vshares), vs2))
        assert p["signing_share"] == hx(share)
        assert p["verifying_share"] == hx(vshare) == hx(f.gmul(share))
        assert inp["verifying_key"] == hx(pk)
        for l in range(1, n + 1):
            assert inp[str(l)]["verifying_share"] == hx(vshares[l])


def pk_untweaked(comms):
    return m.multi_add([c[0] for c in comms.values()])


def test_zf_dkg_tr_untweaked_key_differs():
    """The TR file's verifying key is the tweaked one, not the plain sum of the C_i0."""
    d = load(ZF / "frost-secp256k1-tr-vectors_dkg.json")
    inp = d["inputs"]
    c0 = [m.point_decode(h(inp[str(i)]["vss_commitments"][0])) for i in range(1, 4)]
    assert hx(m.multi_add(c0)) != inp["verifying_key"]


# ==== BIP 445 draft vectors ==========================================================================
def bip_cases(name, kinds):
    doc = load(BIP / name)
    out = []
    for g in doc["test_groups"]:
        for kind in kinds:
            for c in g.get(kind, []):
                out.append(pytest.param(g, kind, c, id="%s-%s-%d" % (g["tg_id"], kind, c["tc_id"])))
    return out


def expect_error(err, fn, *args):
    """Runs fn and checks that it fails exactly as the vector's `error` says."""
    if err["type"] == "ValueError":
        with pytest.raises(f.BipValueError) as ei:
            fn(*args)
        assert ei.value.message == err["message"]
    else:
        assert err["type"] == "InvalidContributionError"
        with pytest.raises(f.BipContribError) as ei:
            fn(*args)
        assert (ei.value.signer_index, ei.value.contrib) == (err["signer_index"], err["contrib"])


def test_bip_files_complete():
    """Every case list of every file is collected below (nothing silently skipped)."""
    expected = {
        "sign_verify_vectors.json": {"valid_tests", "sign_error_tests", "verify_fail_tests", "verify_error_tests"},
        "tweak_vectors.json": {"valid_tests", "error_tests"},
        "det_sign_vectors.json": {"valid_tests", "error_tests"},
        "sig_agg_vectors.json": {"valid_tests", "error_tests"},
    }
    for name, kinds in expected.items():
        for g in load(BIP / name)["test_groups"]:
            lists = {k for k, v in g.items() if isinstance(v, list) and v and isinstance(v[0], dict)}
            assert lists == kinds, name
    assert set(load(BIP / "nonce_gen_vectors.json")) == {"valid_tests"}
    assert set(load(BIP / "nonce_agg_vectors.json")) == {"pubnonces", "valid_tests", "error_tests"}


def opt(v):
    return None if v is None else h(v)


NONCE_GEN = load(BIP / "nonce_gen_vectors.json")["valid_tests"]


@pytest.mark.parametrize("case", [pytest.param(c, id=str(c["tc_id"])) for c in NONCE_GEN])
def test_bip_nonce_gen(case):
    sec, pub = f.bip_nonce_gen_internal(h(case["rand_"]), opt(case["secshare"]), opt(case["pubshare"]),
                                        opt(case["thresh_pk"]), opt(case["msg"]), opt(case["extra_in"]))
    assert [sec.hex().upper(), pub.hex().upper()] == case["expected"]
    k1, k2 = m.from_be(sec[:32]), m.from_be(sec[32:])
    assert pub == m.point_encode(f.gmul(k1)) + m.point_encode(f.gmul(k2))


def nonce_agg_cases():
    doc = load(BIP / "nonce_agg_vectors.json")
    return [pytest.param(doc["pubnonces"], c, id=str(c["tc_id"])) for c in doc["valid_tests"] + doc["error_tests"]]


@pytest.mark.parametrize("pubnonces,case", nonce_agg_cases())
def test_bip_nonce_agg(pubnonces, case):
    pns = [h(pubnonces[i]) for i in case["pubnonce_indices"]]
    if "error" in case:
        expect_error(case["error"], f.bip_nonce_agg, pns)
    else:
        assert f.bip_nonce_agg(pns).hex().upper() == case["expected"]


def ctx_args(g, c, pub_key="pubshare_indices"):
    return (g["n"], g["t"], c["ids"], [h(g["pubshares"][i]) for i in c[pub_key]], h(g["thresh_pk"]))


def tweaks_of(g, c):
    if "tweak_indices" in c:
        return [h(g["tweaks"][i]) for i in c["tweak_indices"]], c["is_xonly"]
    return [h(x) for x in c.get("tweaks", [])], c.get("is_xonly", [])


def do_sign(g, c):
    tweaks, xonly = tweaks_of(g, c)
    sess = f.BipSession(h(c["aggnonce"]), *ctx_args(g, c), tweaks, xonly, h(c["msg"]))
    secnonce = bytearray(h(g["secnonces"][c["secnonce_index"]]))
    psig = f.bip_sign(secnonce, h(g["secshares"][c["secshare_index"]]), c["my_id"], sess)
    assert secnonce == bytearray(64)  # consumed
    return psig, sess


@pytest.mark.parametrize("g,kind,c", bip_cases("sign_verify_vectors.json",
                                                ["valid_tests", "sign_error_tests", "verify_fail_tests",
                                                 "verify_error_tests"]))
def test_bip_sign_verify(g, kind, c):
    msg = h(c["msg"])
    if kind == "valid_tests":
        pns = [h(g["pubnonces"][i]) for i in c["pubnonce_indices"]]
        assert f.bip_nonce_agg(pns).hex().upper() == c["aggnonce"]
        psig, _sess = do_sign(g, c)
        assert psig.hex().upper() == c["expected"]
        i = c["ids"].index(c["my_id"])
        assert f.bip_partial_sig_verify(psig, pns, *ctx_args(g, c), [], [], msg, i)
        # The secret nonce's public image is the pubnonce the signer contributed.
        sn = h(g["secnonces"][c["secnonce_index"]])
        assert m.point_encode(f.gmul(m.from_be(sn[:32]))) + m.point_encode(f.gmul(m.from_be(sn[32:]))) == pns[i]
    elif kind == "sign_error_tests":
        expect_error(c["error"], do_sign, g, c)
    else:
        pns = [h(g["pubnonces"][i]) for i in c["pubnonce_indices"]]
        args = (h(c["psig"]), pns, *ctx_args(g, c), [], [], msg, c["signer_index"])
        if kind == "verify_fail_tests":
            assert f.bip_partial_sig_verify(*args) is False
        else:
            expect_error(c["error"], f.bip_partial_sig_verify, *args)


@pytest.mark.parametrize("g,kind,c", bip_cases("tweak_vectors.json", ["valid_tests", "error_tests"]))
def test_bip_tweak(g, kind, c):
    if kind == "error_tests":
        expect_error(c["error"], do_sign, g, c)
        return
    pns = [h(g["pubnonces"][i]) for i in c["pubnonce_indices"]]
    assert f.bip_nonce_agg(pns).hex().upper() == c["aggnonce"]
    psig, _sess = do_sign(g, c)
    assert psig.hex().upper() == c["expected"]
    tweaks, xonly = tweaks_of(g, c)
    i = c["ids"].index(c["my_id"])
    assert f.bip_partial_sig_verify(psig, pns, *ctx_args(g, c), tweaks, xonly, h(c["msg"]), i)


def test_bip_tweak_all_signers_verify():
    """With every signer's share of a tweak case, the aggregate is a BIP340 signature under the
    tweaked x-only key (the secnonces and secshares of the group let us sign for everyone)."""
    g = load(BIP / "tweak_vectors.json")["test_groups"][0]
    c = next(x for x in g["valid_tests"] if len(x["tweak_indices"]) == 4 and len(x["ids"]) == 2)
    tweaks, xonly = tweaks_of(g, c)
    psigs = []
    for my_id, ss, sn in zip(c["ids"], c["pubshare_indices"], c["pubnonce_indices"]):
        sess = f.BipSession(h(c["aggnonce"]), *ctx_args(g, c), tweaks, xonly, h(c["msg"]))
        psigs.append(f.bip_sign(bytearray(h(g["secnonces"][sn])), h(g["secshares"][ss]), my_id, sess))
    sig = f.bip_partial_sig_agg(psigs, sess)
    assert m.bip340_verify(f.x_bytes(sess.q), h(c["msg"]), sig)


@pytest.mark.parametrize("g,kind,c", bip_cases("det_sign_vectors.json", ["valid_tests", "error_tests"]))
def test_bip_det_sign(g, kind, c):
    tweaks, xonly = tweaks_of(g, c)
    aon = None if c["aggothernonce"] is None else h(c["aggothernonce"])
    args = (h(g["secshares"][c["secshare_index"]]), c["my_id"], aon, *ctx_args(g, c), tweaks, xonly,
            h(c["msg"]), opt(c["rand"]))
    if kind == "error_tests":
        expect_error(c["error"], f.bip_deterministic_sign, *args)
        return
    pubnonce, psig = f.bip_deterministic_sign(*args)
    assert [pubnonce.hex().upper(), psig.hex().upper()] == c["expected"]


@pytest.mark.parametrize("g,kind,c", bip_cases("sig_agg_vectors.json", ["valid_tests", "error_tests"]))
def test_bip_sig_agg(g, kind, c):
    tweaks, xonly = tweaks_of(g, c)
    msg = h(c["msg"])
    sess = f.BipSession(h(c["aggnonce"]), *ctx_args(g, c), tweaks, xonly, msg)
    psigs = [h(p) for p in c["psigs"]]
    if kind == "error_tests":
        expect_error(c["error"], f.bip_partial_sig_agg, psigs, sess)
        return
    sig = f.bip_partial_sig_agg(psigs, sess)
    assert sig.hex().upper() == c["expected"]
    assert m.bip340_verify(f.x_bytes(sess.q), msg, sig)


@pytest.mark.parametrize("suite,path,pkkey", SIGNING)
def test_signing_whole_file(suite, path, pkkey):
    """The generic re-derivation (also used for Tessera's own vectors) rebuilds the whole file."""
    doc = load(path)
    assert f.rederive_rfc_shaped(doc, suite) == doc


def test_check_ids_match_common_h():
    """frost_model's check ids (tessera_model's plus the FROST/DKG ones) are common.h's."""
    import re
    text = (ROOT / "ref" / "include" / "tessera" / "common.h").read_text()
    found = dict((name, int(v)) for name, v in re.findall(r"TSR_CHECK_([A-Z_]+) = (\d+)", text))
    found.pop("_COUNT", None)
    assert found == f.CHECK
    assert "#define TSR_SUITE_SECP256K1_SHA256 %d" % f.SUITE_PLAIN in text
    assert "#define TSR_SUITE_SECP256K1_TR     %d" % f.SUITE_TR in text
    assert "TSR_CULPRIT_COORDINATOR 0x%xu" % f.CULPRIT_COORDINATOR in text


def test_frost_header_constants():
    text = (ROOT / "ref" / "include" / "tessera" / "frost.h").read_text()
    assert "#define TSR_FROST_BF_INPUT_BYTES (33 + 32 + 32 + 32)" in text
    assert "#define TSR_FROST_SIG_MAX_BYTES 65" in text
    assert (f.sig_len(f.SUITE_PLAIN), f.sig_len(f.SUITE_TR), f.sig_len(9)) == (65, 64, 0)


def test_keygen_dealer_layout():
    """tsr_frost_keygen_dealer's randomness layout: f(0) from the first 64 bytes when no secret is
    given, then one 64-byte block per further coefficient; shares f(1..n)."""
    rand = bytes(range(64)) * 3
    pkgs, pk, comm = f.keygen_dealer(f.SUITE_PLAIN, 3, 5, None, rand)
    a = [m.from_be(rand[64 * k:64 * (k + 1)]) % m.N for k in range(3)]
    assert comm == [f.gmul(x) for x in a] and pk == comm[0]
    assert [p.id for p in pkgs] == [1, 2, 3, 4, 5]
    assert all(p.share == m.poly_eval(a, p.id) and p.verifying_share == f.gmul(p.share) for p in pkgs)
    pkgs2, pk2, _ = f.keygen_dealer(f.SUITE_PLAIN, 3, 5, a[0], rand[64:])
    assert pk2 == pk and [p.share for p in pkgs2] == [p.share for p in pkgs]
    assert f.frejects(f.keygen_dealer, f.SUITE_PLAIN, 3, 5, None, rand[64:]) == ("TSR_ERR_ARG", f.CHECK["LENGTH"])
    assert f.frejects(f.keygen_dealer, f.SUITE_PLAIN, 6, 5, None, rand) == ("TSR_ERR_ARG", f.CHECK["THRESHOLD"])
    assert f.frejects(f.keygen_dealer, f.SUITE_PLAIN, 1, 5, None, rand[:64]) == ("TSR_ERR_ARG", f.CHECK["THRESHOLD"])
    assert f.frejects(f.keygen_dealer, 7, 3, 5, None, rand) == ("TSR_ERR_ARG", f.CHECK["SUITE"])
    assert f.frejects(f.commit, pkgs[0], bytes(64)) == ("TSR_ERR_ARG", 0)
