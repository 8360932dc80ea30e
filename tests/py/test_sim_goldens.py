"""Re-checks the simulator's golden transcripts (sim/scenarios/golden/*.txt) with the Python model.

For every scenario sim/scenarios/NAME.json that has a golden transcript, the model independently
verifies each signature the transcript reports, under the reported group key and the message the
scenario defines (spec/simulator.md §2: signature k of a ceremony with sign > 1 signs
msg || u8(k - 1)), with RFC 9591 §6 verify (plain suite) or BIP340 (TR suite); a signature with one
bit flipped must fail. It also checks the transcript's verdict lines against the scenario's own
"expect" block: the outcome, every party the scenario says must be blamed (and with which check),
and that exactly the oracle properties listed in expect.violations fail. The C simulator wrote
these files; nothing here calls it.
"""
import json
import os
import re

import pytest

import frost_model as fm

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
SCEN = os.path.join(ROOT, "sim", "scenarios")
GOLD = os.path.join(SCEN, "golden")
PROPS = ["agreement", "blame_sound", "identified", "liveness", "secrecy", "no_leak"]


def scenarios():
    out = []
    for f in sorted(os.listdir(SCEN)):
        if f.endswith(".json") and os.path.exists(os.path.join(GOLD, f[:-5] + ".txt")):
            out.append(f[:-5])
    return out


def load(name):
    with open(os.path.join(SCEN, name + ".json")) as f:
        sc = json.load(f)
    with open(os.path.join(GOLD, name + ".txt")) as f:
        tr = f.read()
    return sc, tr


def message(sc):
    if "message_hex" in sc:
        return bytes.fromhex(sc["message_hex"])
    return sc.get("message", "tessera").encode()


def signatures(tr):
    """(k, hex) of every 'signature k: ..., verified, HEX' line of the result block."""
    res = tr.split("== result ==", 1)
    assert len(res) == 2, "no result block"
    return [(int(k), h) for k, h in re.findall(r"^signature (\d+): .*?([0-9a-f]{128,130})$", res[1], re.M)]


def test_there_are_goldens():
    assert len(scenarios()) >= 30


@pytest.mark.parametrize("name", scenarios())
def test_signatures_verify_in_the_model(name):
    sc, tr = load(name)
    suite = fm.SUITE_NAMES[sc.get("suite", "secp256k1-tr")]
    nsign = sc.get("sign", 1)
    m = re.search(r"^group key: ([0-9a-f]{66})$", tr, re.M)
    sigs = signatures(tr)
    if not sigs:
        return
    assert m is not None, "signatures without a group key"
    gk = fm.m.point_decode(bytes.fromhex(m.group(1)))
    for k, h in sigs:
        msg = message(sc) + (bytes([k - 1]) if nsign > 1 else b"")
        sig = bytearray.fromhex(h)
        assert len(sig) == fm.sig_len(suite)
        assert fm.verify(suite, sig, gk, msg), f"signature {k} does not verify in the model"
        sig[len(sig) // 2] ^= 1
        assert not fm.verify(suite, sig, gk, msg), "a flipped signature verifies"


@pytest.mark.parametrize("name", scenarios())
def test_verdicts_match_the_expectations(name):
    sc, tr = load(name)
    exp = sc.get("expect", {})
    res = tr.split("== result ==", 1)[1]
    if "outcome" in exp:
        assert re.search(r"^outcome: " + exp["outcome"] + "$", res, re.M), "outcome differs"
    for b in exp.get("blamed", []):
        who = "coordinator" if b["party"] == 0 else f"party {b['party']}"
        line = re.search(r"^" + who + r": .*$", res, re.M)
        assert line is not None, f"no line for {who}"
        blamed_by = line.group(0).split("blamed by", 1)
        assert len(blamed_by) == 2, f"{who} is not blamed"
        if b.get("check", "any") not in ("any", None):
            assert "(" + b["check"].upper() in blamed_by[1], f"{who} not blamed with {b['check']}"
    oracle = re.search(r"^oracle: (.*)$", res, re.M)
    assert oracle is not None
    verdict = dict(x.strip().split(" ", 1) for x in oracle.group(1).split(","))
    for p in PROPS:
        want_fail = p in exp.get("violations", [])
        assert (verdict[p] == "FAIL") == want_fail or (verdict[p] == "n/a" and not want_fail), \
            f"{p}: {verdict[p]}"
    assert re.search(r"^expect: ok", res, re.M), "the scenario's expectations are not met"
