/* Unit tests for the wire frame: round trips, every reject reason and its order, truncations,
 * trailing bytes, encoder refusals and random mutations (suite "wire"). */
#include "tessera/wire.h"
#include "tsr_test.h"

/* Fills f with a valid header and no fields. */
static void frame_init(tsr_frame *f, uint16_t type, uint32_t sender) {
    size_t i;
    memset(f, 0, sizeof *f);
    f->version = TSR_WIRE_VERSION;
    f->suite = TSR_SUITE_SECP256K1_SHA256;
    f->type = type;
    for (i = 0; i < 32; i++) {
        f->session[i] = (uint8_t)(0xa0 + i);
    }
    f->sender = sender;
}

/* Decodes buf, checks the result and reason, and the failure state. */
static void expect_reject(const uint8_t *buf, size_t len, tsr_check want, const char *what) {
    tsr_frame f;
    tsr_check why = TSR_CHECK_NONE;
    int rc;
    memset(&f, 0x5a, sizeof f); /* the failure state must not depend on what f held */
    rc = tsr_frame_decode(&f, buf, len, &why);
    CHECK_MSG(rc == TSR_ERR_ENCODING, "%s: rc %d", what, rc);
    CHECK_MSG(why == want, "%s: reason %d (%s), want %d (%s)", what, (int)why, tsr_check_name((int)why),
              (int)want, tsr_check_name((int)want));
    CHECK_MSG(f.nfields == 0 && f.version == 0 && f.type == 0 && f.sender == 0, "%s: failure state", what);
}

/* Encodes f into a fresh, exactly sized buffer (caller frees). Returns NULL (and *len = 0) if the
 * encoder refuses f or its length disagrees with tsr_frame_encoded_len. */
static uint8_t *encode_raw(const tsr_frame *f, size_t *len) {
    size_t need = tsr_frame_encoded_len(f), got = 0;
    uint8_t *buf = malloc(need == 0 ? 1 : need);
    if (buf == NULL) {
        abort();
    }
    *len = 0;
    if (need < TSR_WIRE_HEADER_BYTES || tsr_frame_encode(buf, need, &got, f) != TSR_OK || got != need) {
        free(buf);
        return NULL;
    }
    *len = got;
    return buf;
}

/* As encode_raw, counting one check; aborts the test run if the encoder refused a valid frame. */
static uint8_t *encode_alloc(const tsr_frame *f, size_t *len) {
    uint8_t *buf = encode_raw(f, len);
    CHECK(buf != NULL);
    if (buf == NULL) {
        fprintf(stderr, "encoder refused a valid frame; stopping\n");
        exit(tsr_test_done());
    }
    return buf;
}

/* Checks decode(encode(f)) == f member by member, field bytes included, and that re-encoding the
 * decoded frame gives the same bytes. */
static void check_round_trip(const tsr_frame *f, const char *what) {
    size_t len, len2 = 0, i, ok_fields = 0;
    uint8_t *buf = encode_alloc(f, &len), *buf2;
    tsr_frame g;
    tsr_check why = TSR_CHECK_TYPE;
    int rc = tsr_frame_decode(&g, buf, len, &why);
    CHECK_MSG(rc == TSR_OK && why == TSR_CHECK_NONE, "%s: decode rc %d reason %d", what, rc, (int)why);
    CHECK(g.version == f->version && g.suite == f->suite && g.type == f->type && g.sender == f->sender);
    CHECK(memcmp(g.session, f->session, 32) == 0);
    CHECK_MSG(g.nfields == f->nfields, "%s: nfields %zu vs %zu", what, g.nfields, f->nfields);
    for (i = 0; i < g.nfields && i < f->nfields; i++) {
        /* decoded fields point into the input buffer, inside it */
        if (g.field_len[i] == f->field_len[i] && g.field[i] >= buf + TSR_WIRE_HEADER_BYTES + 4 &&
            g.field[i] + g.field_len[i] <= buf + len &&
            (f->field_len[i] == 0 || memcmp(g.field[i], f->field[i], f->field_len[i]) == 0)) {
            ok_fields++;
        }
    }
    CHECK_MSG(ok_fields == f->nfields, "%s: %zu of %zu fields equal", what, ok_fields, f->nfields);
    buf2 = malloc(len);
    if (buf2 == NULL) {
        abort();
    }
    CHECK(tsr_frame_encode(buf2, len, &len2, &g) == TSR_OK && len2 == len && memcmp(buf, buf2, len) == 0);
    free(buf2);
    free(buf);
}

static void test_known(void) {
    unsigned v;
    unsigned nsuites = 0, ntypes = 0;
    for (v = 0; v < 256; v++) {
        nsuites += (unsigned)tsr_wire_suite_known((uint8_t)v);
    }
    CHECK(nsuites == 2);
    CHECK(tsr_wire_suite_known(TSR_SUITE_SECP256K1_SHA256) == 1);
    CHECK(tsr_wire_suite_known(TSR_SUITE_SECP256K1_TR) == 1);
    CHECK(tsr_wire_suite_known(0) == 0);
    for (v = 0; v < 65536; v++) {
        ntypes += (unsigned)tsr_wire_type_known((uint16_t)v);
    }
    CHECK(ntypes == 11);
    CHECK(tsr_wire_type_known(TSR_MSG_SHARING_COMMITMENT) == 1);
    CHECK(tsr_wire_type_known(TSR_MSG_SHARING_SHARE) == 1);
    CHECK(tsr_wire_type_known(0x0000) == 0);
    CHECK(tsr_wire_type_known(0x0201) == 1);
    CHECK(tsr_wire_type_known(0x0206) == 0);
}

/* A known encoding, byte for byte (spec/encoding.md §Frame example). */
static void test_known_bytes(void) {
    static const uint8_t field0[3] = {0xde, 0xad, 0x01};
    uint8_t want[TSR_WIRE_HEADER_BYTES + 4 + 3 + 4];
    uint8_t out[sizeof want + 5];
    size_t outlen = 0, i;
    tsr_frame f;
    frame_init(&f, TSR_MSG_SHARING_SHARE, 4);
    f.suite = TSR_SUITE_SECP256K1_TR;
    f.nfields = 2;
    f.field[0] = field0;
    f.field_len[0] = 3;
    f.field[1] = NULL; /* empty field: no pointer needed */
    f.field_len[1] = 0;
    want[0] = 1;
    want[1] = 2;
    want[2] = 0x01;
    want[3] = 0x02;
    for (i = 0; i < 32; i++) {
        want[4 + i] = (uint8_t)(0xa0 + i);
    }
    want[36] = 0;
    want[37] = 0;
    want[38] = 0;
    want[39] = 4;
    want[40] = 0;
    want[41] = 2;
    want[42] = 0;
    want[43] = 0;
    want[44] = 0;
    want[45] = 3;
    want[46] = 0xde;
    want[47] = 0xad;
    want[48] = 0x01;
    want[49] = 0;
    want[50] = 0;
    want[51] = 0;
    want[52] = 0;
    CHECK(tsr_frame_encoded_len(&f) == sizeof want);
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_OK);
    CHECK(outlen == sizeof want && memcmp(out, want, sizeof want) == 0);
    check_round_trip(&f, "known bytes");
}

static void test_round_trips(void) {
    static uint8_t data[TSR_WIRE_MAX_FIELDS][40];
    tsr_frame f;
    size_t i;
    uint8_t *big;

    frame_init(&f, TSR_MSG_SHARING_COMMITMENT, 0);
    check_round_trip(&f, "0 fields");
    CHECK(tsr_frame_encoded_len(&f) == TSR_WIRE_HEADER_BYTES);

    tsr_test_randbytes(data[0], sizeof data[0]);
    frame_init(&f, TSR_MSG_SHARING_SHARE, 1);
    f.nfields = 1;
    f.field[0] = data[0];
    f.field_len[0] = 40;
    check_round_trip(&f, "1 field");

    frame_init(&f, TSR_MSG_SHARING_SHARE, TSR_MAX_PARTIES);
    f.suite = TSR_SUITE_SECP256K1_TR;
    f.nfields = TSR_WIRE_MAX_FIELDS;
    for (i = 0; i < TSR_WIRE_MAX_FIELDS; i++) {
        tsr_test_randbytes(data[i], sizeof data[i]);
        f.field[i] = data[i];
        f.field_len[i] = i % 41; /* 0..40 bytes, empty ones included */
    }
    check_round_trip(&f, "max fields");

    frame_init(&f, TSR_MSG_SHARING_COMMITMENT, 7);
    f.nfields = 3;
    for (i = 0; i < 3; i++) {
        f.field[i] = NULL;
        f.field_len[i] = 0;
    }
    check_round_trip(&f, "empty fields");
    CHECK(tsr_frame_encoded_len(&f) == TSR_WIRE_HEADER_BYTES + 12);

    /* the largest frame: one field filling TSR_WIRE_MAX_FRAME exactly */
    big = malloc(TSR_WIRE_MAX_FRAME);
    if (big == NULL) {
        abort();
    }
    tsr_test_randbytes(big, 4096);
    memset(big + 4096, 0x3c, TSR_WIRE_MAX_FRAME - 4096);
    frame_init(&f, TSR_MSG_SHARING_COMMITMENT, 2);
    f.nfields = 1;
    f.field[0] = big;
    f.field_len[0] = TSR_WIRE_MAX_FRAME - TSR_WIRE_HEADER_BYTES - 4;
    CHECK(tsr_frame_encoded_len(&f) == TSR_WIRE_MAX_FRAME);
    check_round_trip(&f, "largest field");
    f.field_len[0]++;
    CHECK(tsr_frame_encoded_len(&f) == 0);
    /* two large fields whose sum is over the cap */
    f.nfields = 2;
    f.field[1] = big;
    f.field_len[0] = TSR_WIRE_MAX_FRAME / 2;
    f.field_len[1] = TSR_WIRE_MAX_FRAME / 2;
    CHECK(tsr_frame_encoded_len(&f) == 0);
    f.field_len[0] = TSR_WIRE_MAX_FRAME / 2 - 100;
    f.field_len[1] = TSR_WIRE_MAX_FRAME / 2 - 100;
    check_round_trip(&f, "two large fields");
    free(big);

    /* random frames */
    for (i = 0; i < 200; i++) {
        size_t k;
        frame_init(&f, (tsr_test_rand64() & 1) ? TSR_MSG_SHARING_SHARE : TSR_MSG_SHARING_COMMITMENT,
                   (uint32_t)(tsr_test_rand64() % (TSR_MAX_PARTIES + 1)));
        f.suite = (tsr_test_rand64() & 1) ? TSR_SUITE_SECP256K1_TR : TSR_SUITE_SECP256K1_SHA256;
        tsr_test_randbytes(f.session, 32);
        f.nfields = (size_t)(tsr_test_rand64() % 9);
        for (k = 0; k < f.nfields; k++) {
            tsr_test_randbytes(data[k], sizeof data[k]);
            f.field[k] = data[k];
            f.field_len[k] = (size_t)(tsr_test_rand64() % 41);
        }
        check_round_trip(&f, "random frame");
    }
}

/* Writes a valid header into buf (42 bytes) with the given count. */
static void header_bytes(uint8_t *buf, uint16_t nfields) {
    size_t i;
    buf[0] = TSR_WIRE_VERSION;
    buf[1] = TSR_SUITE_SECP256K1_SHA256;
    buf[2] = 0x01;
    buf[3] = 0x02;
    for (i = 0; i < 32; i++) {
        buf[4 + i] = (uint8_t)i;
    }
    buf[36] = 0;
    buf[37] = 0;
    buf[38] = 0;
    buf[39] = 5;
    buf[40] = (uint8_t)(nfields >> 8);
    buf[41] = (uint8_t)nfields;
}

static void put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void test_rejects(void) {
    uint8_t buf[256];
    uint8_t *huge;
    tsr_frame f;
    tsr_check why;
    size_t len;

    /* every reason, each with otherwise valid bytes */
    header_bytes(buf, 0);
    CHECK(tsr_frame_decode(&f, buf, TSR_WIRE_HEADER_BYTES, &why) == TSR_OK && why == TSR_CHECK_NONE);
    CHECK(tsr_frame_decode(&f, buf, TSR_WIRE_HEADER_BYTES, NULL) == TSR_OK); /* reason may be NULL */
    CHECK(f.sender == 5 && f.type == TSR_MSG_SHARING_SHARE && f.nfields == 0);

    expect_reject(buf, 0, TSR_CHECK_TRUNCATED, "empty");
    expect_reject(NULL, 0, TSR_CHECK_TRUNCATED, "NULL empty");
    expect_reject(buf, TSR_WIRE_HEADER_BYTES - 1, TSR_CHECK_TRUNCATED, "41 bytes");

    buf[0] = 0;
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_VERSION, "version 0");
    buf[0] = 2;
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_VERSION, "version 2");
    buf[0] = 0xff;
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_VERSION, "version ff");
    header_bytes(buf, 0);
    buf[1] = 0;
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_SUITE, "suite 0");
    buf[1] = 3;
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_SUITE, "suite 3");
    buf[1] = TSR_SUITE_SECP256K1_TR;
    CHECK(tsr_frame_decode(&f, buf, TSR_WIRE_HEADER_BYTES, &why) == TSR_OK && f.suite == TSR_SUITE_SECP256K1_TR);
    header_bytes(buf, 0);
    buf[3] = 0x03;
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_TYPE, "type 0x0103");
    buf[2] = 0x02;
    buf[3] = 0x06;
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_TYPE, "type 0x0206");
    buf[2] = 0;
    buf[3] = 0;
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_TYPE, "type 0");
    header_bytes(buf, 0);
    put32(buf + 36, TSR_MAX_PARTIES);
    CHECK(tsr_frame_decode(&f, buf, TSR_WIRE_HEADER_BYTES, &why) == TSR_OK && f.sender == TSR_MAX_PARTIES);
    put32(buf + 36, 0);
    CHECK(tsr_frame_decode(&f, buf, TSR_WIRE_HEADER_BYTES, &why) == TSR_OK && f.sender == 0);
    put32(buf + 36, TSR_MAX_PARTIES + 1);
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_SENDER, "sender max+1");
    put32(buf + 36, 0xffffffffu);
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_SENDER, "sender ffffffff");
    header_bytes(buf, TSR_WIRE_MAX_FIELDS + 1);
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_COUNT, "nfields max+1");
    header_bytes(buf, 0xffff);
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_COUNT, "nfields ffff");
    /* count at the limit is checked against the bytes, not refused */
    header_bytes(buf, TSR_WIRE_MAX_FIELDS);
    expect_reject(buf, TSR_WIRE_HEADER_BYTES, TSR_CHECK_TRUNCATED, "nfields max, no bytes");

    /* field lengths */
    header_bytes(buf, 1);
    put32(buf + 42, 3);
    memset(buf + 46, 0x77, 3);
    CHECK(tsr_frame_decode(&f, buf, 49, &why) == TSR_OK && f.nfields == 1 && f.field_len[0] == 3 &&
          f.field[0] == buf + 46);
    expect_reject(buf, 48, TSR_CHECK_TRUNCATED, "field cut");
    expect_reject(buf, 45, TSR_CHECK_TRUNCATED, "length prefix cut");
    expect_reject(buf, 42, TSR_CHECK_TRUNCATED, "length prefix missing");
    expect_reject(buf, 50, TSR_CHECK_TRAILING, "one trailing byte");
    put32(buf + 42, 0xffffffffu); /* would wrap a 32-bit pos + len */
    expect_reject(buf, 49, TSR_CHECK_TRUNCATED, "length ffffffff");
    put32(buf + 42, 0xfffffffcu);
    expect_reject(buf, 49, TSR_CHECK_TRUNCATED, "length fffffffc");
    put32(buf + 42, 4);
    expect_reject(buf, 49, TSR_CHECK_TRUNCATED, "length one past");
    put32(buf + 42, 2);
    expect_reject(buf, 49, TSR_CHECK_TRAILING, "length one short");
    /* two fields, the second length too large */
    header_bytes(buf, 2);
    put32(buf + 42, 0);
    put32(buf + 46, 1);
    buf[50] = 9;
    CHECK(tsr_frame_decode(&f, buf, 51, &why) == TSR_OK && f.nfields == 2 && f.field_len[0] == 0 &&
          f.field_len[1] == 1 && f.field[1][0] == 9);
    put32(buf + 46, 2);
    expect_reject(buf, 51, TSR_CHECK_TRUNCATED, "second field past the end");
    /* fewer fields than bytes */
    header_bytes(buf, 0);
    expect_reject(buf, 43, TSR_CHECK_TRAILING, "count 0 with a body");

    /* order: several faults at once report the first check in the documented order */
    header_bytes(buf, 0xffff);
    buf[0] = 9;
    buf[1] = 9;
    buf[2] = 9;
    put32(buf + 36, 0xffffffffu);
    expect_reject(buf, 41, TSR_CHECK_TRUNCATED, "all bad, short");
    expect_reject(buf, 42, TSR_CHECK_VERSION, "all bad -> version");
    buf[0] = TSR_WIRE_VERSION;
    expect_reject(buf, 42, TSR_CHECK_SUITE, "-> suite");
    buf[1] = TSR_SUITE_SECP256K1_SHA256;
    expect_reject(buf, 42, TSR_CHECK_TYPE, "-> type");
    buf[2] = 0x01;
    expect_reject(buf, 42, TSR_CHECK_SENDER, "-> sender");
    put32(buf + 36, 1);
    expect_reject(buf, 42, TSR_CHECK_COUNT, "-> count");
    buf[40] = 0;
    buf[41] = 1;
    expect_reject(buf, 42, TSR_CHECK_TRUNCATED, "-> truncated");
    put32(buf + 42, 0);
    expect_reject(buf, 47, TSR_CHECK_TRAILING, "-> trailing");
    CHECK(tsr_frame_decode(&f, buf, 46, &why) == TSR_OK);

    /* size cap: a frame one byte over TSR_WIRE_MAX_FRAME is refused before its header is read,
     * and one exactly at the cap decodes */
    len = (size_t)TSR_WIRE_MAX_FRAME + 1;
    huge = malloc(len);
    if (huge == NULL) {
        abort();
    }
    memset(huge, 0, len);
    expect_reject(huge, len, TSR_CHECK_SIZE, "max+1 bytes of zeros");
    header_bytes(huge, 1);
    put32(huge + 42, TSR_WIRE_MAX_FRAME - 46);
    expect_reject(huge, len, TSR_CHECK_SIZE, "max+1 otherwise valid");
    CHECK(tsr_frame_decode(&f, huge, len - 1, &why) == TSR_OK && f.field_len[0] == TSR_WIRE_MAX_FRAME - 46);
    put32(huge + 42, TSR_WIRE_MAX_FRAME - 45);
    expect_reject(huge, len, TSR_CHECK_SIZE, "max+1, lengths agree");
    free(huge);

    /* a failed decode clears a frame that held a previous result */
    header_bytes(buf, 1);
    put32(buf + 42, 0);
    CHECK(tsr_frame_decode(&f, buf, 46, &why) == TSR_OK && f.nfields == 1);
    CHECK(tsr_frame_decode(&f, buf, 47, &why) == TSR_ERR_ENCODING && f.nfields == 0 && why == TSR_CHECK_TRAILING);

    /* argument errors */
    CHECK(tsr_frame_decode(NULL, buf, 46, &why) == TSR_ERR_ARG);
    CHECK(tsr_frame_decode(&f, NULL, 46, &why) == TSR_ERR_ARG && f.nfields == 0);
}

/* Every prefix of a valid frame is refused as truncated; every extension as trailing. */
static void test_truncations(void) {
    static uint8_t data[5][20];
    tsr_frame f;
    uint8_t *buf, *ext;
    size_t len, cut, bad = 0, k;
    frame_init(&f, TSR_MSG_SHARING_SHARE, 3);
    f.nfields = 5;
    for (k = 0; k < 5; k++) {
        tsr_test_randbytes(data[k], sizeof data[k]);
        f.field[k] = data[k];
        f.field_len[k] = k == 2 ? 0 : 5 + 3 * k;
    }
    buf = encode_alloc(&f, &len);
    for (cut = 0; cut < len; cut++) {
        tsr_frame g;
        tsr_check why = TSR_CHECK_NONE;
        uint8_t *copy = malloc(cut == 0 ? 1 : cut); /* exact size, so ASan sees any overread */
        if (copy == NULL) {
            abort();
        }
        memcpy(copy, buf, cut);
        if (tsr_frame_decode(&g, copy, cut, &why) != TSR_ERR_ENCODING || why != TSR_CHECK_TRUNCATED || g.nfields != 0) {
            bad++;
            fprintf(stderr, "truncation at %zu not refused as truncated (reason %d)\n", cut, (int)why);
        }
        free(copy);
    }
    CHECK_MSG(bad == 0, "%zu of %zu truncation points accepted or misreported", bad, len);
    for (k = 1; k <= 3; k++) {
        tsr_frame g;
        tsr_check why = TSR_CHECK_NONE;
        ext = malloc(len + k);
        if (ext == NULL) {
            abort();
        }
        memcpy(ext, buf, len);
        memset(ext + len, 0, k);
        CHECK(tsr_frame_decode(&g, ext, len + k, &why) == TSR_ERR_ENCODING && why == TSR_CHECK_TRAILING);
        free(ext);
    }
    free(buf);
}

static void test_encoder_refusals(void) {
    static const uint8_t one[1] = {1};
    uint8_t out[512];
    size_t outlen, need;
    tsr_frame f;

    frame_init(&f, TSR_MSG_SHARING_COMMITMENT, 0);
    f.nfields = 1;
    f.field[0] = one;
    f.field_len[0] = 1;
    need = tsr_frame_encoded_len(&f);
    CHECK(need == TSR_WIRE_HEADER_BYTES + 5);
    outlen = 99;
    CHECK(tsr_frame_encode(out, need - 1, &outlen, &f) == TSR_ERR_ARG && outlen == 0);
    CHECK(tsr_frame_encode(out, need, &outlen, &f) == TSR_OK && outlen == need);
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_OK && outlen == need);
    outlen = 99;
    CHECK(tsr_frame_encode(NULL, 0, &outlen, &f) == TSR_ERR_ARG && outlen == 0);
    outlen = 99;
    CHECK(tsr_frame_encode(NULL, 5, &outlen, &f) == TSR_ERR_ARG && outlen == 0);
    CHECK(tsr_frame_encode(out, sizeof out, NULL, &f) == TSR_ERR_ARG);
    outlen = 99;
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, NULL) == TSR_ERR_ARG && outlen == 0);
    CHECK(tsr_frame_encoded_len(NULL) == 0);

    f.version = 0;
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_ERR_ARG && outlen == 0);
    f.version = 2;
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_ERR_ARG);
    f.version = TSR_WIRE_VERSION;
    f.suite = 0;
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_ERR_ARG);
    f.suite = 3;
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_ERR_ARG);
    f.suite = TSR_SUITE_SECP256K1_TR;
    f.type = 0x0103;
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_ERR_ARG);
    f.type = TSR_MSG_SHARING_SHARE;
    f.sender = TSR_MAX_PARTIES + 1;
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_ERR_ARG);
    f.sender = TSR_MAX_PARTIES;
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_OK);
    f.nfields = TSR_WIRE_MAX_FIELDS + 1;
    CHECK(tsr_frame_encoded_len(&f) == 0);
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_ERR_ARG);
    f.nfields = 1;
    f.field[0] = NULL; /* a length without bytes */
    CHECK(tsr_frame_encoded_len(&f) == 0);
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_ERR_ARG);
    f.field[0] = one;
    f.field_len[0] = (size_t)TSR_WIRE_MAX_FRAME + 1; /* refused before any byte is read */
    CHECK(tsr_frame_encoded_len(&f) == 0);
    CHECK(tsr_frame_encode(out, sizeof out, &outlen, &f) == TSR_ERR_ARG);
    f.field_len[0] = (size_t)-1;
    CHECK(tsr_frame_encoded_len(&f) == 0);
    f.field_len[0] = TSR_WIRE_MAX_FRAME - TSR_WIRE_HEADER_BYTES - 3; /* frame one byte over */
    CHECK(tsr_frame_encoded_len(&f) == 0);
    f.nfields = 3; /* SIZE_MAX lengths cannot wrap the sum */
    f.field_len[0] = 0;
    f.field_len[1] = (size_t)-1;
    f.field[1] = one;
    f.field_len[2] = 0;
    CHECK(tsr_frame_encoded_len(&f) == 0);
}

/* Random mutations of valid frames never crash; a decode either fails cleanly or yields a frame
 * that re-encodes to the very same bytes (no two encodings of one frame). */
static void test_mutations(void) {
    static uint8_t data[8][24];
    size_t iter, accepted = 0, rejected = 0, bad = 0;
    for (iter = 0; iter < 20000; iter++) {
        tsr_frame f, g;
        tsr_check why = TSR_CHECK_NONE;
        uint8_t *buf, *out;
        size_t len, k, nflip, outlen = 0;
        frame_init(&f, (tsr_test_rand64() & 1) ? TSR_MSG_SHARING_SHARE : TSR_MSG_SHARING_COMMITMENT,
                   (uint32_t)(tsr_test_rand64() % (TSR_MAX_PARTIES + 1)));
        f.nfields = (size_t)(tsr_test_rand64() % 5);
        for (k = 0; k < f.nfields; k++) {
            tsr_test_randbytes(data[k], sizeof data[k]);
            f.field[k] = data[k];
            f.field_len[k] = (size_t)(tsr_test_rand64() % 25);
        }
        buf = encode_raw(&f, &len);
        if (buf == NULL) {
            bad++;
            continue;
        }
        nflip = 1 + (size_t)(tsr_test_rand64() % 3);
        for (k = 0; k < nflip; k++) {
            size_t at = (size_t)(tsr_test_rand64() % len);
            uint8_t x = (uint8_t)tsr_test_rand64();
            buf[at] ^= (uint8_t)(x == 0 ? 1 : x);
        }
        if (tsr_frame_decode(&g, buf, len, &why) == TSR_OK) {
            accepted++;
            out = malloc(len);
            if (out == NULL) {
                abort();
            }
            if (why != TSR_CHECK_NONE || tsr_frame_encode(out, len, &outlen, &g) != TSR_OK || outlen != len ||
                memcmp(out, buf, len) != 0) {
                bad++;
            }
            free(out);
        } else {
            rejected++;
            if (why == TSR_CHECK_NONE || g.nfields != 0) {
                bad++;
            }
        }
        free(buf);
    }
    CHECK_MSG(bad == 0, "%zu mutated frames misbehaved", bad);
    CHECK(accepted > 0 && rejected > 0); /* both outcomes exercised */
}

int main(int argc, char **argv) {
    tsr_test_init("wire", argc, argv);
    test_known();
    test_known_bytes();
    test_round_trips();
    test_rejects();
    test_truncations();
    test_encoder_refusals();
    test_mutations();
    return tsr_test_done();
}
