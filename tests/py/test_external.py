"""Re-checks the external vectors with the model: RFC 9380 Appendix K expand_message_xmd(SHA-256)
and the BIP340 test vectors (lift_x, public key derivation, signing with aux_rand, verification)."""

import csv
import json
import pathlib

import pytest

import tessera_model as m
from tessera_model import Check

ROOT = pathlib.Path(__file__).resolve().parents[2]
XMD = ROOT / "vectors" / "external" / "rfc9380" / "expand_message_xmd_sha256.json"
BIP340 = ROOT / "vectors" / "external" / "bip340" / "bip340-test-vectors.csv"


# ---- RFC 9380 --------------------------------------------------------------------------------------
def xmd_cases():
    doc = json.loads(XMD.read_text())
    out = []
    for g in doc["groups"]:
        for t in g["tests"]:
            out.append(pytest.param(g, t, id="%s-%d-%s" % (g["section"], t["len_in_bytes"], t["msg"][:12])))
    return out


def test_xmd_file_shape():
    doc = json.loads(XMD.read_text())
    assert doc["hash"] == "SHA-256"
    sections = {g["section"]: g for g in doc["groups"]}
    assert set(sections) == {"K.1", "K.2"}
    assert sections["K.1"]["DST"] == "QUUX-V01-CS02-with-expander-SHA256-128"
    assert len(sections["K.2"]["DST"]) > 255  # the oversize-DST rule applies
    msgs = {"", "abc", "abcdef0123456789", "q128_" + "q" * 128, "a512_" + "a" * 512}
    for g in doc["groups"]:
        assert len(g["tests"]) == 10
        assert {t["msg"] for t in g["tests"]} == msgs
        assert {t["len_in_bytes"] for t in g["tests"]} == {0x20, 0x80}


@pytest.mark.parametrize("group,test", xmd_cases())
def test_xmd_vector(group, test):
    dst = group["DST"].encode("ascii")
    msg = test["msg"].encode("ascii")
    assert m.xmd_dst_prime(dst).hex() == group["DST_prime"]
    assert m.xmd_msg_prime(msg, dst, test["len_in_bytes"]).hex() == test["msg_prime"]
    out = m.expand_message_xmd(msg, dst, test["len_in_bytes"])
    assert out.hex() == test["uniform_bytes"]
    assert len(out) == test["len_in_bytes"]


# ---- BIP340 ----------------------------------------------------------------------------------------
def bip340_rows():
    with BIP340.open(newline="") as f:
        rows = list(csv.DictReader(f))
    return [pytest.param(r, id="row-" + r["index"]) for r in rows]


def test_bip340_file_shape():
    with BIP340.open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["index"]) for r in rows] == list(range(19))


@pytest.mark.parametrize("row", bip340_rows())
def test_bip340_row(row):
    pk = bytes.fromhex(row["public key"])
    msg = bytes.fromhex(row["message"])
    sig = bytes.fromhex(row["signature"])
    expected = row["verification result"] == "TRUE"
    comment = row["comment"].lower()

    # lift_x of the public key, with the reason when it fails.
    rej = m.rejects(m.lift_x, pk)
    if "not on the curve" in comment:
        assert rej == ("TSR_ERR_ENCODING", Check.POINT_NOT_ON_CURVE)
    elif "exceeds the field size" in comment and "public key" in comment:
        assert rej == ("TSR_ERR_ENCODING", Check.POINT_X_RANGE)
    else:
        assert rej is None
        pt = m.lift_x(pk)
        assert pt[1] % 2 == 0 and m.on_curve(pt)
        assert m.xonly_encode(pt)[0] == pk

    if row["secret key"]:
        sk = bytes.fromhex(row["secret key"])
        assert m.bip340_pubkey(sk) == pk
        aux = bytes.fromhex(row["aux_rand"])
        assert m.bip340_sign(sk, msg, aux) == sig

    assert m.bip340_verify(pk, msg, sig) is expected
