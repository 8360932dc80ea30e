"""Re-derives every value of Tessera's own FROST vectors (vectors/frost/*.json) with frost_model.

Nothing is taken from a file on trust. Each ceremony is rebuilt from its labels (vectors/README.md:
bytes/scalar from a label with DST "TSR-VECTORS-v1"; the signer sets of spec/frost.md §14) through
the model's own API path: dealer keygen, commit, sign, share verification, aggregate, verify. The
expected document is then compared with the file as a whole, key order included; a difference is
reported with its JSON path, the expected and the found value. Invalid cases are rebuilt from the
honest ceremony named by "base" and the mutation the case name (and spec/frost.md) describes, and
the model must refuse them with the stated code, check and culprits. Only free-text fields
("reason", "mutation", "source" and the labels' prose) are copied from the files.

Cost: the 67-of-100 ceremonies are derived in full. The model's slow generic multiplication is
used everywhere except for the Feldman commitments and verifying shares, which also go through
vector_support's fast path (cross-checked against the model in test_fast_path_agrees_with_model).
Measured: about 3.5 s of CPU for this module (most of it the two 67-of-100 ceremonies).
"""

import functools
import pathlib
import re

import pytest

import frost_model as f
import tessera_model as m
import vector_support as v
from vector_support import hp, hs

ROOT = pathlib.Path(__file__).resolve().parents[2]
FROST = ROOT / "vectors" / "frost"
SUITE_NAME = {f.SUITE_PLAIN: "secp256k1", f.SUITE_TR: "secp256k1-tr"}
SUITE_OF = {"secp256k1": f.SUITE_PLAIN, "secp256k1-tr": f.SUITE_TR}
CONFIGS = [(2, 3), (3, 5), (67, 100)]
CEREMONY_FILES = {("%s-%dof%d.json" % ("tr" if s == f.SUITE_TR else "secp256k1", t, n)): (s, t, n)
                  for s in (f.SUITE_PLAIN, f.SUITE_TR) for t, n in CONFIGS}
ALL_FILES = sorted(list(CEREMONY_FILES) + ["invalid.json", "tr-taproot-tweak.json"])
CONFIG_NAME = {
    f.SUITE_PLAIN: "FROST(secp256k1, SHA-256)",
    f.SUITE_TR: "FROST(secp256k1, SHA-256), BIP340/Taproot (FROST-secp256k1-SHA256-TR-v1)",
}


def load(name):
    return v.load_canonical(FROST / name)


def signers_of(n):
    """spec/frost.md §14: 2-of-3 signs with {1, 3}, 3-of-5 with {2, 4, 5}, 67-of-100 with every id
    that is not a multiple of 3."""
    return {3: [1, 3], 5: [2, 4, 5]}.get(n) or [i for i in range(1, n + 1) if i % 3]


def parse_prefix(prefix):
    """'frost/secp256k1-tr/2of3' -> (suite, t, n)."""
    mm = re.fullmatch(r"frost/(secp256k1|secp256k1-tr)/(\d+)of(\d+)", prefix)
    assert mm, prefix
    return SUITE_OF[mm.group(1)], int(mm.group(2)), int(mm.group(3))


class Ceremony:
    """One honest ceremony, every input from its labels, every output from the model."""

    def __init__(self, suite, t, n):
        self.suite, self.t, self.n = suite, t, n
        self.prefix = "frost/%s/%dof%d" % (SUITE_NAME[suite], t, n)
        p = self.prefix
        self.secret = v.scalar_from_label(p + "/secret")
        self.rand = v.bytes_from_label(p + "/rand", 64 * (t - 1))
        self.msg = v.bytes_from_label(p + "/message", 32)
        self.coeffs = m.poly_init(self.secret, t, self.rand)
        self.pkgs, self.pk, self.commitment = f.keygen_dealer(suite, t, n, self.secret, self.rand)
        self.signers = signers_of(n)
        assert len(self.signers) == t
        self.byid = {k.id: k for k in self.pkgs}
        self.nrand = {i: v.bytes_from_label("%s/hiding-randomness/%d" % (p, i), 32)
                      + v.bytes_from_label("%s/binding-randomness/%d" % (p, i), 32) for i in self.signers}
        self.nonces, self.clist = {}, []
        for i in self.signers:
            nonce, c = f.commit(self.byid[i], self.nrand[i])
            self.nonces[i] = (nonce.hiding, nonce.binding)
            self.clist.append(c)
        f.check_commitment_list(self.clist, t)
        self.session = f.SigningSession(suite, self.pk, self.clist, self.msg)
        if len(self.signers) <= 5:
            # The full signer path (nonce state, list checks, own commitment) for the small files.
            self.z = {i: f.sign(f.commit(self.byid[i], self.nrand[i])[0], self.byid[i], self.clist, self.msg)
                      for i in self.signers}
        else:
            self.z = {i: f.sign_in_session(self.session, self.byid[i], *self.nonces[i]) for i in self.signers}
        self.shares = [(i, self.z[i]) for i in self.signers]
        self.vshares = [self.byid[i].verifying_share for i in self.signers]
        for i in self.signers:
            assert f.verify_signature_share(suite, i, self.z[i], self.byid[i].verifying_share, self.clist, self.pk,
                                            self.msg, self.session)
        self.sig, culprits = f.aggregate(suite, self.clist, self.shares, self.vshares, self.pk, self.msg)
        assert culprits == [] and f.verify_result(suite, self.sig, self.pk, self.msg) is None

    def pk_key(self):
        return "verifying_key_key" if self.suite == f.SUITE_TR else "group_public_key"

    def expected(self, labels_prose):
        s, p = self.session, self.prefix
        return {
            "config": {
                "MAX_PARTICIPANTS": str(self.n),
                "NUM_PARTICIPANTS": str(len(self.signers)),
                "MIN_PARTICIPANTS": str(self.t),
                "name": CONFIG_NAME[self.suite],
                "group": "secp256k1",
                "hash": "SHA-256",
                "tessera_suite": SUITE_NAME[self.suite],
            },
            "generator": v.expected_generator("vectors/gen/gv_frost.c"),
            "labels": {
                "group_secret_key": p + "/secret",
                "coefficient_rand": p + "/rand",
                "coefficients": labels_prose["coefficients"],
                "message": p + "/message",
                "hiding_nonce_randomness": p + "/hiding-randomness",
                "binding_nonce_randomness": p + "/binding-randomness",
                "per_signer": labels_prose["per_signer"],
            },
            "inputs": {
                "participant_list": list(self.signers),
                "group_secret_key": hs(self.secret),
                self.pk_key(): hp(self.pk),
                "message": self.msg.hex(),
                "share_polynomial_coefficients": [hs(a) for a in self.coeffs[1:]],
                "vss_commitment": [hp(c) for c in self.commitment],
                "participant_shares": [{"identifier": k.id, "participant_share": hs(k.share),
                                        "verifying_share": hp(k.verifying_share)} for k in self.pkgs],
            },
            "round_one_outputs": {"outputs": [{
                "identifier": c.id,
                "hiding_nonce_randomness": self.nrand[c.id][:32].hex(),
                "binding_nonce_randomness": self.nrand[c.id][32:].hex(),
                "hiding_nonce": hs(self.nonces[c.id][0]),
                "binding_nonce": hs(self.nonces[c.id][1]),
                "hiding_nonce_commitment": hp(c.hiding),
                "binding_nonce_commitment": hp(c.binding),
                "binding_factor_input": s.bf[c.id][1].hex(),
                "binding_factor": hs(s.rho[c.id]),
            } for c in self.clist]},
            "round_two_outputs": {"outputs": [{
                "identifier": i,
                "interpolating_value": hs(s.lam(i)),
                "sig_share": hs(self.z[i]),
            } for i in self.signers]},
            "final_output": {
                "group_commitment": hp(s.r),
                "challenge": hs(s.c),
                "sig": self.sig.hex(),
            },
        }


@functools.lru_cache(maxsize=None)
def ceremony(suite, t, n):
    return Ceremony(suite, t, n)


# ---- files, layout, names ---------------------------------------------------------------------------
def test_no_unexpected_files():
    assert sorted(p.name for p in FROST.glob("*.json")) == ALL_FILES


@pytest.mark.parametrize("name", ALL_FILES)
def test_canonical_layout(name):
    text = (FROST / name).read_text(encoding="ascii")
    load(name)  # asserts json.dumps(doc, indent=2) + "\n"
    for s in re.findall(r'"([0-9a-fA-F]{2,})"', text):
        assert s == s.lower(), "%s: upper-case hex %s" % (name, s[:16])


def test_check_names_match_common_c():
    """tessera_model.CHECK_NAMES (the names the vector files carry) is common.c's table, entry by
    entry, and covers every check id of common.h."""
    text = (ROOT / "ref" / "src" / "common.c").read_text()
    body = text[text.index("tsr_check_names[TSR_CHECK__COUNT]"):]
    body = body[body.index("{") + 1:body.index("};")]
    names = re.findall(r'"((?:[^"\\]|\\.)*)"', body)
    assert names == [m.CHECK_NAMES[c] for c in sorted(m.Check)]
    assert len(names) == max(m.Check) + 1


def test_fast_path_agrees_with_model():
    """vector_support's fast EC path gives the model's results (edge scalars, label scalars,
    Horner evaluation at small x, sums with cancellation)."""
    ks = [0, 1, 2, 3, 255, 256, 2 ** 128, m.N - 1, m.N - 2, m.N // 2] + \
         [v.scalar_from_label("tests/py/fast-path/%d" % i) for i in range(12)]
    assert [v.base_mul(k) for k in ks] == [m.base_mul(k) for k in ks]
    assert v.base_mul_many(ks) == [m.base_mul(k) for k in ks]
    comm = [m.base_mul(k) for k in ks[1:9]]
    xs = [1, 2, 3, 7, 64, 70, 99, 100, 255, 256]
    assert v.vss_eval_many(comm, xs) == [m.vss_eval(comm, x) for x in xs]
    pts = comm + [m.point_neg(comm[0]), None, comm[1]]
    assert v.point_sum(pts) == m.multi_add(pts)
    assert v.point_sum([m.G, m.point_neg(m.G)]) is None
    assert v.point_sum([m.G, m.G]) == m.base_mul(2)


# ---- ceremony files -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(CEREMONY_FILES))
def test_ceremony_file(name):
    suite, t, n = CEREMONY_FILES[name]
    doc = load(name)
    c = ceremony(suite, t, n)
    prose = doc.get("labels", {})
    assert prose.get("coefficients") and prose.get("per_signer")
    v.assert_same(doc, c.expected(prose), name)


@pytest.mark.parametrize("name", sorted(CEREMONY_FILES))
def test_ceremony_public_values(name):
    """Second routes to the public values: the Feldman commitment and every verifying share through
    the fast path (commitment evaluated at the id, and share*G), each share Feldman-valid, the
    signature a valid signature (TR: BIP340 under x(PK)), and any t shares give the secret."""
    suite, t, n = CEREMONY_FILES[name]
    doc = load(name)
    inp = doc["inputs"]
    comm = [v.pt(x) for x in inp["vss_commitment"]]
    assert comm == v.base_mul_many([int(inp["group_secret_key"], 16)]
                                   + [int(a, 16) for a in inp["share_polynomial_coefficients"]])
    shares = [int(s["participant_share"], 16) for s in inp["participant_shares"]]
    vs = [v.pt(s["verifying_share"]) for s in inp["participant_shares"]]
    assert [s["identifier"] for s in inp["participant_shares"]] == list(range(1, n + 1))
    assert v.vss_eval_many(comm, range(1, n + 1)) == vs
    assert v.base_mul_many(shares) == vs
    ids = list(range(n - t + 1, n + 1))
    assert m.shamir_reconstruct(ids, shares[n - t:]) == int(inp["group_secret_key"], 16)
    pk = v.pt(inp["verifying_key_key" if suite == f.SUITE_TR else "group_public_key"])
    msg = bytes.fromhex(inp["message"])
    sig = bytes.fromhex(doc["final_output"]["sig"])
    assert f.verify(suite, sig, pk, msg)
    if suite == f.SUITE_TR:
        assert m.bip340_verify(f.x_bytes(pk), msg, sig)


# ---- invalid.json -----------------------------------------------------------------------------------------
def invalid_cases():
    # Names are unique (test_invalid_case_names_unique), so they serve as test ids.
    return [pytest.param(c, id=c["name"]) for c in load("invalid.json")["cases"]]


# spec/frost.md §6.1, §7, §9, §10, §11 name these cases (the TR suite adds the "tr-" variants of the
# 2-of-3 cases). The nonce-reuse case of the TR suite is expected as "tr-sign-nonce-state-reused".
TWO_OF_THREE = ["aggregate-one-bad-share", "sign-list-unsorted", "sign-list-duplicate-id",
                "sign-list-identity-commitment", "sign-list-id-zero", "sign-own-commitment-missing",
                "sign-own-commitment-altered", "sign-nonce-state-reused", "verify-z-flipped", "verify-short",
                "verify-z-not-below-n"]
DECODERS = ["decode-commitment-valid", "decode-commitment-short", "decode-commitment-long",
            "decode-commitment-id-zero", "decode-commitment-hiding-prefix-04",
            "decode-commitment-binding-identity", "decode-sigshare-valid", "decode-sigshare-short",
            "decode-sigshare-z-equals-n"]
EXPECTED_INVALID_NAMES = sorted(["tr-" + x for x in TWO_OF_THREE] + TWO_OF_THREE
                                + ["aggregate-two-bad-shares"] + DECODERS)


def test_invalid_file_shape():
    doc = load("invalid.json")
    assert list(doc.keys()) == ["description", "generator", "cases"]
    assert doc["generator"] == v.expected_generator("vectors/gen/gv_frost.c")
    assert isinstance(doc["description"], str) and doc["description"]
    assert sorted(c["name"] for c in doc["cases"]) == EXPECTED_INVALID_NAMES
    assert [c["suite"] for c in doc["cases"] if c["name"].endswith("sign-nonce-state-reused")] == \
        ["secp256k1-tr", "secp256k1"]


def test_invalid_case_names_unique():
    names = [c["name"] for c in load("invalid.json")["cases"]]
    assert sorted(names) == EXPECTED_INVALID_NAMES and len(set(names)) == len(names)


def expect_fields(err, check, reason):
    return {"error": err, "check": int(check), "check_symbol": m.check_symbol(check),
            "check_name": m.CHECK_NAMES[m.Check(check)], "reason": reason}


def clist_json(clist):
    return [{"identifier": c.id, "hiding_nonce_commitment": hp(c.hiding),
             "binding_nonce_commitment": hp(c.binding)} for c in clist]


def mutate_list(kind, clist):
    """The coordinator's manipulations of spec/frost.md §6.1 / §7 S5, by case name (list[0] is the
    signer's own entry)."""
    lst = [f.Commitment(c.id, c.hiding, c.binding) for c in clist]
    if kind == "sign-list-unsorted":
        lst[0], lst[1] = lst[1], lst[0]
    elif kind == "sign-list-duplicate-id":
        lst[1] = f.Commitment(lst[0].id, lst[0].hiding, lst[0].binding)
    elif kind == "sign-list-identity-commitment":
        lst[1].binding = None
    elif kind == "sign-list-id-zero":
        lst[0].id = 0
    elif kind == "sign-own-commitment-missing":
        lst = lst[1:]
    elif kind == "sign-own-commitment-altered":
        lst[0].hiding = lst[1].hiding
    else:
        raise AssertionError("unknown sign case " + kind)
    return lst


# The decoder cases are built from the first signer (id 2) of the plain 3-of-5 ceremony (its
# commitment and its signature share). Each case names that ceremony's label prefix as "base"; the
# strict comparison requires it to be this one.
DECODE_BASE = (f.SUITE_PLAIN, 3, 5)


def decode_input(name):
    c = ceremony(*DECODE_BASE)
    i = c.signers[0]
    enc = f.commitment_encode(c.clist[0])
    ss = f.sigshare_encode(i, c.z[i])
    return {
        "decode-commitment-valid": enc,
        "decode-commitment-short": enc[:-1],
        "decode-commitment-long": enc + b"\x00",
        "decode-commitment-id-zero": bytes(4) + enc[4:],
        "decode-commitment-hiding-prefix-04": enc[:4] + b"\x04" + enc[5:],
        "decode-commitment-binding-identity": enc[:37] + bytes(33),
        "decode-sigshare-valid": ss,
        "decode-sigshare-short": ss[:-1],
        "decode-sigshare-z-equals-n": ss[:4] + m.be(m.N, 32),
    }[name]


def expected_invalid(case):
    name, op = case["name"], case["operation"]
    if op.startswith("decode_"):
        b = decode_input(name)
        source = case.get("source")
        assert isinstance(source, str) and source  # free text, copied
        exp = {"name": name, "valid": case["valid"], "operation": op, "base": ceremony(*DECODE_BASE).prefix,
               "source": source, "input": b.hex()}
        try:
            if op == "decode_commitment":
                out = f.commitment_decode(b)
                exp.update({"valid": True, "identifier": out.id})
            else:
                ident, z = f.sigshare_decode(b)
                exp.update({"valid": True, "identifier": ident, "sig_share": hs(z)})
        except f.FrostReject as e:
            exp.update({"valid": False})
            exp.update(expect_fields(e.err, e.check, case.get("reason")))
        return exp

    suite, t, n = parse_prefix(case["base"])
    c = ceremony(suite, t, n)
    assert case["suite"] == SUITE_NAME[suite]
    head = {"name": name, "valid": False, "operation": op, "suite": SUITE_NAME[suite], "base": c.prefix}
    kind = name[3:] if name.startswith("tr-") else name

    if op == "aggregate":
        bad = case["bad_signers"]
        assert bad and all(i in c.signers for i in bad)
        shares = [(i, (z + 1) % m.N if i in bad else z) for i, z in c.shares]
        sig, culprits = f.aggregate(suite, c.clist, shares, c.vshares, c.pk, c.msg)
        assert sig is None and culprits == sorted(bad)
        exp = dict(head, mutation=case["mutation"], bad_signers=bad)
        exp.update(expect_fields("TSR_ERR_VERIFY", f.CHECK["SIGNATURE_SHARE"], case.get("reason")))
        exp["culprits"] = [{"identifier": i, "check": f.CHECK["SIGNATURE_SHARE"]} for i in culprits]
        return exp

    if op == "sign":
        me = c.signers[0]
        key = c.byid[me]
        if kind == "sign-nonce-state-reused":
            nonce, _ = f.commit(key, c.nrand[me])
            assert f.sign(nonce, key, c.clist, c.msg) == c.z[me]  # the first use succeeds
            with pytest.raises(f.FrostReject) as ex:
                f.sign(nonce, key, c.clist, c.msg)
            assert (ex.value.err, ex.value.check) == ("TSR_ERR_STATE", m.Check.NONE)
            exp = dict(head, signer=me, mutation=case["mutation"])
            exp.update(expect_fields(ex.value.err, ex.value.check, case.get("reason")))
            return exp
        lst = mutate_list(kind, c.clist)
        nonce, _ = f.commit(key, c.nrand[me])
        with pytest.raises(f.FrostReject) as ex:
            f.sign(nonce, key, lst, c.msg)
        assert not nonce.fresh  # burnt whatever the outcome (§7 S1)
        e = ex.value
        assert (e.culprit, e.phase, e.round) == (f.CULPRIT_COORDINATOR, f.PHASE_SIGN, 2)
        exp = dict(head, signer=me, commitment_list=clist_json(lst))
        exp.update(expect_fields(e.err, e.check, case.get("reason")))
        exp["culprit"] = "coordinator"
        return exp

    if op == "verify":
        sig = c.sig
        if kind == "verify-z-flipped":
            sig = sig[:-1] + bytes([sig[-1] ^ 1])
        elif kind == "verify-short":
            sig = sig[:-1]
        elif kind == "verify-z-not-below-n":
            sig = sig[:-32] + b"\xff" * 32
        else:
            raise AssertionError("unknown verify case " + name)
        res = f.verify_result(suite, sig, c.pk, c.msg)
        assert res is not None
        return dict(head, sig=sig.hex(), error=res[0], reason=case.get("reason"))
    raise AssertionError("unknown operation " + op)


@pytest.mark.parametrize("case", invalid_cases())
def test_invalid_case(case):
    v.assert_same(case, expected_invalid(case), "invalid.json[%s]" % case["name"])
    if not case["valid"]:
        assert case["reason"]


def test_invalid_check_ids_are_the_specs():
    """The check each refusal reports is the one spec/frost.md names for it."""
    want = {"sign-list-unsorted": 30, "sign-list-duplicate-id": 16, "sign-list-identity-commitment": 14,
            "sign-list-id-zero": 15, "sign-own-commitment-missing": 31, "sign-own-commitment-altered": 31,
            "aggregate-one-bad-share": 28, "aggregate-two-bad-shares": 28, "sign-nonce-state-reused": 0,
            "decode-commitment-short": 1, "decode-commitment-long": 1, "decode-commitment-id-zero": 15,
            "decode-commitment-hiding-prefix-04": 11, "decode-commitment-binding-identity": 14,
            "decode-sigshare-short": 1, "decode-sigshare-z-equals-n": 9}
    for c in load("invalid.json")["cases"]:
        kind = c["name"][3:] if c["name"].startswith("tr-") else c["name"]
        if kind in want:
            assert c["check"] == want[kind], c["name"]
        if c["operation"] == "verify":
            assert c["error"] == ("TSR_ERR_VERIFY" if kind == "verify-z-flipped" else "TSR_ERR_ENCODING")


# ---- tr-taproot-tweak.json ------------------------------------------------------------------------------
def tweak_cases():
    return [pytest.param(c, id=c["name"]) for c in load("tr-taproot-tweak.json")["cases"]]


def test_tweak_file_shape():
    doc = load("tr-taproot-tweak.json")
    assert list(doc.keys()) == ["description", "generator", "cases"]
    assert doc["generator"] == v.expected_generator("vectors/gen/gv_frost.c")
    assert [c["name"] for c in doc["cases"]] == ["tweak-no-merkle-root", "tweak-merkle-root"]


@pytest.mark.parametrize("case", tweak_cases())
def test_tweak_case(case):
    """spec/frost.md §4.3: the 2-of-3 TR ceremony's packages tweaked (BIP341, no merkle root or the
    label-derived one), committed with the same nonce randomness, signed and aggregated; the
    signature is BIP340-valid under x(Q)."""
    suite, t, n = parse_prefix(case["base"])
    assert suite == f.SUITE_TR
    c = ceremony(suite, t, n)
    with_root = case["name"] == "tweak-merkle-root"
    label = c.prefix + "/merkle-root"
    root = v.bytes_from_label(label, 32) if with_root else None
    keys = [f.keypkg_tweak(k, root) for k in c.pkgs]
    q, vs = f.pubkey_tweak(c.pk, [k.verifying_share for k in c.pkgs], root)
    # BIP341 taproot_tweak_pubkey, written out: Q = lift_x(x(PK)) + int(TapTweak(x(PK) || root)) G.
    tw = m.from_be(m.tagged_hash("TapTweak", f.x_bytes(c.pk) + (root or b"")))
    assert q == m.point_add(m.lift_x(f.x_bytes(c.pk)), m.base_mul(tw))
    for k, vk in zip(keys, vs):
        assert k.group_key == q and k.verifying_share == vk == m.base_mul(k.share)
    assert m.shamir_reconstruct([1, 2], [keys[0].share, keys[1].share]) == \
        ((c.secret if f.has_even_y(c.pk) else m.N - c.secret) + tw) % m.N
    byid = {k.id: k for k in keys}
    nonces, clist = {}, []
    for i in c.signers:
        nonces[i], cm = f.commit(byid[i], c.nrand[i])
        clist.append(cm)
    zs = [f.sign(nonces[i], byid[i], clist, c.msg) for i in c.signers]
    sig, culprits = f.aggregate(suite, clist, list(zip(c.signers, zs)), [byid[i].verifying_share for i in c.signers],
                                q, c.msg)
    assert culprits == [] and m.bip340_verify(f.x_bytes(q), c.msg, sig)
    exp = {"name": case["name"], "valid": True, "base": c.prefix, "verifying_key_key": hp(c.pk)}
    if with_root:
        exp.update({"merkle_root_label": label, "merkle_root": root.hex()})
    else:
        exp["merkle_root"] = None
    exp.update({
        "tweaked_key": hp(q),
        "tweaked_key_xonly": f.x_bytes(q).hex(),
        "participant_shares": [{"identifier": k.id, "participant_share": hs(k.share),
                                "verifying_share": hp(k.verifying_share)} for k in keys],
        "commitment_list": clist_json(clist),
        "sig_shares": [hs(z) for z in zs],
        "sig": sig.hex(),
    })
    v.assert_same(case, exp, "tr-taproot-tweak.json[%s]" % case["name"])
