/* Unit tests for the hash module: SHA-256 (FIPS 180-4 examples, streaming), BIP340 tagged hashes
 * (against libsecp256k1), RFC 9380 expand_message_xmd vectors and hash_to_field, and the
 * Fiat-Shamir transcript (injective encoding, tee, challenge). */
#include <secp256k1.h>

#include "tessera/common.h"
#include "tessera/hash.h"
#include "tessera/point.h"
#include "tessera/scalar.h"
#include "tsr_test.h"

/* Relative to the repository root (make runs the tests from there); $TSR_XMD_VECTORS overrides. */
#define TSR_TEST_XMD_JSON "vectors/external/rfc9380/expand_message_xmd_sha256.json"
#define TSR_TEST_TR_PAIRS 5000

static tsr_context *ctx;
static secp256k1_context *sctx;

static int tsr_test_hex_eq(const uint8_t *got, size_t n, const char *hex) {
    uint8_t want[256];
    if (tsr_test_unhex(want, sizeof want, hex) != n) {
        return 0;
    }
    return memcmp(got, want, n) == 0;
}

/* ---- SHA-256 ------------------------------------------------------------------------------- */

/* FIPS 180-4 examples (NIST CSRC "Examples with Intermediate Values", SHA-256). */
static void test_sha256_fips(void) {
    static const struct {
        const char *msg;
        const char *digest;
    } v[] = {
        { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        { "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
          "mnopqrstnopqrstu",
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
    };
    static const char *const million_a = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    uint8_t out[32];
    uint8_t *m;
    size_t i, n = 1000000;
    tsr_sha256_ctx h;

    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
        const uint8_t *msg = (const uint8_t *)v[i].msg;
        size_t len = strlen(v[i].msg);
        tsr_sha256(out, msg, len);
        CHECK_MSG(tsr_test_hex_eq(out, 32, v[i].digest), "FIPS 180-4 example %zu (one-shot)", i);
        /* Byte by byte through the streaming interface. */
        tsr_sha256_init(&h);
        {
            size_t j;
            for (j = 0; j < len; j++) {
                tsr_sha256_update(&h, msg + j, 1);
            }
        }
        tsr_sha256_final(&h, out);
        CHECK_MSG(tsr_test_hex_eq(out, 32, v[i].digest), "FIPS 180-4 example %zu (byte by byte)", i);
    }
    CHECK(strlen(v[2].msg) == 56 && strlen(v[3].msg) == 112); /* 448 and 896 bits */

    m = malloc(n);
    CHECK(m != NULL);
    if (m == NULL) {
        return;
    }
    memset(m, 'a', n);
    tsr_sha256(out, m, n);
    CHECK_MSG(tsr_test_hex_eq(out, 32, million_a), "one million 'a' (one-shot)");
    /* In uneven chunks (997 is prime, so every buffer fill level occurs). */
    tsr_sha256_init(&h);
    for (i = 0; i < n; i += 997) {
        tsr_sha256_update(&h, m + i, n - i < 997 ? n - i : 997);
    }
    CHECK(h.bytes == n);
    tsr_sha256_final(&h, out);
    CHECK_MSG(tsr_test_hex_eq(out, 32, million_a), "one million 'a' (997-byte chunks)");
    free(m);
}

/* Returns 1 if the state is all zero (as tsr_sha256_final leaves it). */
static int tsr_test_state_wiped(const tsr_sha256_ctx *h) {
    size_t i;
    for (i = 0; i < 8; i++) {
        if (h->s[i] != 0) {
            return 0;
        }
    }
    for (i = 0; i < 64; i++) {
        if (h->buf[i] != 0) {
            return 0;
        }
    }
    return h->bytes == 0;
}

/* Streaming equals one-shot for every split point of messages of length 0..200. */
static void test_sha256_streaming(void) {
    uint8_t m[200], want[32], got[32];
    size_t len, k;
    tsr_sha256_ctx h;
    unsigned long bad = 0, wiped_bad = 0, count_bad = 0;

    tsr_test_randbytes(m, sizeof m);
    for (len = 0; len <= 200; len++) {
        tsr_sha256(want, m, len);
        for (k = 0; k <= len; k++) {
            tsr_sha256_init(&h);
            tsr_sha256_update(&h, m, k);
            tsr_sha256_update(&h, NULL, 0); /* NULL with length 0 is allowed */
            tsr_sha256_update(&h, m + k, len - k);
            count_bad += h.bytes != len;
            tsr_sha256_final(&h, got);
            bad += memcmp(got, want, 32) != 0;
            wiped_bad += !tsr_test_state_wiped(&h);
        }
    }
    CHECK_MSG(bad == 0, "%lu split points differ from one-shot", bad);
    CHECK_MSG(count_bad == 0, "%lu byte counters wrong", count_bad);
    CHECK_MSG(wiped_bad == 0, "%lu states not wiped by final", wiped_bad);

    /* Random three-way splits of random lengths. */
    bad = 0;
    for (k = 0; k < 2000; k++) {
        uint8_t big[600];
        size_t n = (size_t)(tsr_test_rand64() % sizeof big);
        size_t a = n == 0 ? 0 : (size_t)(tsr_test_rand64() % (n + 1));
        size_t b = (size_t)(tsr_test_rand64() % (n - a + 1));
        tsr_test_randbytes(big, n);
        tsr_sha256(want, big, n);
        tsr_sha256_init(&h);
        tsr_sha256_update(&h, big, a);
        tsr_sha256_update(&h, big + a, b);
        tsr_sha256_update(&h, big + a + b, n - a - b);
        tsr_sha256_final(&h, got);
        bad += memcmp(got, want, 32) != 0;
    }
    CHECK_MSG(bad == 0, "%lu random three-way splits differ", bad);

    /* The one-shot output may overlap its input. */
    tsr_test_randbytes(m, 100);
    tsr_sha256(want, m, 100);
    tsr_sha256(m, m, 100);
    CHECK(memcmp(m, want, 32) == 0);
}

/* ---- BIP340 tagged hash -------------------------------------------------------------------- */

static void test_tagged_hash(void) {
    uint8_t tag[100], msg[300], got[32], want[32], th[32], cat[64 + 300];
    tsr_sha256_ctx h;
    int i;
    unsigned long bad_lib = 0, bad_def = 0, bad_stream = 0, lib_fail = 0;

    for (i = 0; i < 1000; i++) {
        size_t taglen = (size_t)(tsr_test_rand64() % (sizeof tag + 1));
        size_t msglen = (size_t)(tsr_test_rand64() % (sizeof msg + 1));
        size_t k = msglen == 0 ? 0 : (size_t)(tsr_test_rand64() % (msglen + 1));
        tsr_test_randbytes(tag, taglen);
        tsr_test_randbytes(msg, msglen);
        tsr_tagged_hash(got, tag, taglen, msg, msglen);
        /* libsecp256k1's independent SHA-256 (its arguments must not be NULL: arrays here). */
        lib_fail += secp256k1_tagged_sha256(sctx, want, tag, taglen, msg, msglen) != 1;
        bad_lib += memcmp(got, want, 32) != 0;
        /* The definition: SHA256(SHA256(tag) || SHA256(tag) || msg). */
        tsr_sha256(th, tag, taglen);
        memcpy(cat, th, 32);
        memcpy(cat + 32, th, 32);
        memcpy(cat + 64, msg, msglen);
        tsr_sha256(want, cat, 64 + msglen);
        bad_def += memcmp(got, want, 32) != 0;
        /* _init then streaming. */
        tsr_tagged_hash_init(&h, tag, taglen);
        bad_stream += h.bytes != 64;
        tsr_sha256_update(&h, msg, k);
        tsr_sha256_update(&h, msg + k, msglen - k);
        tsr_sha256_final(&h, want);
        bad_stream += memcmp(got, want, 32) != 0;
    }
    CHECK_MSG(lib_fail == 0, "secp256k1_tagged_sha256 failed %lu times", lib_fail);
    CHECK_MSG(bad_lib == 0, "%lu tagged hashes differ from secp256k1_tagged_sha256", bad_lib);
    CHECK_MSG(bad_def == 0, "%lu tagged hashes differ from their definition", bad_def);
    CHECK_MSG(bad_stream == 0, "%lu streamed tagged hashes differ", bad_stream);

    /* A BIP340 tag, fixed. */
    {
        static const char t[] = "BIP0340/challenge";
        tsr_tagged_hash(got, (const uint8_t *)t, sizeof t - 1, msg, 32);
        CHECK(secp256k1_tagged_sha256(sctx, want, (const unsigned char *)t, sizeof t - 1, msg, 32) == 1);
        CHECK(memcmp(got, want, 32) == 0);
    }
}

/* ---- expand_message_xmd -------------------------------------------------------------------- */

/* Reference expand_message_xmd written straight from RFC 9380 §5.3.1 with explicit msg_prime and
 * per-block buffers (a different shape from ref/src/hash.c). Returns 0 on bad arguments. */
static int tsr_test_xmd_ref(uint8_t *out, size_t outlen, const uint8_t *msg, size_t msglen,
                            const uint8_t *dst, size_t dstlen) {
    static uint8_t mp[64 + 1024 + 3 + 256];
    uint8_t dp[256], b0[32], b[32], blk[32 + 1 + 256];
    size_t dplen, ell, i, j, off = 0;
    if (outlen == 0 || outlen > 65535 || dstlen == 0 || msglen > 1024) {
        return 0;
    }
    ell = (outlen + 31) / 32;
    if (ell > 255) {
        return 0;
    }
    if (dstlen > 255) {
        uint8_t tmp[17 + 1024];
        if (dstlen > 1024) {
            return 0;
        }
        memcpy(tmp, "H2C-OVERSIZE-DST-", 17);
        memcpy(tmp + 17, dst, dstlen);
        tsr_sha256(dp, tmp, 17 + dstlen);
        dplen = 32;
    } else {
        memcpy(dp, dst, dstlen);
        dplen = dstlen;
    }
    dp[dplen] = (uint8_t)dplen;
    dplen++;
    memset(mp, 0, 64);
    memcpy(mp + 64, msg, msglen);
    mp[64 + msglen] = (uint8_t)(outlen >> 8);
    mp[64 + msglen + 1] = (uint8_t)outlen;
    mp[64 + msglen + 2] = 0;
    memcpy(mp + 64 + msglen + 3, dp, dplen);
    tsr_sha256(b0, mp, 64 + msglen + 3 + dplen);
    for (i = 1; i <= ell; i++) {
        for (j = 0; j < 32; j++) {
            blk[j] = (uint8_t)(i == 1 ? b0[j] : (b0[j] ^ b[j]));
        }
        blk[32] = (uint8_t)i;
        memcpy(blk + 33, dp, dplen);
        tsr_sha256(b, blk, 33 + dplen);
        for (j = 0; j < 32 && off < outlen; j++) {
            out[off++] = b[j];
        }
    }
    return 1;
}

/* A purpose-built reader for our vector file: yields each "key": value pair in file order, where
 * value is a string (no escapes in our files), a number, or "" for an object/array. Returns 1 for
 * a pair, 0 at the end, -1 on a malformed file. */
static int tsr_test_json_next(const char *s, size_t n, size_t *pos, char *key, size_t keycap,
                              char *val, size_t valcap) {
    size_t p = *pos, k;
    for (;;) {
        while (p < n && s[p] != '"') {
            p++;
        }
        if (p >= n) {
            *pos = p;
            return 0;
        }
        p++;
        for (k = 0; p < n && s[p] != '"'; p++) {
            if (s[p] == '\\' || k + 1 >= keycap) {
                return -1;
            }
            key[k++] = s[p];
        }
        if (p >= n) {
            return -1;
        }
        key[k] = '\0';
        p++;
        while (p < n && (s[p] == ' ' || s[p] == '\n' || s[p] == '\r' || s[p] == '\t')) {
            p++;
        }
        if (p < n && s[p] == ':') {
            break;
        }
        /* A string that is not a key (array element): skip it. */
    }
    p++;
    while (p < n && (s[p] == ' ' || s[p] == '\n' || s[p] == '\r' || s[p] == '\t')) {
        p++;
    }
    k = 0;
    if (p < n && s[p] == '"') {
        p++;
        for (; p < n && s[p] != '"'; p++) {
            if (s[p] == '\\' || k + 1 >= valcap) {
                return -1;
            }
            val[k++] = s[p];
        }
        if (p >= n) {
            return -1;
        }
        p++;
    } else {
        while (p < n && s[p] >= '0' && s[p] <= '9') {
            if (k + 1 >= valcap) {
                return -1;
            }
            val[k++] = s[p++];
        }
    }
    val[k] = '\0';
    *pos = p;
    return 1;
}

static char *tsr_test_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf;
    long sz;
    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)sz + 1);
    if (buf == NULL || fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[sz] = '\0';
    fclose(f);
    *len = (size_t)sz;
    return buf;
}

/* One RFC 9380 vector: the output, and the intermediate values DST_prime, msg_prime, b_1, b_2. */
static void tsr_test_xmd_vector(const char *section, const char *dst, const uint8_t *dst_prime, size_t dplen,
                                const char *msg, size_t outlen, const uint8_t *msg_prime, size_t mplen,
                                const uint8_t *want, size_t wantlen) {
    uint8_t out[256], dp[256], mp[1024], b0[32], b[32], blk[32 + 1 + 256];
    size_t dstlen = strlen(dst), msglen = strlen(msg), dpl, j;
    const char *m8 = msglen > 8 ? "(long)" : msg;

    CHECK_MSG(wantlen == outlen && outlen <= sizeof out, "%s msg=%s: len_in_bytes %zu vs %zu uniform bytes",
              section, m8, outlen, wantlen);
    if (wantlen != outlen || outlen > sizeof out) {
        return;
    }
    /* The output. */
    memset(out, 0, sizeof out);
    CHECK(tsr_expand_message_xmd(out, outlen, (const uint8_t *)msg, msglen, (const uint8_t *)dst, dstlen) == TSR_OK);
    CHECK_MSG(memcmp(out, want, outlen) == 0, "RFC 9380 %s msg=\"%s\" len=%zu: uniform_bytes differ", section,
              m8, outlen);
    CHECK(tsr_test_xmd_ref(out, outlen, (const uint8_t *)msg, msglen, (const uint8_t *)dst, dstlen) == 1);
    CHECK_MSG(memcmp(out, want, outlen) == 0, "%s: the test's reference expander disagrees", section);

    /* DST_prime (§5.3.1 step 5, with §5.3.3 for a long DST). */
    if (dstlen > 255) {
        uint8_t tmp[17 + 512];
        CHECK(dstlen <= 512);
        memcpy(tmp, "H2C-OVERSIZE-DST-", 17);
        memcpy(tmp + 17, dst, dstlen);
        tsr_sha256(dp, tmp, 17 + dstlen);
        dpl = 32;
    } else {
        memcpy(dp, dst, dstlen);
        dpl = dstlen;
    }
    dp[dpl] = (uint8_t)dpl;
    dpl++;
    CHECK_MSG(dpl == dplen && memcmp(dp, dst_prime, dplen) == 0, "%s: DST_prime differs", section);

    /* msg_prime (§5.3.1 step 6). */
    CHECK(64 + msglen + 3 + dpl == mplen && mplen <= sizeof mp);
    if (64 + msglen + 3 + dpl != mplen || mplen > sizeof mp) {
        return;
    }
    memset(mp, 0, 64);
    memcpy(mp + 64, msg, msglen);
    mp[64 + msglen] = (uint8_t)(outlen >> 8);
    mp[64 + msglen + 1] = (uint8_t)outlen;
    mp[64 + msglen + 2] = 0;
    memcpy(mp + 64 + msglen + 3, dp, dpl);
    CHECK_MSG(memcmp(mp, msg_prime, mplen) == 0, "%s: msg_prime differs", section);

    /* b_0 = H(msg_prime); b_1 = H(b_0 || 1 || DST_prime) is the first block of the output. */
    tsr_sha256(b0, msg_prime, mplen);
    memcpy(blk, b0, 32);
    blk[32] = 1;
    memcpy(blk + 33, dst_prime, dplen);
    tsr_sha256(b, blk, 33 + dplen);
    CHECK_MSG(memcmp(b, want, outlen < 32 ? outlen : 32) == 0, "%s: b_1 differs", section);
    if (outlen > 32) {
        /* b_2 = H(strxor(b_0, b_1) || 2 || DST_prime) */
        for (j = 0; j < 32; j++) {
            blk[j] = (uint8_t)(b0[j] ^ b[j]);
        }
        blk[32] = 2;
        tsr_sha256(b, blk, 33 + dplen);
        CHECK_MSG(memcmp(b, want + 32, outlen - 32 < 32 ? outlen - 32 : 32) == 0, "%s: b_2 differs", section);
    }
}

static void test_xmd_rfc9380(void) {
    const char *path = getenv("TSR_XMD_VECTORS") != NULL ? getenv("TSR_XMD_VECTORS") : TSR_TEST_XMD_JSON;
    size_t n = 0, pos = 0;
    char *s = tsr_test_read_file(path, &n);
    static char key[64], val[2048], section[16], dst[300], msg[600];
    static uint8_t dst_prime[64], msg_prime[1024], want[256];
    size_t dplen = 0, mplen = 0, outlen = 0, wantlen, ntests = 0, ngroups = 0, nlong = 0;
    int r;

    CHECK_MSG(s != NULL, "cannot read %s (run from the repository root or set TSR_XMD_VECTORS)", path);
    if (s == NULL) {
        return;
    }
    section[0] = dst[0] = msg[0] = '\0';
    while ((r = tsr_test_json_next(s, n, &pos, key, sizeof key, val, sizeof val)) == 1) {
        if (strcmp(key, "section") == 0) {
            snprintf(section, sizeof section, "%s", val);
            ngroups++;
        } else if (strcmp(key, "DST") == 0) {
            CHECK(strlen(val) < sizeof dst);
            snprintf(dst, sizeof dst, "%s", val);
        } else if (strcmp(key, "DST_prime") == 0) {
            dplen = tsr_test_unhex(dst_prime, sizeof dst_prime, val);
            CHECK(dplen != (size_t)-1);
        } else if (strcmp(key, "msg") == 0) {
            CHECK(strlen(val) < sizeof msg);
            snprintf(msg, sizeof msg, "%s", val);
        } else if (strcmp(key, "len_in_bytes") == 0) {
            outlen = (size_t)strtoul(val, NULL, 10);
        } else if (strcmp(key, "msg_prime") == 0) {
            mplen = tsr_test_unhex(msg_prime, sizeof msg_prime, val);
            CHECK(mplen != (size_t)-1);
        } else if (strcmp(key, "uniform_bytes") == 0) {
            wantlen = tsr_test_unhex(want, sizeof want, val);
            CHECK(wantlen != (size_t)-1);
            if (wantlen != (size_t)-1 && dplen != (size_t)-1 && mplen != (size_t)-1) {
                tsr_test_xmd_vector(section, dst, dst_prime, dplen, msg, outlen, msg_prime, mplen, want, wantlen);
            }
            ntests++;
            nlong += strlen(dst) > 255;
        }
    }
    CHECK_MSG(r == 0, "%s is malformed near byte %zu", path, pos);
    /* All of RFC 9380 K.1 and K.2: 2 DSTs x 5 messages x 2 lengths. */
    CHECK_MSG(ngroups == 2 && ntests == 20 && nlong == 10, "read %zu groups, %zu vectors (%zu long-DST)",
              ngroups, ntests, nlong);
    free(s);
}

static void test_xmd_properties(void) {
    static uint8_t out[8160 + 16], ref[8160];
    uint8_t msg[300], dst[300];
    static const size_t lens[] = { 1, 2, 31, 32, 33, 47, 48, 63, 64, 65, 96, 100, 255, 256, 8127, 8128, 8159, 8160 };
    static const size_t dlens[] = { 1, 2, 38, 254, 255, 256, 257, 300 };
    size_t i, j;
    unsigned long bad = 0;
    int ok;

    tsr_test_randbytes(msg, sizeof msg);
    tsr_test_randbytes(dst, sizeof dst);
    /* Boundary lengths against the test's reference expander. */
    for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        for (j = 0; j < sizeof dlens / sizeof dlens[0]; j++) {
            size_t ml = (i * 37 + j * 11) % sizeof msg;
            memset(out, 0xa5, sizeof out);
            ok = tsr_expand_message_xmd(out, lens[i], msg, ml, dst, dlens[j]) == TSR_OK;
            ok &= tsr_test_xmd_ref(ref, lens[i], msg, ml, dst, dlens[j]);
            ok &= memcmp(out, ref, lens[i]) == 0;
            ok &= out[lens[i]] == 0xa5; /* nothing written past outlen */
            bad += !ok;
        }
    }
    CHECK_MSG(bad == 0, "%lu boundary cases differ from the reference expander", bad);

    /* Random lengths. */
    bad = 0;
    for (i = 0; i < 300; i++) {
        size_t ol = 1 + (size_t)(tsr_test_rand64() % (tsr_test_rand64() % 2 ? 300 : 8160));
        size_t ml = (size_t)(tsr_test_rand64() % (sizeof msg + 1));
        size_t dl = 1 + (size_t)(tsr_test_rand64() % sizeof dst);
        tsr_test_randbytes(msg, ml);
        tsr_test_randbytes(dst, dl);
        ok = tsr_expand_message_xmd(out, ol, msg, ml, dst, dl) == TSR_OK;
        ok &= tsr_test_xmd_ref(ref, ol, msg, ml, dst, dl);
        ok &= memcmp(out, ref, ol) == 0;
        bad += !ok;
    }
    CHECK_MSG(bad == 0, "%lu random cases differ from the reference expander", bad);

    /* The output may overlap the message. */
    memcpy(out, msg, 100);
    CHECK(tsr_test_xmd_ref(ref, 64, msg, 100, dst, 20) == 1);
    CHECK(tsr_expand_message_xmd(out, 64, out, 100, dst, 20) == TSR_OK);
    CHECK(memcmp(out, ref, 64) == 0);

    /* Different DSTs or lengths give unrelated outputs (domain separation, length binding). */
    CHECK(tsr_expand_message_xmd(out, 64, msg, 10, dst, 20) == TSR_OK);
    CHECK(tsr_expand_message_xmd(ref, 64, msg, 10, dst, 21) == TSR_OK);
    CHECK(memcmp(out, ref, 64) != 0);
    CHECK(tsr_expand_message_xmd(ref, 65, msg, 10, dst, 20) == TSR_OK);
    CHECK(memcmp(out, ref, 64) != 0);

    /* A 255-byte DST is used as is; a 256-byte one is hashed (§5.3.3): DST' differs from DST. */
    {
        uint8_t tmp[17 + 256], hd[32];
        memcpy(tmp, "H2C-OVERSIZE-DST-", 17);
        memcpy(tmp + 17, dst, 256);
        tsr_sha256(hd, tmp, sizeof tmp);
        CHECK(tsr_expand_message_xmd(out, 48, msg, 7, dst, 256) == TSR_OK);
        CHECK(tsr_expand_message_xmd(ref, 48, msg, 7, hd, 32) == TSR_OK);
        CHECK(memcmp(out, ref, 48) == 0);
    }
}

static void test_xmd_errors(void) {
    uint8_t out[64], msg[4] = { 1, 2, 3, 4 }, dst[4] = { 'D', 'S', 'T', '!' };
    static uint8_t big[8161];
    size_t i;
    int untouched = 1;

    memset(out, 0x5a, sizeof out);
    CHECK(tsr_expand_message_xmd(out, 0, msg, sizeof msg, dst, sizeof dst) == TSR_ERR_ARG);
    CHECK(tsr_expand_message_xmd(out, 32, msg, sizeof msg, dst, 0) == TSR_ERR_ARG);
    memset(big, 0x5a, sizeof big);
    CHECK(tsr_expand_message_xmd(big, 8161, msg, sizeof msg, dst, sizeof dst) == TSR_ERR_ARG);
    CHECK(tsr_expand_message_xmd(big, (size_t)-1, msg, sizeof msg, dst, sizeof dst) == TSR_ERR_ARG);
    for (i = 0; i < sizeof out; i++) {
        untouched &= out[i] == 0x5a;
    }
    for (i = 0; i < sizeof big; i++) {
        untouched &= big[i] == 0x5a;
    }
    CHECK_MSG(untouched, "a refused call wrote to its output");
    CHECK(tsr_expand_message_xmd(big, 8160, msg, sizeof msg, dst, sizeof dst) == TSR_OK);
    CHECK(big[8160] == 0x5a);
    CHECK(tsr_expand_message_xmd(out, 1, NULL, 0, dst, sizeof dst) == TSR_OK); /* empty msg may be NULL */
}

/* ---- hash_to_field ------------------------------------------------------------------------- */

static int tsr_test_scalar_is(const tsr_scalar *a, const char *hex) {
    uint8_t b[32];
    tsr_scalar_encode(b, a);
    return tsr_test_hex_eq(b, 32, hex);
}

static void test_hash_to_field(void) {
    static const char quux[] = "QUUX-V01-CS02-with-expander-SHA256-128";
    static const char rho[] = "FROST-secp256k1-SHA256-v1rho";
    static uint8_t u[8160];
    static tsr_scalar s[171], e;
    uint8_t msg[200], dst[40], a100[100], b1[32], b2[32];
    static const size_t counts[] = { 1, 2, 3, 5, 17, 100, 169, 170 };
    size_t i, k;
    unsigned long bad = 0;

    /* Known answers from an independent Python model (RFC 9380 §5.2 with p = n, L = 48:
     * int.from_bytes(uniform_bytes[48i:48i+48]) % n over hashlib's expand_message_xmd). */
    CHECK(tsr_hash_to_field(s, 2, (const uint8_t *)"abc", 3, (const uint8_t *)quux, sizeof quux - 1) == TSR_OK);
    CHECK(tsr_test_scalar_is(&s[0], "3cffd5d96070e58ffdc1cb4c73b03fa63f313113306552ec847b94038a064a26"));
    CHECK(tsr_test_scalar_is(&s[1], "231494218850a5506e4b873da7112cf97924a8e3ae28df8176d29271b7b8e5a4"));
    CHECK(tsr_hash_to_field(s, 1, NULL, 0, (const uint8_t *)"TSR-H2F-TEST", 12) == TSR_OK);
    CHECK(tsr_test_scalar_is(&s[0], "8640a7466121796a608f7bcab71f2f3b4d8bd7191e672ac39afea471e4b6f75a"));
    memset(a100, 'a', sizeof a100);
    CHECK(tsr_hash_to_field(s, 3, a100, sizeof a100, (const uint8_t *)rho, sizeof rho - 1) == TSR_OK);
    CHECK(tsr_test_scalar_is(&s[0], "1b292e171bb0e4ef459f0cbe6833ef6b0e2efffadfc6f6679d2528517f6a6f43"));
    CHECK(tsr_test_scalar_is(&s[1], "1ec83e560dbf11c8d41b7d3114098e46baf18042fe6986a2b2b8cf46196c573e"));
    CHECK(tsr_test_scalar_is(&s[2], "6781326fc758860adec86618f949d1e32577c741a98c91e5219e2088818501d4"));

    /* Against expand_message_xmd + reduce_be of each 48-byte chunk. */
    for (k = 0; k < sizeof counts / sizeof counts[0]; k++) {
        size_t c = counts[k];
        size_t ml = (size_t)(tsr_test_rand64() % (sizeof msg + 1));
        size_t dl = 1 + (size_t)(tsr_test_rand64() % sizeof dst);
        tsr_test_randbytes(msg, ml);
        tsr_test_randbytes(dst, dl);
        CHECK(tsr_hash_to_field(s, c, msg, ml, dst, dl) == TSR_OK);
        CHECK(tsr_expand_message_xmd(u, 48 * c, msg, ml, dst, dl) == TSR_OK);
        for (i = 0; i < c; i++) {
            tsr_scalar_encode(b1, &s[i]);
            if (tsr_scalar_reduce_be(&e, u + 48 * i, 48) != TSR_OK) {
                bad++;
                continue;
            }
            tsr_scalar_encode(b2, &e);
            bad += memcmp(b1, b2, 32) != 0;
        }
    }
    CHECK_MSG(bad == 0, "%lu hash_to_field elements differ from expand + reduce_be", bad);

    /* Errors leave the output untouched. */
    tsr_scalar_set_u32(&s[0], 7);
    CHECK(tsr_hash_to_field(s, 0, msg, 10, dst, 10) == TSR_ERR_ARG);
    CHECK(tsr_hash_to_field(s, 171, msg, 10, dst, 10) == TSR_ERR_ARG);
    CHECK(tsr_hash_to_field(s, 1, msg, 10, dst, 0) == TSR_ERR_ARG);
    CHECK(tsr_hash_to_field(s, (size_t)-1, msg, 10, dst, 10) == TSR_ERR_ARG);
    CHECK(tsr_test_scalar_is(&s[0], "0000000000000000000000000000000000000000000000000000000000000007"));
}

/* ---- transcript ---------------------------------------------------------------------------- */

#define TSR_TEST_TR_MAXF 6
#define TSR_TEST_TR_MAXLEN 70

typedef struct {
    uint8_t type;
    size_t len;
    uint8_t data[TSR_TEST_TR_MAXLEN + 1];
} tsr_test_field;

typedef struct {
    uint8_t domain[16];
    size_t domainlen;
    uint8_t session[32];
    uint32_t prover;
    size_t nf;
    tsr_test_field f[TSR_TEST_TR_MAXF];
} tsr_test_tuple;

typedef struct {
    uint8_t tee[1024];
    size_t teelen;
    uint8_t chal[32];
} tsr_test_run;

static int tsr_test_tuple_eq(const tsr_test_tuple *a, const tsr_test_tuple *b) {
    size_t i;
    if (a->domainlen != b->domainlen || memcmp(a->domain, b->domain, a->domainlen) != 0 ||
        memcmp(a->session, b->session, 32) != 0 || a->prover != b->prover || a->nf != b->nf) {
        return 0;
    }
    for (i = 0; i < a->nf; i++) {
        if (a->f[i].type != b->f[i].type || a->f[i].len != b->f[i].len ||
            memcmp(a->f[i].data, b->f[i].data, a->f[i].len) != 0) {
            return 0;
        }
    }
    return 1;
}

static void tsr_test_tuple_run(tsr_test_run *r, const tsr_test_tuple *a) {
    tsr_transcript t;
    tsr_scalar c;
    size_t i;
    memset(&t, 0xee, sizeof t); /* garbage everywhere: init_tee sets every member */
    CHECK(tsr_transcript_init_tee(&t, r->tee, sizeof r->tee, a->domain, a->domainlen, a->session, a->prover) ==
          TSR_OK);
    for (i = 0; i < a->nf; i++) {
        tsr_transcript_append(&t, a->f[i].type, a->f[i].data, a->f[i].len);
    }
    r->teelen = t.teelen;
    tsr_transcript_challenge(&c, &t);
    tsr_scalar_encode(r->chal, &c);
}

static void tsr_test_tuple_rand(tsr_test_tuple *a) {
    size_t i;
    memset(a, 0, sizeof *a);
    /* Small alphabets and lengths so that near-collisions (shifted boundaries) are common. */
    a->domainlen = 1 + (size_t)(tsr_test_rand64() % 4);
    for (i = 0; i < a->domainlen; i++) {
        a->domain[i] = (uint8_t)('a' + tsr_test_rand64() % 2);
    }
    for (i = 0; i < 32; i++) {
        a->session[i] = (uint8_t)(tsr_test_rand64() % 2);
    }
    a->prover = (uint32_t)(tsr_test_rand64() % 3);
    a->nf = (size_t)(tsr_test_rand64() % (TSR_TEST_TR_MAXF + 1));
    for (i = 0; i < a->nf; i++) {
        size_t j;
        a->f[i].type = (uint8_t)(1 + tsr_test_rand64() % 5);
        a->f[i].len = (size_t)(tsr_test_rand64() % 4 == 0 ? 0 : tsr_test_rand64() % (TSR_TEST_TR_MAXLEN + 1));
        for (j = 0; j < a->f[i].len; j++) {
            a->f[i].data[j] = (uint8_t)(tsr_test_rand64() % 3);
        }
    }
}

/* One small change to a: a byte, a type, a length, a boundary between two fields, a field
 * added or dropped, the domain, the session or the prover. */
static void tsr_test_tuple_mutate(tsr_test_tuple *a) {
    size_t i, j, k;
    switch (tsr_test_rand64() % 10) {
    case 0: /* flip a byte */
        if (a->nf > 0) {
            i = (size_t)(tsr_test_rand64() % a->nf);
            if (a->f[i].len > 0) {
                a->f[i].data[tsr_test_rand64() % a->f[i].len] ^= (uint8_t)(1u << (tsr_test_rand64() % 8));
            }
        }
        break;
    case 1: /* change a type */
        if (a->nf > 0) {
            i = (size_t)(tsr_test_rand64() % a->nf);
            a->f[i].type = (uint8_t)(1 + (a->f[i].type + tsr_test_rand64() % 4) % 5);
        }
        break;
    case 2: /* shorten or lengthen a field */
        if (a->nf > 0) {
            i = (size_t)(tsr_test_rand64() % a->nf);
            if (a->f[i].len > 0 && tsr_test_rand64() % 2) {
                a->f[i].len--;
            } else if (a->f[i].len < TSR_TEST_TR_MAXLEN) {
                a->f[i].data[a->f[i].len++] = (uint8_t)(tsr_test_rand64() % 3);
            }
        }
        break;
    case 3: /* move the boundary between two neighbours: ("ab","c") <-> ("a","bc") */
        if (a->nf > 1) {
            i = (size_t)(tsr_test_rand64() % (a->nf - 1));
            if (a->f[i].len > 0 && a->f[i + 1].len < TSR_TEST_TR_MAXLEN) {
                tsr_test_field *x = &a->f[i], *y = &a->f[i + 1];
                memmove(y->data + 1, y->data, y->len);
                y->data[0] = x->data[x->len - 1];
                y->len++;
                x->len--;
            }
        }
        break;
    case 4: /* drop a field */
        if (a->nf > 0) {
            i = (size_t)(tsr_test_rand64() % a->nf);
            for (j = i; j + 1 < a->nf; j++) {
                a->f[j] = a->f[j + 1];
            }
            a->nf--;
        }
        break;
    case 5: /* insert an empty field */
        if (a->nf < TSR_TEST_TR_MAXF) {
            i = (size_t)(tsr_test_rand64() % (a->nf + 1));
            for (j = a->nf; j > i; j--) {
                a->f[j] = a->f[j - 1];
            }
            a->f[i].type = (uint8_t)(1 + tsr_test_rand64() % 5);
            a->f[i].len = 0;
            a->nf++;
        }
        break;
    case 6: /* domain: a byte, or its length */
        k = (size_t)(tsr_test_rand64() % a->domainlen);
        if (tsr_test_rand64() % 2) {
            a->domain[k] ^= 1;
        } else if (a->domainlen < sizeof a->domain) {
            a->domain[a->domainlen++] = 'a';
        }
        break;
    case 7:
        a->session[tsr_test_rand64() % 32] ^= 1;
        break;
    case 8:
        a->prover ^= (uint32_t)1 << (tsr_test_rand64() % 32);
        break;
    default: /* merge two neighbours into one */
        if (a->nf > 1) {
            i = (size_t)(tsr_test_rand64() % (a->nf - 1));
            if (a->f[i].len + a->f[i + 1].len <= TSR_TEST_TR_MAXLEN) {
                memcpy(a->f[i].data + a->f[i].len, a->f[i + 1].data, a->f[i + 1].len);
                a->f[i].len += a->f[i + 1].len;
                for (j = i + 1; j + 1 < a->nf; j++) {
                    a->f[j] = a->f[j + 1];
                }
                a->nf--;
            }
        }
        break;
    }
}

static int tsr_test_streams_differ(const tsr_test_run *x, const tsr_test_run *y) {
    return x->teelen != y->teelen || memcmp(x->tee, y->tee, x->teelen) != 0;
}

static void test_transcript_injective(void) {
    static tsr_test_tuple a, b;
    static tsr_test_run ra, rb, ra2;
    unsigned long pairs = 0, same_stream = 0, same_chal = 0, unequal_rerun = 0, overflow = 0;
    int i;

    for (i = 0; i < TSR_TEST_TR_PAIRS; i++) {
        tsr_test_tuple_rand(&a);
        if (i % 4 == 0) {
            tsr_test_tuple_rand(&b); /* independent */
        } else {
            int m, nm = 1 + (int)(tsr_test_rand64() % 3);
            b = a;
            for (m = 0; m < nm; m++) {
                tsr_test_tuple_mutate(&b);
            }
        }
        tsr_test_tuple_run(&ra, &a);
        tsr_test_tuple_run(&ra2, &a);
        unequal_rerun += tsr_test_streams_differ(&ra, &ra2) || memcmp(ra.chal, ra2.chal, 32) != 0;
        overflow += ra.teelen > sizeof ra.tee;
        if (tsr_test_tuple_eq(&a, &b)) {
            continue; /* the mutation was a no-op */
        }
        tsr_test_tuple_run(&rb, &b);
        overflow += rb.teelen > sizeof rb.tee;
        pairs++;
        same_stream += !tsr_test_streams_differ(&ra, &rb);
        same_chal += memcmp(ra.chal, rb.chal, 32) == 0;
    }
    CHECK_MSG(pairs > TSR_TEST_TR_PAIRS / 2, "only %lu distinct pairs", pairs);
    CHECK_MSG(overflow == 0, "tee too small in the test (%lu)", overflow);
    CHECK_MSG(same_stream == 0, "%lu of %lu distinct tuples gave the same byte stream", same_stream, pairs);
    CHECK_MSG(same_chal == 0, "%lu of %lu distinct tuples gave the same challenge", same_chal, pairs);
    CHECK_MSG(unequal_rerun == 0, "%lu equal inputs gave different streams or challenges", unequal_rerun);
}

/* Crafted ambiguous pairs: each must give different streams and challenges. */
static void test_transcript_crafted(void) {
    static tsr_test_tuple base, a, b;
    static tsr_test_run ra, rb;
    int k;

    memset(&base, 0, sizeof base);
    base.domainlen = 3;
    memcpy(base.domain, "dom", 3);
    base.prover = 1;

    for (k = 0; k < 8; k++) {
        a = base;
        b = base;
        switch (k) {
        case 0: /* ("ab", "c") vs ("a", "bc") */
            a.nf = 2;
            a.f[0] = (tsr_test_field){ TSR_TR_BYTES, 2, "ab" };
            a.f[1] = (tsr_test_field){ TSR_TR_BYTES, 1, "c" };
            b.nf = 2;
            b.f[0] = (tsr_test_field){ TSR_TR_BYTES, 1, "a" };
            b.f[1] = (tsr_test_field){ TSR_TR_BYTES, 2, "bc" };
            break;
        case 1: /* ("", "x") vs ("x") */
            a.nf = 2;
            a.f[0] = (tsr_test_field){ TSR_TR_BYTES, 0, "" };
            a.f[1] = (tsr_test_field){ TSR_TR_BYTES, 1, "x" };
            b.nf = 1;
            b.f[0] = (tsr_test_field){ TSR_TR_BYTES, 1, "x" };
            break;
        case 2: /* LABEL vs BYTES with equal content */
            a.nf = 1;
            a.f[0] = (tsr_test_field){ TSR_TR_LABEL, 5, "nonce" };
            b.nf = 1;
            b.f[0] = (tsr_test_field){ TSR_TR_BYTES, 5, "nonce" };
            break;
        case 3: /* domain only */
            b.domain[2] = 'n';
            break;
        case 4: /* domain length only: "dom" vs "do" + the rest shifted */
            b.domainlen = 2;
            break;
        case 5: /* session only */
            b.session[31] = 1;
            break;
        case 6: /* prover only */
            b.prover = 2;
            break;
        default: /* a field that looks like a header: (BYTES "x") vs (BYTES "") then raw bytes */
            a.nf = 1;
            a.f[0] = (tsr_test_field){ TSR_TR_BYTES, 10, { 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 'x' } };
            b.nf = 2;
            b.f[0] = (tsr_test_field){ TSR_TR_BYTES, 0, "" };
            b.f[1] = (tsr_test_field){ TSR_TR_BYTES, 1, "x" };
            break;
        }
        tsr_test_tuple_run(&ra, &a);
        tsr_test_tuple_run(&rb, &b);
        CHECK_MSG(tsr_test_streams_differ(&ra, &rb), "crafted pair %d: same stream", k);
        CHECK_MSG(memcmp(ra.chal, rb.chal, 32) != 0, "crafted pair %d: same challenge", k);
    }

    /* LABEL vs BYTES through the typed helper too. */
    {
        tsr_transcript t1 = { 0 }, t2 = { 0 };
        tsr_scalar c1, c2;
        uint8_t e1[32], e2[32];
        CHECK(tsr_transcript_init(&t1, base.domain, 3, base.session, 1) == TSR_OK);
        CHECK(tsr_transcript_init(&t2, base.domain, 3, base.session, 1) == TSR_OK);
        tsr_transcript_append_label(&t1, "nonce");
        tsr_transcript_append(&t2, TSR_TR_BYTES, (const uint8_t *)"nonce", 5);
        tsr_transcript_challenge(&c1, &t1);
        tsr_transcript_challenge(&c2, &t2);
        tsr_scalar_encode(e1, &c1);
        tsr_scalar_encode(e2, &c2);
        CHECK(memcmp(e1, e2, 32) != 0);
    }
}

/* The exact byte encoding, the typed helpers, and the challenge definition. */
static void test_transcript_encoding(void) {
    static uint8_t tee[512], want[512];
    uint8_t session[32], enc[33], cat[600], wide[64], e1[32], e2[32];
    tsr_transcript t, t2;
    tsr_scalar s, c, c2, ref;
    tsr_point p;
    size_t n = 0, i;

    for (i = 0; i < 32; i++) {
        session[i] = (uint8_t)i;
    }
    tsr_scalar_set_u32(&s, 0x01020304u);
    CHECK(tsr_point_base_mul(ctx, &p, &s) == TSR_OK);

    t.teelen = 12345; /* init resets it */
    CHECK(tsr_transcript_init_tee(&t, tee, sizeof tee, (const uint8_t *)"dom", 3, session, 0x0a0b0c0du) == TSR_OK);
    tsr_transcript_append(&t, TSR_TR_BYTES, (const uint8_t *)"xy", 2);
    tsr_transcript_append_label(&t, "lbl");
    tsr_transcript_append_u64(&t, 0x0102030405060708ULL);
    tsr_transcript_append_scalar(&t, &s);
    CHECK(tsr_transcript_append_point(ctx, &t, &p) == TSR_OK);
    tsr_point_set_identity(&p);
    CHECK(tsr_transcript_append_point(ctx, &t, &p) == TSR_OK);
    tsr_transcript_append(&t, TSR_TR_BYTES, NULL, 0);

    /* init: "TSR-TRANSCRIPT-v1" || u32be(3) || "dom" || session || u32be(prover) */
    memcpy(want, "TSR-TRANSCRIPT-v1", 17);
    n = 17;
    memcpy(want + n, "\x00\x00\x00\x03" "dom", 7);
    n += 7;
    memcpy(want + n, session, 32);
    n += 32;
    memcpy(want + n, "\x0a\x0b\x0c\x0d", 4);
    n += 4;
    /* append: u8(type) || u64be(len) || data */
    memcpy(want + n, "\x01\x00\x00\x00\x00\x00\x00\x00\x02" "xy", 11);
    n += 11;
    memcpy(want + n, "\x02\x00\x00\x00\x00\x00\x00\x00\x03" "lbl", 12);
    n += 12;
    memcpy(want + n, "\x03\x00\x00\x00\x00\x00\x00\x00\x08\x01\x02\x03\x04\x05\x06\x07\x08", 17);
    n += 17;
    memcpy(want + n, "\x04\x00\x00\x00\x00\x00\x00\x00\x20", 9);
    n += 9;
    memset(want + n, 0, 28);
    memcpy(want + n + 28, "\x01\x02\x03\x04", 4);
    n += 32;
    memcpy(want + n, "\x05\x00\x00\x00\x00\x00\x00\x00\x21", 9);
    n += 9;
    /* The point is 0x01020304 * G, as tsr_point_encode writes it (point.c is tested elsewhere). */
    CHECK(tsr_point_base_mul(ctx, &p, &s) == TSR_OK);
    CHECK(tsr_point_encode(ctx, enc, &p) == TSR_OK);
    memcpy(want + n, enc, 33);
    n += 33;
    memcpy(want + n, "\x05\x00\x00\x00\x00\x00\x00\x00\x21", 9);
    n += 9;
    memset(want + n, 0, 33); /* the identity */
    n += 33;
    memcpy(want + n, "\x01\x00\x00\x00\x00\x00\x00\x00\x00", 9);
    n += 9;
    CHECK_MSG(t.teelen == n, "stream length %zu, expected %zu", t.teelen, n);
    CHECK_MSG(t.teelen == n && memcmp(tee, want, n) == 0, "transcript byte encoding differs");
    CHECK(enc[0] == 0x02 || enc[0] == 0x03);

    /* challenge = reduce_be(SHA256(T || 0x00) || SHA256(T || 0x01)) */
    tsr_transcript_challenge(&c, &t);
    memcpy(cat, want, n);
    cat[n] = 0x00;
    tsr_sha256(wide, cat, n + 1);
    cat[n] = 0x01;
    tsr_sha256(wide + 32, cat, n + 1);
    CHECK(tsr_scalar_reduce_be(&ref, wide, 64) == TSR_OK);
    tsr_scalar_encode(e1, &c);
    tsr_scalar_encode(e2, &ref);
    CHECK_MSG(memcmp(e1, e2, 32) == 0, "challenge differs from its definition");

    /* The transcript stays usable: same challenge again, the tee untouched, and appending after
     * a challenge equals appending to a transcript that never gave one. */
    tsr_transcript_challenge(&c2, &t);
    tsr_scalar_encode(e2, &c2);
    CHECK(memcmp(e1, e2, 32) == 0);
    CHECK(t.teelen == n);
    t2 = t;
    t2.tee = NULL;
    tsr_transcript_append_u64(&t, 99);
    tsr_transcript_append_u64(&t2, 99);
    tsr_transcript_challenge(&c, &t);
    tsr_transcript_challenge(&c2, &t2);
    tsr_scalar_encode(e1, &c);
    tsr_scalar_encode(e2, &c2);
    CHECK(memcmp(e1, e2, 32) == 0);
    CHECK(t.teelen == n + 17 && t2.teelen == n + 17); /* teelen counts with a NULL tee too */

    /* Typed helpers equal the generic append with their encodings. */
    {
        tsr_transcript x = { 0 }, y = { 0 };
        uint8_t b8[8] = { 0xff, 0, 0, 0, 0, 0, 0, 0x2a }, b32[32];
        tsr_scalar r;
        CHECK(tsr_transcript_init(&x, (const uint8_t *)"d", 1, session, 7) == TSR_OK);
        CHECK(tsr_transcript_init(&y, (const uint8_t *)"d", 1, session, 7) == TSR_OK);
        tsr_transcript_append_u64(&x, 0xff0000000000002aULL);
        tsr_transcript_append(&y, TSR_TR_U64, b8, 8);
        tsr_test_randbytes(wide, 64);
        CHECK(tsr_scalar_reduce_be(&r, wide, 64) == TSR_OK);
        tsr_transcript_append_scalar(&x, &r);
        tsr_scalar_encode(b32, &r);
        tsr_transcript_append(&y, TSR_TR_SCALAR, b32, 32);
        tsr_transcript_challenge(&c, &x);
        tsr_transcript_challenge(&c2, &y);
        tsr_scalar_encode(e1, &c);
        tsr_scalar_encode(e2, &c2);
        CHECK(memcmp(e1, e2, 32) == 0);
        CHECK(x.teelen == y.teelen);
    }

    /* init refuses an empty or oversize domain and leaves t untouched. */
    {
        static uint8_t dom[256];
        tsr_transcript u, u0;
        memset(&u, 0x3c, sizeof u); /* garbage tee pointer: init must not use it */
        u0 = u;
        CHECK(tsr_transcript_init(&u, dom, 0, session, 1) == TSR_ERR_ARG);
        CHECK(tsr_transcript_init(&u, dom, 256, session, 1) == TSR_ERR_ARG);
        CHECK(memcmp(&u, &u0, sizeof u) == 0);
        CHECK(tsr_transcript_init(&u, dom, 255, session, 1) == TSR_OK);
        CHECK(u.tee == NULL && u.teecap == 0);
        CHECK(u.teelen == 17 + 4 + 255 + 32 + 4);
    }
}

/* The tee stores the first teecap bytes, counts all of them, and writes nothing past teecap. */
static void test_transcript_tee(void) {
    static tsr_test_tuple a;
    static tsr_test_run full;
    static uint8_t buf[1100];
    size_t caps[12], nc = 0, k, i;
    uint8_t chal[32];

    do {
        tsr_test_tuple_rand(&a);
    } while (a.nf < 3);
    tsr_test_tuple_run(&full, &a);
    caps[nc++] = 0;
    caps[nc++] = 1;
    caps[nc++] = 16;
    caps[nc++] = 17;
    caps[nc++] = 18;
    caps[nc++] = 60;
    caps[nc++] = full.teelen / 2;
    caps[nc++] = full.teelen - 1;
    caps[nc++] = full.teelen;
    caps[nc++] = full.teelen + 1;
    caps[nc++] = full.teelen + 40;
    for (k = 0; k < nc; k++) {
        tsr_transcript t;
        tsr_scalar c;
        size_t stored = caps[k] < full.teelen ? caps[k] : full.teelen;
        int canary = 1;
        memset(buf, 0xc5, sizeof buf);
        CHECK(tsr_transcript_init_tee(&t, buf, caps[k], a.domain, a.domainlen, a.session, a.prover) == TSR_OK);
        for (i = 0; i < a.nf; i++) {
            tsr_transcript_append(&t, a.f[i].type, a.f[i].data, a.f[i].len);
        }
        CHECK_MSG(t.teelen == full.teelen, "teecap %zu: teelen %zu, expected %zu", caps[k], t.teelen, full.teelen);
        CHECK_MSG(memcmp(buf, full.tee, stored) == 0, "teecap %zu: stored prefix differs", caps[k]);
        for (i = stored; i < sizeof buf; i++) {
            canary &= buf[i] == 0xc5;
        }
        CHECK_MSG(canary, "teecap %zu: wrote past the stored prefix", caps[k]);
        tsr_transcript_challenge(&c, &t);
        tsr_scalar_encode(chal, &c);
        CHECK(memcmp(chal, full.chal, 32) == 0); /* the tee never changes the hash */
    }
    /* No tee at all. */
    {
        tsr_transcript t = { 0 };
        tsr_scalar c;
        CHECK(tsr_transcript_init(&t, a.domain, a.domainlen, a.session, a.prover) == TSR_OK);
        for (i = 0; i < a.nf; i++) {
            tsr_transcript_append(&t, a.f[i].type, a.f[i].data, a.f[i].len);
        }
        CHECK(t.teelen == full.teelen);
        tsr_transcript_challenge(&c, &t);
        tsr_scalar_encode(chal, &c);
        CHECK(memcmp(chal, full.chal, 32) == 0);
    }
}

int main(int argc, char **argv) {
    tsr_test_init("hash", argc, argv);
    ctx = tsr_context_create(NULL);
    sctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    CHECK(ctx != NULL && sctx != NULL);
    if (ctx == NULL || sctx == NULL) {
        return tsr_test_done();
    }
    test_sha256_fips();
    test_sha256_streaming();
    test_tagged_hash();
    test_xmd_rfc9380();
    test_xmd_properties();
    test_xmd_errors();
    test_hash_to_field();
    test_transcript_encoding();
    test_transcript_injective();
    test_transcript_crafted();
    test_transcript_tee();
    secp256k1_context_destroy(sctx);
    tsr_context_destroy(ctx);
    return tsr_test_done();
}
