#!/usr/bin/python3
"""Writes the seed corpora of the fuzz harnesses (fuzz/corpus/<name>/) and their AFL++
dictionaries (fuzz/dict/<name>.dict), reproducibly: every byte is derived from fixed labels.

Usage: /usr/bin/python3 fuzz/make_corpus.py [FUZZDIR]   (default: the directory of this script)

Seeds named "min-*" are entries AFL++ found and afl-tmin minimised (see fuzz/README.md); they are
kept verbatim in MINED below so that rerunning this script reproduces the committed corpora.
"""
import hashlib
import os
import sys

# secp256k1 (SEC 2): field prime p, group order n, generator G.
P = 2**256 - 2**32 - 977
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
     0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)

MAX_PARTIES = 256


def det(label, n):
    """n deterministic bytes derived from label."""
    out = b""
    ctr = 0
    while len(out) < n:
        out += hashlib.sha256(b"TSR-FUZZ-CORPUS-v1" + label.encode() + ctr.to_bytes(4, "big")).digest()
        ctr += 1
    return out[:n]


def point_add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0] and (a[1] + b[1]) % P == 0:
        return None
    if a == b:
        lam = 3 * a[0] * a[0] * pow(2 * a[1], P - 2, P) % P
    else:
        lam = (b[1] - a[1]) * pow(b[0] - a[0], P - 2, P) % P
    x = (lam * lam - a[0] - b[0]) % P
    return (x, (lam * (a[0] - x) - a[1]) % P)


def point_mul(k, pt=G):
    r = None
    while k:
        if k & 1:
            r = point_add(r, pt)
        pt = point_add(pt, pt)
        k >>= 1
    return r


def compress(pt):
    if pt is None:
        return bytes(33)
    return bytes([2 + (pt[1] & 1)]) + pt[0].to_bytes(32, "big")


def on_curve_x(x):
    """True if x < p is the x coordinate of a curve point (x^3 + 7 is a square mod p)."""
    return pow((x * x * x + 7) % P, (P - 1) // 2, P) == 1


def first_x(start, want_on_curve):
    x = start
    while on_curve_x(x) != want_on_curve:
        x += 1
    return x


def be(v, n):
    return v.to_bytes(n, "big")


def scalar_bytes(v):
    return be(v, 32)


def frame(fields, version=1, suite=1, msg_type=0x0101, sender=1, session=None, nfields=None):
    if session is None:
        session = det("session", 32)
    if nfields is None:
        nfields = len(fields)
    out = bytes([version, suite]) + be(msg_type, 2) + session + be(sender, 4) + be(nfields, 2)
    for f in fields:
        out += be(len(f), 4) + f
    return out


def commitment(points):
    return be(len(points), 2) + b"".join(compress(p) for p in points)


def corpus_scalar():
    r = {}
    r["zero"] = bytes(32)
    r["one"] = scalar_bytes(1)
    r["n-minus-1"] = scalar_bytes(N - 1)
    r["n"] = scalar_bytes(N)
    r["n-plus-1"] = scalar_bytes(N + 1)
    r["all-ff"] = b"\xff" * 32
    r["random-below-n"] = scalar_bytes(int.from_bytes(det("scalar-a", 32), "big") % N)
    r["pair-random"] = scalar_bytes(int.from_bytes(det("scalar-b", 32), "big") % N) + \
        scalar_bytes(int.from_bytes(det("scalar-c", 32), "big") % N)
    r["pair-n-minus-1-and-2"] = scalar_bytes(N - 1) + scalar_bytes(2)
    r["pair-zero-and-one"] = bytes(32) + scalar_bytes(1)
    r["wide-48"] = det("wide-48", 48)
    r["wide-64-ff"] = b"\xff" * 64
    r["too-long-65"] = det("wide-65", 65)
    r["empty"] = b""
    r["short-1"] = b"\x07"
    r["short-31"] = scalar_bytes(N)[:31]
    return r


def corpus_point():
    r = {}
    r["g"] = compress(G)
    r["minus-g"] = compress((G[0], P - G[1]))
    r["2g"] = compress(point_mul(2))
    r["random-point"] = compress(point_mul(int.from_bytes(det("point-k", 32), "big") % N))
    r["identity-33-zero"] = bytes(33)
    r["prefix-00-nonzero"] = b"\x00" + G[0].to_bytes(32, "big")
    r["prefix-04-uncompressed-65"] = b"\x04" + G[0].to_bytes(32, "big") + G[1].to_bytes(32, "big")
    r["prefix-04-33"] = b"\x04" + G[0].to_bytes(32, "big")
    r["prefix-05"] = b"\x05" + G[0].to_bytes(32, "big")
    r["x-equals-p"] = b"\x02" + be(P, 32)
    r["x-p-plus-1"] = b"\x03" + be(P + 1, 32)
    r["x-all-ff"] = b"\x02" + b"\xff" * 32
    r["x-not-on-curve"] = b"\x02" + be(first_x(5, False), 32)
    r["x-zero-prefix-02"] = b"\x02" + bytes(32)  # 0^3 + 7 = 7 is not a square mod p
    r["short-32"] = compress(G)[:32]
    r["long-34"] = compress(G) + b"\x00"
    r["empty"] = b""
    r["xonly-g"] = G[0].to_bytes(32, "big")
    r["xonly-not-on-curve"] = be(first_x(5, False), 32)
    r["xonly-p"] = be(P, 32)
    return r


def corpus_frame():
    r = {}
    k = int.from_bytes(det("frame-coef", 32), "big") % N
    share = scalar_bytes(3) + scalar_bytes(k)
    com = commitment([point_mul(k), point_mul(k + 1)])
    r["valid-no-fields"] = frame([])
    r["valid-share"] = frame([share], msg_type=0x0102, sender=0)
    r["valid-commitment-tr"] = frame([com], suite=2, msg_type=0x0101, sender=0)
    r["valid-empty-fields"] = frame([b"", b"", b"x"], sender=MAX_PARTIES)
    r["valid-max-fields"] = frame([bytes([i % 251]) * (i % 3) for i in range(MAX_PARTIES)], sender=17)
    r["bad-truncated-header"] = frame([])[:41]
    r["bad-version-2"] = frame([], version=2)
    r["bad-suite-3"] = frame([], suite=3)
    r["bad-type-0206"] = frame([], msg_type=0x0206)
    r["valid-type-0401"] = frame([b"x" * 64], msg_type=0x0401)
    r["bad-sender-257"] = frame([], sender=MAX_PARTIES + 1)
    r["bad-count-257"] = frame([], nfields=MAX_PARTIES + 1)
    r["bad-count-ffff"] = frame([], nfields=0xFFFF)
    r["bad-length-past-end"] = frame([share], msg_type=0x0102)[:-1]
    r["bad-length-prefix-cut"] = frame([share], msg_type=0x0102, nfields=2) + b"\x00\x00"
    r["bad-length-ffffffff"] = frame([b"abc"])[:42] + b"\xff\xff\xff\xff" + b"abc"
    r["bad-trailing"] = frame([share], msg_type=0x0102) + b"\x00"
    return r


def corpus_vss_commitment():
    r = {}
    pts = [point_mul(int.from_bytes(det("vss-%d" % i, 32), "big") % N) for i in range(5)]
    r["valid-t1"] = bytes([1]) + commitment(pts[:1])
    r["valid-t3"] = bytes([3]) + commitment(pts[:3])
    r["valid-t5"] = bytes([5]) + commitment(pts[:5])
    r["bad-t0"] = bytes([0]) + commitment(pts[:1])
    r["bad-count-mismatch"] = bytes([2]) + commitment(pts[:3])
    r["bad-count-zero"] = bytes([1]) + be(0, 2)
    r["bad-count-257"] = bytes([1]) + be(MAX_PARTIES + 1, 2) + compress(pts[0])
    r["bad-truncated"] = bytes([3]) + commitment(pts[:3])[:-1]
    r["bad-trailing"] = bytes([3]) + commitment(pts[:3]) + b"\x00"
    r["bad-short-1"] = bytes([1, 0])
    r["bad-identity-point"] = bytes([2]) + be(2, 2) + compress(pts[0]) + bytes(33)
    r["bad-prefix-point"] = bytes([2]) + be(2, 2) + compress(pts[0]) + b"\x04" + compress(pts[1])[1:]
    r["bad-x-range-point"] = bytes([1]) + be(1, 2) + b"\x02" + be(P, 32)
    r["bad-not-on-curve"] = bytes([1]) + be(1, 2) + b"\x03" + be(first_x(5, False), 32)
    return r


def corpus_share():
    r = {}
    v = int.from_bytes(det("share-value", 32), "big") % N
    r["valid-id1"] = scalar_bytes(1) + scalar_bytes(v)
    r["valid-id-max"] = scalar_bytes(N - 1) + scalar_bytes(0)
    r["valid-id256"] = scalar_bytes(256) + scalar_bytes(N - 1)
    r["bad-id-zero"] = scalar_bytes(0) + scalar_bytes(v)
    r["bad-id-n"] = scalar_bytes(N) + scalar_bytes(v)
    r["bad-value-n"] = scalar_bytes(1) + scalar_bytes(N)
    r["bad-value-ff"] = scalar_bytes(1) + b"\xff" * 32
    r["bad-short-63"] = (scalar_bytes(1) + scalar_bytes(v))[:63]
    r["bad-long-65"] = scalar_bytes(1) + scalar_bytes(v) + b"\x00"
    r["bad-empty"] = b""
    return r


# ---- FROST and DKG (issue 3) -----------------------------------------------------------------

PLAIN, TR = 1, 2
COMPLAINT_BAD_SHARE, COMPLAINT_NO_SHARE = 1, 2


def det_scalar(label):
    """A scalar in 1..n-1 derived from label."""
    return int.from_bytes(det(label, 64), "big") % (N - 1) + 1


def det_point(label):
    return point_mul(det_scalar(label))


def x_only(pt):
    return pt[0].to_bytes(32, "big")


def frost_commitment(ident, d_pt, e_pt):
    """spec/frost.md §11.1: u32be id || D || E (70 bytes)."""
    return be(ident, 4) + compress(d_pt) + compress(e_pt)


def frost_list(entries, count=None):
    """spec/frost.md §11.2: u16be k || k commitments (entries are 70-byte strings)."""
    return be(len(entries) if count is None else count, 2) + b"".join(entries)


def frost_entry(ident, label):
    return frost_commitment(ident, det_point(label + "-D"), det_point(label + "-E"))


def off_curve33(prefix=2):
    return bytes([prefix]) + be(first_x(5, False), 32)


def corpus_frost_commitment():
    r = {}
    dp, ep = det_point("fc-D"), det_point("fc-E")
    good = frost_commitment(1, dp, ep)
    r["valid-id1"] = good
    r["valid-id256"] = frost_commitment(MAX_PARTIES, ep, dp)
    r["valid-g-minus-g"] = frost_commitment(17, G, (G[0], P - G[1]))
    r["bad-empty"] = b""
    r["bad-short-69"] = good[:69]
    r["bad-long-71"] = good + b"\x00"
    r["bad-id-zero"] = be(0, 4) + good[4:]
    r["bad-id-257"] = be(MAX_PARTIES + 1, 4) + good[4:]
    r["bad-id-ffffffff"] = b"\xff" * 4 + good[4:]
    r["bad-d-identity"] = be(2, 4) + bytes(33) + compress(ep)
    r["bad-e-identity"] = be(2, 4) + compress(dp) + bytes(33)
    r["bad-d-prefix-04"] = be(3, 4) + b"\x04" + compress(dp)[1:] + compress(ep)
    r["bad-d-prefix-00"] = be(3, 4) + b"\x00" + compress(dp)[1:] + compress(ep)
    r["bad-d-x-equals-p"] = be(4, 4) + b"\x02" + be(P, 32) + compress(ep)
    r["bad-d-off-curve"] = be(5, 4) + off_curve33(3) + compress(ep)
    r["bad-e-off-curve"] = be(5, 4) + compress(dp) + off_curve33(2)
    r["bad-e-x-range"] = be(6, 4) + compress(dp) + b"\x03" + be(P + 5, 32)
    r["bad-e-prefix-05"] = be(6, 4) + compress(dp) + b"\x05" + compress(ep)[1:]
    return r


def corpus_frost_list():
    """Byte 0 is t_min for tsr_frost_check_commitment_list; the rest is the list encoding."""
    r = {}
    e = {i: frost_entry(i, "fl-%d" % i) for i in (1, 2, 3, 4, 5, 7, 200, 256)}
    r["valid-k1"] = bytes([1]) + frost_list([e[1]])
    r["valid-k3-tmin3"] = bytes([3]) + frost_list([e[1], e[3], e[5]])
    r["valid-k5-tmin2"] = bytes([2]) + frost_list([e[i] for i in (1, 2, 3, 4, 5)])
    r["valid-k3-tmin0"] = bytes([0]) + frost_list([e[2], e[7], e[256]])
    r["valid-k2-tmin3-signer-count"] = bytes([3]) + frost_list([e[1], e[200]])
    same_d, same_e = det_point("fl-max-D"), det_point("fl-max-E")
    r["valid-k256"] = bytes([255]) + frost_list([frost_commitment(i, same_d, same_e)
                                                 for i in range(1, MAX_PARTIES + 1)])
    r["bad-empty-list"] = bytes([1])
    r["bad-one-byte"] = bytes([1, 0])
    r["bad-count-zero"] = bytes([1]) + be(0, 2)
    r["bad-count-257"] = bytes([1]) + be(MAX_PARTIES + 1, 2) + e[1]
    r["bad-count-ffff"] = bytes([1]) + be(0xFFFF, 2) + e[1]
    r["bad-truncated"] = bytes([1]) + frost_list([e[1], e[2]])[:-1]
    r["bad-trailing"] = bytes([1]) + frost_list([e[1], e[2]]) + b"\x00"
    r["bad-id-zero"] = bytes([1]) + frost_list([e[1], be(0, 4) + e[2][4:]])
    r["bad-id-257"] = bytes([1]) + frost_list([e[1], be(MAX_PARTIES + 1, 4) + e[2][4:]])
    r["bad-duplicate"] = bytes([1]) + frost_list([e[1], e[3], be(3, 4) + e[4][4:]])
    r["bad-unsorted"] = bytes([1]) + frost_list([e[1], e[5], e[3]])
    r["bad-identity-d"] = bytes([1]) + frost_list([e[1], e[2][:4] + bytes(33) + e[2][37:]])
    r["bad-identity-e-unsorted-later"] = bytes([1]) + frost_list([e[2][:37] + bytes(33), e[1]])
    r["bad-off-curve-entry-2"] = bytes([1]) + frost_list([e[1], e[2], e[3][:4] + off_curve33() + e[3][37:]])
    r["bad-prefix-then-duplicate"] = bytes([1]) + frost_list([e[4], e[4][:4] + b"\x07" + e[4][5:]])
    r["lax-count-300"] = bytes([1]) + be(300, 2) + e[1]
    return r


def corpus_frost_sigshare():
    r = {}
    z = det_scalar("fs-z")
    r["valid-id1"] = be(1, 4) + scalar_bytes(z)
    r["valid-id256-n-minus-1"] = be(MAX_PARTIES, 4) + scalar_bytes(N - 1)
    r["valid-z-zero"] = be(9, 4) + bytes(32)
    r["bad-empty"] = b""
    r["bad-short-35"] = (be(1, 4) + scalar_bytes(z))[:35]
    r["bad-long-37"] = be(1, 4) + scalar_bytes(z) + b"\x00"
    r["bad-id-zero"] = be(0, 4) + scalar_bytes(z)
    r["bad-id-257"] = be(MAX_PARTIES + 1, 4) + scalar_bytes(z)
    r["bad-id-zero-z-n"] = be(0, 4) + scalar_bytes(N)
    r["bad-z-n"] = be(2, 4) + scalar_bytes(N)
    r["bad-z-ff"] = be(2, 4) + b"\xff" * 32
    return r


def dkg_round1(points, r_enc, mu):
    """spec/dkg.md §10.1: u16be t || t points || PoK (R || mu)."""
    return be(len(points), 2) + b"".join(compress(p) for p in points) + r_enc + scalar_bytes(mu)


def corpus_dkg_round1():
    """Byte 0 is the suite, bytes 1-2 the sender (u16be), the rest the message."""
    r = {}
    pts = [det_point("d1-%d" % i) for i in range(3)]
    rp = det_point("d1-R")
    mu = det_scalar("d1-mu")
    plain = lambda body, sender=1, suite=PLAIN: bytes([suite]) + be(sender, 2) + body
    p1 = dkg_round1(pts[:1], compress(rp), mu)
    p3 = dkg_round1(pts, compress(rp), mu)
    t2 = dkg_round1(pts[:2], x_only(rp), mu)
    r["valid-plain-t1"] = plain(p1)
    r["valid-plain-t3"] = plain(p3, sender=3)
    r["valid-tr-t2"] = plain(t2, sender=MAX_PARTIES, suite=TR)
    r["valid-tr-t1-mu-zero"] = plain(dkg_round1(pts[:1], x_only(G), 0), sender=2, suite=TR)
    r["bad-suite-0"] = plain(p1, suite=0)
    r["bad-suite-3"] = plain(p1, suite=3)
    r["bad-sender-0"] = plain(p1, sender=0)
    r["bad-sender-257"] = plain(p1, sender=MAX_PARTIES + 1)
    r["bad-body-1-byte"] = plain(b"\x00")
    r["bad-t-zero"] = plain(be(0, 2) + compress(rp) + scalar_bytes(mu))
    r["bad-t-257"] = plain(be(MAX_PARTIES + 1, 2) + p1[2:])
    r["bad-plain-length-of-tr"] = plain(t2)
    r["bad-tr-length-of-plain"] = plain(p3, suite=TR)
    r["bad-truncated"] = plain(p3[:-1])
    r["bad-trailing"] = plain(p3 + b"\x00")
    r["bad-count-mismatch"] = plain(be(2, 2) + p3[2:])
    r["bad-commitment-identity"] = plain(be(2, 2) + compress(pts[0]) + bytes(33) + compress(rp) + scalar_bytes(mu))
    r["bad-commitment-prefix"] = plain(be(1, 2) + b"\x04" + compress(pts[0])[1:] + compress(rp) + scalar_bytes(mu))
    r["bad-commitment-x-range"] = plain(be(1, 2) + b"\x02" + be(P, 32) + compress(rp) + scalar_bytes(mu))
    r["bad-commitment-off-curve"] = plain(be(2, 2) + compress(pts[0]) + off_curve33(3) + compress(rp) +
                                          scalar_bytes(mu))
    r["bad-plain-r-identity"] = plain(dkg_round1(pts[:2], bytes(33), mu))
    r["bad-plain-r-off-curve"] = plain(dkg_round1(pts[:2], off_curve33(), mu))
    r["bad-tr-r-off-curve"] = plain(dkg_round1(pts[:2], be(first_x(5, False), 32), mu), suite=TR)
    r["bad-tr-r-x-equals-p"] = plain(dkg_round1(pts[:2], be(P, 32), mu), suite=TR)
    r["bad-tr-r-zero"] = plain(dkg_round1(pts[:1], bytes(32), mu), suite=TR)
    r["bad-mu-n"] = plain(p1[:-32] + scalar_bytes(N))
    r["bad-tr-mu-ff"] = plain(t2[:-32] + b"\xff" * 32, suite=TR)
    return r


def corpus_dkg_round2():
    """Bytes 0-1 are the sender (u16be); the rest goes to both the broadcast and the share
    decoder."""
    r = {}
    eq = det("d2-eq", 32)
    share = scalar_bytes(det_scalar("d2-share"))
    sig = det("d2-sig", 64)
    p2p = lambda to, sh=share: be(to, 4) + sh + sig
    r["valid-bcast"] = be(1, 2) + eq
    r["valid-bcast-sender-256"] = be(MAX_PARTIES, 2) + bytes(32)
    r["valid-p2p"] = be(1, 2) + p2p(2)
    r["valid-p2p-to-256"] = be(3, 2) + p2p(MAX_PARTIES, scalar_bytes(N - 1))
    r["bad-sender-0"] = be(0, 2) + eq
    r["bad-sender-257"] = be(MAX_PARTIES + 1, 2) + p2p(2)
    r["bad-empty-body"] = be(1, 2)
    r["bad-bcast-31"] = be(1, 2) + eq[:31]
    r["bad-bcast-33"] = be(1, 2) + eq + b"\x00"
    r["bad-p2p-99"] = be(1, 2) + p2p(2)[:99]
    r["bad-p2p-101"] = be(1, 2) + p2p(2) + b"\x00"
    r["bad-p2p-recipient-zero"] = be(1, 2) + p2p(0)
    r["bad-p2p-recipient-257"] = be(1, 2) + p2p(MAX_PARTIES + 1)
    r["bad-p2p-recipient-self"] = be(5, 2) + p2p(5)
    r["bad-p2p-share-n"] = be(1, 2) + p2p(2, scalar_bytes(N))
    r["bad-p2p-recipient-zero-share-n"] = be(1, 2) + p2p(0, scalar_bytes(N))
    return r


def dkg_round3(entries, cert=None):
    """spec/dkg.md §10.4: entries are (accused, kind[, share, sig])."""
    out = be(len(entries), 2)
    for ent in entries:
        out += be(ent[0], 4) + bytes([ent[1]])
        if ent[1] == COMPLAINT_BAD_SHARE:
            out += scalar_bytes(ent[2]) + ent[3]
    if not entries:
        out += cert
    return out


def corpus_dkg_round3():
    """Bytes 0-1 are the sender (u16be), the rest the message."""
    r = {}
    cert = det("d3-cert", 64)
    sh = det_scalar("d3-share")
    sig = det("d3-sig", 64)
    bad = lambda who, s=sh: (who, COMPLAINT_BAD_SHARE, s, sig)
    no = lambda who: (who, COMPLAINT_NO_SHARE)
    s1 = be(1, 2)
    r["valid-certificate"] = s1 + dkg_round3([], cert)
    r["valid-no-share"] = s1 + dkg_round3([no(2)])
    r["valid-bad-share"] = s1 + dkg_round3([bad(3)])
    r["valid-mixed-3"] = be(4, 2) + dkg_round3([bad(1), no(2), bad(MAX_PARTIES)])
    r["valid-bad-share-n-minus-1"] = be(MAX_PARTIES, 2) + dkg_round3([bad(255, N - 1)])
    r["bad-sender-0"] = be(0, 2) + dkg_round3([], cert)
    r["bad-sender-257"] = be(MAX_PARTIES + 1, 2) + dkg_round3([no(2)])
    r["bad-one-byte"] = s1 + b"\x00"
    r["bad-count-257"] = s1 + be(MAX_PARTIES + 1, 2) + dkg_round3([no(2)])[2:]
    r["bad-entry-truncated"] = s1 + dkg_round3([no(2), no(3)])[:-1]
    r["bad-accused-zero"] = s1 + dkg_round3([no(0)])
    r["bad-accused-257"] = s1 + dkg_round3([no(MAX_PARTIES + 1)])
    r["bad-accused-self"] = s1 + dkg_round3([no(1)])
    r["bad-accused-order"] = s1 + dkg_round3([no(3), no(2)])
    r["bad-accused-repeated"] = s1 + dkg_round3([no(3), bad(3)])
    r["bad-kind-0"] = s1 + be(1, 2) + be(2, 4) + b"\x00"
    r["bad-kind-3"] = s1 + be(1, 2) + be(2, 4) + b"\x03" + bytes(96)
    r["bad-bad-share-truncated"] = s1 + dkg_round3([bad(2)])[:-1]
    r["bad-bad-share-n"] = s1 + dkg_round3([bad(2, N)])
    r["bad-bad-share-ff"] = s1 + be(1, 2) + be(2, 4) + b"\x01" + b"\xff" * 96
    r["bad-certificate-truncated"] = s1 + dkg_round3([], cert)[:-1]
    r["bad-certificate-trailing"] = s1 + dkg_round3([], cert) + b"\x00"
    r["bad-entries-trailing"] = s1 + dkg_round3([no(2)]) + b"\x00"
    r["bad-complaints-and-certificate"] = s1 + dkg_round3([no(2)]) + cert
    return r


def dkg_round4(entries, count=None):
    """spec/dkg.md §10.5: u16be k || k (u32be accuser || share)."""
    return be(len(entries) if count is None else count, 2) + \
        b"".join(be(a, 4) + scalar_bytes(s) for a, s in entries)


def corpus_dkg_round4():
    """Bytes 0-1 are the sender (u16be), the rest the message."""
    r = {}
    sh = [det_scalar("d4-%d" % i) for i in range(3)]
    s1 = be(1, 2)
    r["valid-empty"] = s1 + dkg_round4([])
    r["valid-one"] = s1 + dkg_round4([(2, sh[0])])
    r["valid-three"] = be(7, 2) + dkg_round4([(1, sh[0]), (3, sh[1]), (MAX_PARTIES, sh[2])])
    r["valid-share-zero"] = be(MAX_PARTIES, 2) + dkg_round4([(1, 0), (255, N - 1)])
    r["bad-sender-0"] = be(0, 2) + dkg_round4([])
    r["bad-sender-257"] = be(MAX_PARTIES + 1, 2) + dkg_round4([(2, sh[0])])
    r["bad-empty-body"] = s1
    r["bad-one-byte"] = s1 + b"\x00"
    r["bad-count-257"] = s1 + dkg_round4([(2, sh[0])], count=MAX_PARTIES + 1)
    r["bad-count-ffff"] = s1 + dkg_round4([], count=0xFFFF)
    r["bad-truncated"] = s1 + dkg_round4([(2, sh[0]), (3, sh[1])])[:-1]
    r["bad-trailing"] = s1 + dkg_round4([(2, sh[0])]) + b"\x00"
    r["bad-accuser-zero"] = s1 + dkg_round4([(0, sh[0])])
    r["bad-accuser-257"] = s1 + dkg_round4([(MAX_PARTIES + 1, sh[0])])
    r["bad-accuser-self"] = s1 + dkg_round4([(1, sh[0])])
    r["bad-accuser-order"] = s1 + dkg_round4([(3, sh[0]), (2, sh[1])])
    r["bad-accuser-repeated"] = s1 + dkg_round4([(3, sh[0]), (3, sh[1])])
    r["bad-share-n"] = s1 + dkg_round4([(2, sh[0]), (3, N)])
    return r


def agg_pool_scalar(ident, j, which):
    """fuzz_frost_aggregate.c tsr_fuzz_label_scalar: SHA-256("TSR-FUZZ-AGG-NONCE" || id || j ||
    which || 0) mod n."""
    h = hashlib.sha256(b"TSR-FUZZ-AGG-NONCE" + bytes([ident, j, which, 0])).digest()
    return int.from_bytes(h, "big") % N


def agg_pool_commitment(ident, j):
    """The harness's pool commitment j of signer ident (D = d G, E = e G)."""
    return frost_commitment(ident, point_mul(agg_pool_scalar(ident, j, 0)), point_mul(agg_pool_scalar(ident, j, 1)))


def agg_input(setup, cap, mask, msg, entries, shares):
    """fuzz_frost_aggregate.c input: flags (setup | cap << 2), honest mask, msg, list, shares."""
    lst = frost_list(entries)
    return bytes([setup | (cap << 2), mask, len(msg)]) + msg + be(len(lst), 2) + lst + b"".join(shares)


def corpus_frost_aggregate():
    r = {}
    msg = b"Tessera fuzz: aggregate"
    fake = lambda ident, label: be(ident, 4) + scalar_bytes(det_scalar("fa-z-%s-%d" % (label, ident)))
    setups = {0: "plain", 1: "tr-odd", 2: "tr-tweak", 3: "tr-even"}
    for s, name in setups.items():
        ids = (1, 3, 5)
        ent = [agg_pool_commitment(i, 0) for i in ids]
        placeholders = [fake(i, name) for i in ids]
        r["%s-honest-135" % name] = agg_input(s, 7, 0xFF, msg, ent, placeholders)
        r["%s-bad-share-3" % name] = agg_input(s, 7, 0xFD, msg, ent, placeholders)
        r["%s-honest-2-of-3" % name] = agg_input(s, 7, 0xFF, msg, ent[:2], placeholders[:2])
    for s, name in ((0, "plain"), (1, "tr-odd")):
        all5 = [agg_pool_commitment(i, 1) for i in range(1, 6)]
        ph5 = [fake(i, name) for i in range(1, 6)]
        r["%s-honest-5-nonce-1" % name] = agg_input(s, 7, 0xFF, msg, all5, ph5)
        r["%s-two-bad-cap-1" % name] = agg_input(s, 1, 0x15, msg, all5, ph5)
        r["%s-all-bad-cap-0" % name] = agg_input(s, 0, 0x00, msg, all5, ph5)
        r["%s-misplaced-share" % name] = agg_input(s, 7, 0xFC, msg, all5[:3],
                                                   [fake(1, name), fake(3, name), fake(3, name)])
        mixed = [agg_pool_commitment(1, 0), frost_entry(2, "fa-foreign"), agg_pool_commitment(4, 1)]
        r["%s-foreign-commitment" % name] = agg_input(s, 7, 0xFF, msg, mixed, [fake(i, name) for i in (1, 2, 4)])
        r["%s-empty-message" % name] = agg_input(s, 7, 0xFF, b"", ent, placeholders)
        r["%s-outsider-id-7" % name] = agg_input(s, 7, 0xFF, msg, ent[:2] + [frost_entry(7, "fa-out")],
                                                 placeholders[:2] + [fake(7, name)])
        r["%s-share-decode-fails" % name] = agg_input(s, 7, 0xFE, msg, ent, [be(1, 4) + scalar_bytes(N)] +
                                                      placeholders[1:])
        r["%s-bad-list" % name] = agg_input(s, 7, 0xFF, msg, [ent[1], ent[0]], placeholders[:2])
        r["%s-share-id-not-in-list" % name] = agg_input(s, 7, 0xFE, msg, ent, [fake(2, name)] + placeholders[1:])
    return r


def bip_pool_scalar(i, j, h):
    """fuzz_frost_bip.c tsr_fuzz_label_scalar: SHA-256("TSR-FUZZ-BIP-NONCE" || i || j || h || 0) mod n."""
    return int.from_bytes(hashlib.sha256(b"TSR-FUZZ-BIP-NONCE" + bytes([i, j, h, 0])).digest(), "big") % N


def bip_pool_pubnonce(i, j):
    """The harness's pool pubnonce j of draft id i: cbytes(k1 G) || cbytes(k2 G)."""
    return compress(point_mul(bip_pool_scalar(i, j, 0))) + compress(point_mul(bip_pool_scalar(i, j, 1)))


def bip_input(pubnonces, flags, msg, psigs, u=None):
    """fuzz_frost_bip.c input: u, flags (bit 0 tweak, bit i+1 honest psig at position i),
    pubnonces, u8 m || msg, psigs."""
    return bytes([len(pubnonces) if u is None else u, flags]) + b"".join(pubnonces) + bytes([len(msg)]) + msg + \
        b"".join(psigs)


def corpus_frost_bip():
    r = {}
    msg = b"Tessera fuzz: BIP 445"
    pns = [bip_pool_pubnonce(i, 0) for i in range(5)]
    pns1 = [bip_pool_pubnonce(i, 1) for i in range(5)]
    ps = [scalar_bytes(det_scalar("fb-psig-%d" % i)) for i in range(5)]
    neg = lambda pt33: bytes([pt33[0] ^ 1]) + pt33[1:]
    r["honest-u2"] = bip_input(pns[:2], 0x06, msg, ps[:2])
    r["honest-u3-tweak"] = bip_input(pns[:3], 0x0F, msg, ps[:3])
    r["honest-u5-nonce-1"] = bip_input(pns1, 0x3E, msg, ps)
    r["honest-u5-tweak-empty-msg"] = bip_input(pns, 0x3F, b"", ps)
    r["one-bad-psig-u3"] = bip_input(pns[:3], 0x0A, msg, ps[:3])
    r["all-bad-psig-u4-tweak"] = bip_input(pns[:4], 0x01, msg, ps[:4])
    r["psig-n"] = bip_input(pns[:3], 0x0A, msg, [ps[0], scalar_bytes(N), ps[2]])
    r["psig-ff"] = bip_input(pns[:2], 0x00, msg, [b"\xff" * 32, ps[1]])
    r["psig-count-mismatch"] = bip_input(pns[:3], 0x0E, msg, ps[:2])
    r["u1-no-session"] = bip_input(pns[:1], 0x02, msg, ps[:1])
    r["u6-no-session"] = bip_input(pns + [bip_pool_pubnonce(0, 1)], 0x3E, msg, ps)
    r["u0"] = bytes([0, 0, 0])
    r["truncated-pubnonce"] = bip_input(pns[:2], 0x06, msg, ps[:2])[:100]
    r["bad-prefix-04-position-1"] = bip_input([pns[0], b"\x04" + pns[1][1:], pns[2]], 0x0E, msg, ps[:3])
    r["bad-second-half-off-curve"] = bip_input([pns[0], pns[1][:33] + off_curve33(3)], 0x06, msg, ps[:2])
    r["bad-second-half-before-first"] = bip_input([pns[0][:33] + bytes(33), b"\x02" + be(P, 32) + pns[1][33:]],
                                                 0x06, msg, ps[:2])
    r["bad-identity-half"] = bip_input([pns[0], bytes(33) + pns[1][33:]], 0x06, msg, ps[:2])
    r["second-halves-cancel"] = bip_input([pns[0], pns[1][:33] + neg(pns[0][33:])], 0x06, msg, ps[:2])
    r["both-halves-cancel"] = bip_input([pns[0], neg(pns[0][:33]) + neg(pns[0][33:])], 0x00, msg, ps[:2])
    r["same-pubnonce-twice"] = bip_input([pns[2], pns[2], pns[3]], 0x00, msg, ps[:3])
    return r


def dict_line(name, data):
    return '%s="%s"\n' % (name, "".join("\\x%02x" % c for c in data))


def dicts():
    d = {}
    common = [("n", scalar_bytes(N)), ("n_minus_1", scalar_bytes(N - 1)), ("p", be(P, 32)),
              ("g_x", G[0].to_bytes(32, "big"))]
    d["scalar"] = [("zero32", bytes(32)), ("one32", scalar_bytes(1)), ("ff32", b"\xff" * 32),
                   ("n_top", scalar_bytes(N)[:16]), ("n_bottom", scalar_bytes(N)[16:])] + common
    d["point"] = [("prefix_02", b"\x02"), ("prefix_03", b"\x03"), ("prefix_04", b"\x04"),
                  ("g", compress(G)), ("identity", bytes(33)), ("p_top", be(P, 32)[:28]),
                  ("p_low", be(P, 32)[28:])] + common
    d["frame"] = [("header_commit", b"\x01\x01\x01\x01"), ("header_share", b"\x01\x01\x01\x02"),
                  ("header_tr", b"\x01\x02\x01\x01"), ("version", b"\x01"), ("suite_tr", b"\x02"),
                  ("type_commitment", b"\x01\x01"), ("type_share", b"\x01\x02"),
                  ("sender_max", be(MAX_PARTIES, 4)), ("sender_over", be(MAX_PARTIES + 1, 4)),
                  ("count_max", be(MAX_PARTIES, 2)), ("count_over", be(MAX_PARTIES + 1, 2)),
                  ("len_0", be(0, 4)), ("len_1", be(1, 4)), ("len_64", be(64, 4)),
                  ("len_ffffffff", b"\xff\xff\xff\xff"), ("len_max_frame", be(1 << 24, 4))]
    d["vss_commitment"] = [("count_1", be(1, 2)), ("count_max", be(MAX_PARTIES, 2)),
                           ("count_over", be(MAX_PARTIES + 1, 2)), ("prefix_02", b"\x02"),
                           ("prefix_03", b"\x03"), ("g", compress(G)), ("identity", bytes(33)),
                           ("p", be(P, 32))]
    d["share"] = [("zero32", bytes(32)), ("one32", scalar_bytes(1)), ("ff32", b"\xff" * 32),
                  ("n", scalar_bytes(N)), ("n_minus_1", scalar_bytes(N - 1))]
    # FROST and DKG (issue 3)
    ids = [("id32_1", be(1, 4)), ("id32_2", be(2, 4)), ("id32_3", be(3, 4)), ("id32_max", be(MAX_PARTIES, 4)),
           ("id32_over", be(MAX_PARTIES + 1, 4)), ("id32_zero", be(0, 4))]
    counts = [("count_0", be(0, 2)), ("count_1", be(1, 2)), ("count_2", be(2, 2)), ("count_3", be(3, 2)),
              ("count_max", be(MAX_PARTIES, 2)), ("count_over", be(MAX_PARTIES + 1, 2))]
    senders = [("sender_1", be(1, 2)), ("sender_2", be(2, 2)), ("sender_max", be(MAX_PARTIES, 2)),
               ("sender_over", be(MAX_PARTIES + 1, 2)), ("sender_zero", be(0, 2))]
    points = [("prefix_02", b"\x02"), ("prefix_03", b"\x03"), ("g", compress(G)), ("identity", bytes(33)),
              ("p", be(P, 32))]
    scalars = [("n", scalar_bytes(N)), ("n_minus_1", scalar_bytes(N - 1)), ("zero32", bytes(32))]
    d["frost_commitment"] = ids + points
    d["frost_list"] = [("tmin_3", b"\x03")] + counts + ids + points + \
        [("entry_1", frost_entry(1, "fl-1")), ("entry_2", frost_entry(2, "fl-2"))]
    d["frost_sigshare"] = ids + scalars
    d["dkg_round1"] = [("suite_plain", b"\x01"), ("suite_tr", b"\x02")] + senders + counts + points + \
        [("g_x", G[0].to_bytes(32, "big"))] + scalars
    d["dkg_round2"] = senders + ids + scalars
    d["dkg_round3"] = senders + counts + ids + scalars + \
        [("bad_share", b"\x01"), ("no_share", b"\x02"), ("entry_no_share", be(2, 4) + b"\x02")]
    d["dkg_round4"] = senders + counts + ids + scalars
    d["frost_aggregate"] = [("flags_plain_cap7", b"\x1c"), ("flags_tr_cap7", b"\x1d"), ("mask_all", b"\xff"),
                            ("count_3", be(3, 2)), ("count_5", be(5, 2)), ("listlen_3", be(2 + 70 * 3, 2)),
                            ("listlen_5", be(2 + 70 * 5, 2))] + ids[:3] + \
        [("pool_%d_%d" % (i, j), agg_pool_commitment(i, j)) for i in range(1, 6) for j in range(2)] + scalars
    d["frost_bip"] = [("u_2", b"\x02"), ("u_5", b"\x05"), ("flags_all", b"\x3f"), ("prefix_02", b"\x02"),
                      ("prefix_03", b"\x03"), ("identity", bytes(33)), ("p", be(P, 32))] + scalars + \
        [("pubnonce_%d" % i, bip_pool_pubnonce(i, 0)) for i in range(5)]
    return d


# Entries found by AFL++ campaigns (make fuzz FUZZ_SECONDS=60), kept by afl-cmin and minimised with
# afl-tmin (fuzz/README.md); hex, per harness.
MINED = {
    "frame": {
        "valid-3-fields": (
            "0101010105ae7fd056b99f6bff00032affae59e24f2380df4f92aa0d8dd5f580bbb290730000010000030000"
            "000000000000000000020178"
        ),
        "valid-1-field": (
            "0101010205ae7f2f56b99f5fe9af032affae59e24f2380df3192aa0d8dd5f580bbb290730000000100010000"
            "00031a5000"
        ),
        "truncated-field-16": (
            "0101010105ae7fd056b99f6be9af032affae59e24f2380df4f92aa0d8dd5f580bbb290730000001101000000"
            "0000000000010100000002020200000000000000016a000000026b6b00000000000000016d000000026e6e00"
            "000000000000017000000002717100000000000000017300000002747400000000000001c1000000"
        ),
        "truncated-prefix-3": (
            "0101010105c57fd056b99f6be9af032afbae59e24f2380df4f92aa0d8dd5f501020101030000010000730000"
            "0000000000000000000178"
        ),
    },
    "vss_commitment": {
        "valid-t1": "01000102ff01000102ffffffffffffffffffffffffffffffffffffffedfffffefffffc2f",
        "valid-t2": (
            "02000203b8461d38d5d1fbcdcbe2dcf4338cca445c01ea11f88c5a1fa2a5abc3af3002fd0203b8461d38d5d2"
            "13cdcbe2dcd4cdcbe2dcd4338cca445c01ea11f88c5a1fa225"
        ),
        "t5-off-curve-point-3": (
            "05000503b8461d38d5d213cdcbe2dcd4338cca445c01ea11f88c5a1fa2a5bac3af30250d0200efb0604fc224"
            "94026219b480bb7dbe922141ab3edaeaf4caa11094733d6dc102a18d113c74c5a2adc55abdd59504e8075f5e"
            "b2aff441ef91aba9d83faad7a2a80216b0e2f78da41ef85119be1bc5aaf71e256db33fbdc88ae16a2031f0d9"
            "896d4ce8629e6561f336423a7688072a4ac3eceda4261300800515596abd6ddb24639993"
        ),
        "x-range": "01000102ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe62f",
    },
    "share": {
        "valid": (
            "febaaedce60000ffffbfd25e8c8036ffffffffffffffffffffffffffffff41411afb1ea767d266f70b73d9cf"
            "0f5fe00001df73149b8e6d8082b98d83c9025581"
        ),
        "valid-2": (
            "ffffffffffffffffffffffffffffff82b98d77c9afca0000000000000000000000a03b000000000000f8ffff"
            "ff00000129f91eaa67d2669ffebaaedce6025581"
        ),
        "id-range": (
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bcdd25e8cd036414129f91eaa67d266f70bffffff"
            "fffffffffffffffffebaaedce6af48a03bbfd25e"
        ),
    },
    "point": {
        "valid-x-equals-n": "02fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
        "valid-both": "03fffffffffffffffffffffffffffffffffffffffffffffffffffffffeffdcfc30",
        "off-curve-03": "03ffffff0000001b00000000000000000000000000000000000000fffefffffc98",
        "xonly-valid-32": "fffffffffffffff903db0279be667ef9dcbbac55a06295ce870b07649bfcdbd8",
        "length-2": "0498",
    },
    "scalar": {
        "short-16": "a64afb517107eb12604de8faee2439cf",
        "short-5": "0000a00a11",
        "pair-64": (
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000007f00000000000000000001"
        ),
        "long-68": (
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "000000000000000000000000000000000000000000000001"
        ),
    },
    "frost_commitment": {
        "prefix-1": (
            "000000ed000003802e7878833dbdd983d484c3d10e054d20408d204ce5eb4a6895462614ae038fb03b8eb2b0"
            "f6aae1c6b138a3a03b0ea98bc2ac52b6f91613bf6df8b51562e0"
        ),
        "prefix-2": (
            "00000080000000802e80008000bdd983d479c3d10e01002040a8a9a9a9204ca093efaa8fb03b8e20e0efaae1"
            "c6b1e1c6b138a3a03b0ea98b00000000f91613bf53f840a8b2b0"
        ),
        "off-curve": (
            "0000000203ffff00007855833dbdd983d480c3d10e054d2040a8204ce5eb4a6895462614ae00000000000000"
            "00000000000000000000f4000000000000000000000000000000"
        ),
        "valid": (
            "0000000402ffffffff00000000ffffffffffffff01ffffffffffb51562fffcfffe0000000402ffffffffffff"
            "fffffffffffffffffffffffffffffffffffffffffffe17fffc2f"
        ),
    },
    "frost_list": {
        "x-range-1": (
            "0100020000000103ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffff"
            "ffffffffffffffffffffffffffffffffffff7ffffefffffc2f0325376ca7438791ce8c000025376ca7438771"
            "89000000ffffffffffffffff7ffffefffffc2f0325376ca7438791ce8c000025376ca70394b9c6784ca4c99a"
            "6dfb0100020000000103ff"
        ),
        "prefix-1": (
            "00000100000001038d24259c1392441e9831a24095390052000039005e000000000000000000000000000000"
            "00000000000000000000411c800000007900000101e908a76f2371d100"
        ),
        "truncated": (
            "0100020000000103ffff7fff1392441e9831a2409539af034c4c4c4c4c4c912d411cd39543156630a3097c8d"
            "91fb1fce8c84fe1be07eeb6e2f2c647c9d7a7b92c8be44fdf200000002027118a0034c4c4c4c494ca7a13811"
            "bcf6c27d02f5df78b43694b9bc784ca4c99a6dfb0000ffff4c1b0132c465e908a76f238ad15d"
        ),
        "x-range-2": (
            "0100020000000103fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f0325376c"
            "a7438791ce01000200000001038d0a259c1392441e9831a2409539e348bf4c928931ff1a232e348c718c42e0"
            "af03256ca74387912d411cd39543156630a3097c7991fb1fce8c84fe1cbe440200000001038d0a259c139244"
            "f59831a240950000010039"
        ),
        "prefix-2": (
            "01000200000001038d24259c1392441e9831a240953900000000000000000500000000010002000000020271"
            "6a18a0e08eeb6e2f2c647c9d7a7b92e896a52f2e8cc8aea7a13811bcf6c2cf00000000000000000000000000"
            "00000000000000000000001a000000000000000000000001038d0a259c1392441e9831a2409539e348bf4c92"
            "8931ff0a232e348c718c42"
        ),
    },
    "frost_sigshare": {
        "valid": "00000002ff242424242424242424242424242424242424242424242424242424242424ff",
    },
    "frost_aggregate": {
        "tr-misplaced-cap-0": (
            "21ff17546573736572612066757a7a3a20616767726567800000008e00020000000102660000000000000000"
            "00000000000000000000000000000000000000000000e002a0620d16f3ad66a1ed1f712dcd2f63f1758eacbb"
            "2a1900652817f187d391f22d000000030349ba947b00d5851482744e3f2ec33ce180000000724f7ec9bebb0b"
            "9b00db1f6a03211cd7a53cfa7b47916fc0307cfcc859cf934c1b6e73afaff7ab2a26e901cb5d000000010000"
            "000000000000000000000000000000000000000000000000000000000000000000e03d1e0000260004b3bf09"
            "86fcafcc5cac69757af8021742c27749183304180bfae617"
        ),
        "list-refused-1": (
            "000017546573736572612066757a7a3a20616767726567617465016000050000000102502deae65a1d840de6"
            "d3335aa3782b9d1c51e136c5b687418b1d37cae3872157020f3fb91fc1831ad0857f5637950465304fa13510"
            "a5041cf5a3f462338bc0fe6f0000000203789eb952356e4ef77ba3ec1571df42208f5b79d5d9789324d7c936"
            "86b596046c023c06013c584b1e3e4562e1e191871737e3615a0fd944ac636056023958db3a580000000302d9"
            "2f557996e6aed62107a90e44264e47bb6abfdd14713388ba426c6aee03957002c90237c3245d4f2001117aad"
            "ae459cdfc1bce56b890ea6073757a11ef3ab4b260000000403902bac34a5ddd329207f858da5757cd7441fda"
            "891a4408686d744a6d1ce582cd020a5973f8e6baeb7bebcf34bcd5597765104bbb1c887d11fb3c06b58f8be0"
            "41dd0000000502c7dfd0e14c47cb6b400ff2b550057d3e7abe6abb50b4dad67f472d96a274fcbf034940c96f"
            "660312455fd0b9ba6e0031c6faf7e37067c048d7056735c53d94c29500000001faf4bd48f7333fd8fbdc9e97"
            "19c799debe65ce038cd947130bdb8ec112ed7ac900000002d65b1044a43ba00479c77f2775659dbea98cc57e"
            "fff1e202c4ca964f7f389ad60000000356a44db8d6e8137d821d07ccb7ae43041616782d8c26a54e71859444"
            "41e7dda31acd56d1c753409b01fe08bc8630a8a61e4230c57700000005fa146d7be6c2ec7b4ad4531491a6e6"
            "6f4f9a3f351398bdfca10c0806007e1425"
        ),
        "tweak-misplaced-1": (
            "1eff17546573736572612066757a7a3a20616767726567617465008e0002000000010278e4b16bb4e611c6c6"
            "c3f4245fd7bd8add747e61b8e7ec346f96a2b49345f7e002a0620d16f3ad66a1ed1f712dcd2f63f1758eacbb"
            "2a1900652817f187d391f22d000000020232adc50491aec247dac50943b1165fba9d379bf46b1f1653d165e3"
            "12b3301a0f0356928a1e5c04c13e2ad1089b23c0502461896028faf70ac0ac9609d3707f5c9c000000030349"
            "d7947b00d5851477744e3f2ec33ce1a07abe6abb50b4dad67f472d96a274fcbf"
        ),
        "list-refused-2": (
            "1cfd17546573736572612066757a7a462061676772656761746500d400030000000102fffffffffffffff7ff"
            "febaaedcf9af48a03bbfd25e8cd0362ec33cd9a08878e4b16bffffff7fc6bbf4020232adc50491aec247dac5"
            "0943b1165fba9d379bf46b1f1653d165e312b3301a0f0356928a1e5c04c13e2ad1089b23c0502461896028fa"
            "f70ac0ac9609d3707f5c9c5fd7bd8add747e61b8e7ec346fc9bebb0bf187d391f22d00000003035cd7941dfe"
            "17546573746572612066757a7a3a2061676772656761746a00d40003000000010278e4aedcf6af0000000000"
            "00000000000000000000000000000000000100000000000000000048a059bfd25e2dcd2f43f1758facbb2a19"
            "006528fffffffffffffffffffebaaedce6af48a03bbfd25e8cd0362ec33cd9a0885f63724f7ec9bebb0b9b00"
            "db1f6a03091cd7a53cfa7b47916fc0307cfcc859cf93011b7873afaff7ab2a26e901cb5d0000000500001003"
            "03"
        ),
        "tweak-misplaced-2": (
            "1eff17546573736572612066757a7a3a20616767726567617465008e0002000000010278e4b16bb4e611c6c6"
            "c3f4245fd7bd8add747e61b8e7ec346f96a2b49345f7e002a0620d16f3ad66a1ed1f712dcd2f63f1758eacbb"
            "2a1900652817f187d391f22d000000020232adc50491aec247dac50943b1165fba9d379bf46b1f1653d165e3"
            "12b3301a0f0356928a1e5c04c13e2ad1089b23c0502461896028faf70ac0ac9609d3707f5c9c00000002e149"
            "d7947b00d5851477744e3f2ec33ce1a07abe6abb50b4dad67f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f"
            "2f2f2f2f2f2f2f2f2f2f472d96a274fcbf"
        ),
        "list-refused-3": (
            "1dff17546573736572612066797a7a3a20616767726567617465008e00020000000303ffffffffffffffffff"
            "fffffffffffffffffffffffffffffffffffffffff187d391f22d000000030349d7947b00d5851477744e3f2e"
            "c33cd9a0885163724f7ec9bebb0b9b00db1f6a03211cd7a53cfa7b47916fc0307cfcc859cf934c1b7873afaf"
            "f7ab2a26e901cb5d000000050389c9854015672cbe38facc3aade4ee5ee9eb284b6f6e9a13bfc1f7"
        ),
    },
    "frost_bip": {
        "u2-one-pool-nonce": (
            "0200037b4374cf6e6778248d978396488f8b1bfa26ee5a99e09712d9e2bb9d6add143f0316bbb15db9ddad50"
            "bf70fabe2b3082d4514b84efc05199e8b18e7afef922fbc603e32ca69095814d5b6753422f7673e554a23765"
            "678ffdbde2b02eef76c737c50703555e23f8a21f7b2d18286e76f4115bff615c43cb95e24aa1a48c3f2b7968"
            "8dd015546573736572612066757a7a3a2042495020343435ffffffffffffffffffffffffffffffff03000000"
            "ffffffffffffffffffffffffed2247ba5fc603e32ca69095814d5b67535f2f7673e5ab713dfa95fb0ed946d8"
            "4574c2ad3efa08b6cb71bc861130af8f394e"
        ),
        "u5-psig-count": (
            "053e021a04c3ea5e128e7fb82685fa133d2d3caee574eb16917b030b0b7c4714e05dc90225f7975c505bf50a"
            "30fa38bb243eebd9f34e891f3fbf475f575fc089e5519c7803ccab546edad562bf66502b87379076b2e04d75"
            "a6938a0c4b5d255b8e62efdf86029fc13a6fc74d07e93394e1cbc5b148663e8d882659ab6cb24068433ecfa6"
            "fc3a0277c15b2bca91b86551e459b43c96615c49ba61670269447059476a02d09d7609032e29d94cc8453227"
            "b16c972c18840c962de6759ff853eb334d95cacc295df3ad02f7b42e04f48f848720063949c6aa6af7c29ac7"
            "cb54b540800000007987f426d402be990cede7521a3bcbb6e96030d8d072f21bbc37bedec8aa667c42797b22"
            "2ac102561dbabb8aa4adcd6dac33b4260916c026129dc5f823f2c383686fab35a1da6e0278220469124ef414"
            "3c67bd428852d5bdf8142b7e65eb15546573736572612066757a7a3a2042495020343435aa285f46f174132b"
            "32682a27081b1ab5ef4e90dde2d84122449d417dd209bb6bed2247ba5f713dfa95fb0ed946d84574c2ad3efa"
            "08b6cb71bc861130af8f394e014b018c6739487613bad3d5734d20ba45ce1e8996f5de3855f26a41ce579b57"
            "e648685b9b21decfb63336d7efdfddcdb351a4f7aa60e744484f04dd07a72bd26b3bfd463cca676a8de6968a"
        ),
        "pubnonce-refused-1": (
            "020603ffffff7f6e6778248d978396488f8b1bfa26ee5a99e09712d9e2bb9d6afd143f0316bbb15db9007f84"
            "ef805199e8b18e7afe4b50bf70fabe2b3082d451f922fbc60000000000000000000000000020000000000000"
            "0000000000000000000000000000ff000020000000000000000000000000000043cb95e24aa1a48c3f2b7968"
            "8dd0155472612066f100000064682a27081b1ab5ef4e90dde2d84122449d417dd209bb6bed2247ba647180fa"
            "954000fa08b6cb72bc861130"
        ),
        "u2-no-psigs": (
            "0200037b4374cf6e6778248d978396488f8b1bfa26ee5a99e09712d9e2bb9d6add143f0316bbb15db9ddad50"
            "bf70fabe2b3082d4514b84efc05199e8b18e7afef922fbc603e32ca69095814d5b67535f2f7673e554a23765"
            "678ffdbde2b02eef76c737c50703555e23f8a21f7b2d18282b79688dd015546573736572612066757a7a3a20"
            "42495020343435ffffffffff757a7a3a2042495020343435ffffffffffffffffffff00ffffffffffffffffff"
            "ffffffffffffffffffffffffed2247ba5f713dfa95fb0ed946d84574c2ad3efa08b6cb71bc861130af8f394e"
        ),
        "u2-three-psigs": (
            "0200037b4374cf6e6778248d978396488f8b1bfa26ee5a99e09712d9e2bb9d6add143f0316bbb15db9ddad50"
            "bf70fabe2b3082d4514b84efc05199e8b18e7afef922fbc603e32ca69095814d5b67535f2f7673e554a23765"
            "678ffdbde2b02eef76c737c50703555e23f8a21f7b2d18286e76f4115bff615c43cb95e24aa1a48c3f2b7968"
            "8dd015756573736572612066757a7a3a2042495020343435ffffffffffffffffffffffffffffffffffffffff"
            "ffffffffffffffffffffff000000000000000000000000000000000000000000000000000000000000000000"
            "ffed2247ba5f713dfa95fb0ed946d84574c2ad3efa08b6cb71bc861130af8f39"
        ),
        "pubnonce-refused-2": (
            "0206037b4374cf6e6778248d978396488f8b1bfa26ee5a99e09712d9e2bb9d6add143f0316bbb15db9ddad50"
            "bf70fabe2b3082d4514b84efc05199e8b18e7afef922fbc6000000000099e8b18e7afef922fbc60000000000"
            "0000000000000000000000000000000000f8a21f7b2d18286e76f4115bff615c43cb95e24aa1a48c3f2b7968"
            "8dd01554081b1ab5ef4e90dde2d84122449d417dd209bb6bed2247ba5f713dfa95fb0ed946d84574c2ad3efa"
            "08b6cb71bc861130af8f394e"
        ),
    },
    "dkg_round1": {
        "prefix-1": (
            "010001000102ffffff75ffffffffffffffffffffffffffffffffffffffff0000000000000000000000000000"
            "0000de000000000000000000000000000000000bb667a056f1e6de0080f53817d7232822a66ade00015cde77"
            "ce2af364d431392f48cf4216721fa6"
        ),
        "prefix-2": (
            "02000200010004ad11eece9ff2c1a980c4ea03f12a5626db40d39b70969e30aa08218f28d6d979be667ef9dc"
            "bbac75ffff7fff870b070d9bfcdb2dce28d959f2815b16f81798000000000000000000000000000000000000"
            "0000000000000000000000000000"
        ),
        "x-range-1": (
            "010001000102ffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000132f0355fbaac1b7"
            "58f7cb976903523a100ad159b1a408ec050deb0bb667a056f1e6debc36f53817d7232822a66adefe995cde77"
            "ce2af3dfd431392f48cf4216721fa6"
        ),
        "x-range-2": (
            "02000100020204ad11eece9ff2c1a980c4ff03bd6cfda714ff80c9b417e958012f34be6cffd90229d30fdf5d"
            "ea147b82cf71647bd7c7bd6cfda714ff80c9b417e958012f34be6cffffffffffffffffffffffffffffffffff"
            "ffffffffffffffffffffffa0a0a0a0a0a0a03817d7232822a66adefe995cde77ce2af3dfd431392f48cf4216"
            "721f90"
        ),
        "suite": "2b00",
        "valid": (
            "02000200010204ad11eece9ff2c1a980c4ea03f12a5626db40d39b70969e30aa08218f28d6d979be667ef9dc"
            "bbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798000000000000000000ffe900000000000000"
            "0000000040000000000000000000"
        ),
    },
    "dkg_round2": {
        "sender": "00",
        "valid-p2p": (
            "0005000000eb767752ea10363591dcd678c5f302fffffffff12b10363591dcd678c5f302fffffffff12bf92a"
            "822afffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd03641412359d6645ead3ac177cf89ab472d"
            "d82c896bf382c3db1f3b13e99378"
        ),
    },
    "dkg_round3": {
        "valid-1": (
            "000100020000000302000000100100020000000302000000030143f0b9ce8e58d5fbbe241b24355461f1a163"
            "9680962953c517c4fc8d8c2af9901866ac68c618db9eb444457e01ab159aeb0572496a82712b5d30b5c221fe"
            "baf41b072f409d383ad22b2e94f04b4396524dc21348"
        ),
        "sender": "db",
        "valid-2": (
            "01000001000000ff01ffff000000000000000000000000000000ddff000000000000000000000000000000ac"
            "68c618db9eb444647e01ab159aeb0572496a82712b5d30b5c221febaf41b072f409d383ad22b2e94e14b4396"
            "524dc2134862b7240567c93a2fdb1cc217"
        ),
        "kind": (
            "00040003000000010143f0b9ce8e58d5fbbe241b24355461f1a1639627962953c517c4fc8d8c2af9901866ac"
            "68c618db9eb444647e01ab159aeb0572496a82712b5d30b5c221febaf41b072f409d383ad22b2e94e14b4396"
            "524dc2134862b7240567c93a2fdb1cc2170000002953c517"
        ),
    },
    "dkg_round4": {
        "sender": "e6",
        "accuser-unknown": (
            "00010002000000025e7d468d584ff089eb68621effffff7f4848484848484848484848484848484848484848"
            "4848fffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"
        ),
    },
}


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    corpora = {"scalar": corpus_scalar(), "point": corpus_point(), "frame": corpus_frame(),
               "vss_commitment": corpus_vss_commitment(), "share": corpus_share(),
               "frost_commitment": corpus_frost_commitment(), "frost_list": corpus_frost_list(),
               "frost_sigshare": corpus_frost_sigshare(), "frost_aggregate": corpus_frost_aggregate(),
               "dkg_round1": corpus_dkg_round1(), "dkg_round2": corpus_dkg_round2(),
               "dkg_round3": corpus_dkg_round3(), "dkg_round4": corpus_dkg_round4(),
               "frost_bip": corpus_frost_bip()}
    for name, mined in MINED.items():
        for label, hexdata in mined.items():
            corpora[name]["min-" + label] = bytes.fromhex(hexdata)
    for name, files in corpora.items():
        d = os.path.join(base, "corpus", name)
        os.makedirs(d, exist_ok=True)
        for old in os.listdir(d):
            os.remove(os.path.join(d, old))
        for label, data in sorted(files.items()):
            with open(os.path.join(d, label), "wb") as fp:
                fp.write(data)
    os.makedirs(os.path.join(base, "dict"), exist_ok=True)
    for name, entries in dicts().items():
        with open(os.path.join(base, "dict", name + ".dict"), "w") as fp:
            fp.write("# AFL++ dictionary for fuzz_%s (generated by fuzz/make_corpus.py)\n" % name)
            for label, data in entries:
                fp.write(dict_line(label, data))
    for name in sorted(corpora):
        print("%s: %d seeds" % (name, len(corpora[name])))


if __name__ == "__main__":
    main()
