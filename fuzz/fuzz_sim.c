/* Protocol harness where AFL++ is the adversary: the input chooses a small ceremony (DKG or dealer
 * keys, then one signature) and supplies the corrupt party's messages (whole payloads or single
 * fields, per round, to all or some recipients); the simulator's oracle must hold for every input
 * (spec/simulator.md §Fuzzing). */
#include <string.h>

#include "fuzz.h"
#include "sim.h"

/* What an input chunk can replace: a whole payload of one message type, or one field. */
static const char *const tsr_fuzz_sim_targets[] = {
    "dkg.round1.payload",        "dkg.round2.eq.payload",      "dkg.round2.share.payload",
    "dkg.round3.payload",        "dkg.round4.payload",         "frost.commit.payload",
    "frost.request.payload",     "frost.sigshare.payload",     "frost.signature.payload",
    "dkg.round1.commitment[0]",  "dkg.round1.pok_r",           "dkg.round1.pok_mu",
    "dkg.round2.share.share",    "dkg.round2.share.sig",       "dkg.round3.cert_sig",
    "frost.commit.hiding",       "frost.commit.binding",       "frost.sigshare.z",
    "frost.request.list",        "frame.sender",               "frame.session",
};
#define TSR_FUZZ_SIM_NTARGETS (sizeof tsr_fuzz_sim_targets / sizeof tsr_fuzz_sim_targets[0])

/* Input layout (all bytes public test data):
 *   byte 0: bit 0 keys (0 DKG, 1 dealer), bit 1 suite (0 TR, 1 plain), bit 2 corrupt
 *           coordinator as well, bits 3-4 n - 3 (n = 3..5, capped at 5)
 *   byte 1: t - 2 (mod n - 1), byte 2: the corrupt party - 1 (mod n)
 *   then up to TSR_SIM_MAX_BEHAVIOURS chunks: u8 target || u8 recipients mask (bit i: party i;
 *   0 = everyone) || u8 run (0xff: every run) || u16be len || len bytes. */
int tsr_fuzz_one(const uint8_t *data, size_t len) {
    static tsr_sim_config cfg;
    tsr_sim_corrupt *c;
    tsr_sim *s;
    const tsr_sim_result *r;
    char err[256];
    size_t pos = 3, p;

    if (len < 3) {
        return 0;
    }
    tsr_sim_config_default(&cfg);
    cfg.seed = 1;
    cfg.keys = (data[0] & 1) != 0 ? TSR_SIM_KEYS_DEALER : TSR_SIM_KEYS_DKG;
    cfg.suite = (data[0] & 2) != 0 ? TSR_SUITE_SECP256K1_SHA256 : TSR_SUITE_SECP256K1_TR;
    cfg.n = 3 + (size_t)((data[0] >> 3) & 3);
    if (cfg.n > 5) {
        cfg.n = 5;
    }
    cfg.t = 2 + (size_t)data[1] % (cfg.n - 1);
    cfg.nsign = 1;
    cfg.no_timing = 1;
    cfg.ncorrupt = 1;
    c = &cfg.corrupt[0];
    c->party = 1 + (uint32_t)(data[2] % cfg.n);
    if ((data[0] & 4) != 0) {
        cfg.ncorrupt = 2;
        cfg.corrupt[1].party = TSR_SIM_COORD;
    }
    while (pos + 5 <= len && c->nbehaviours < TSR_SIM_MAX_BEHAVIOURS) {
        tsr_sim_behaviour *b = &c->b[c->nbehaviours];
        const char *target = tsr_fuzz_sim_targets[data[pos] % TSR_FUZZ_SIM_NTARGETS];
        uint8_t mask = data[pos + 1];
        size_t blen = ((size_t)data[pos + 3] << 8) | data[pos + 4];
        pos += 5;
        if (blen > len - pos) {
            blen = len - pos;
        }
        if (blen > TSR_SIM_MAX_HEX) {
            blen = TSR_SIM_MAX_HEX;
        }
        memset(b, 0, sizeof *b);
        b->strategy = TSR_SIM_S_NONE;
        memcpy(b->target, target, strlen(target) + 1);
        memcpy(b->proto, strncmp(target, "dkg.", 4) == 0 ? "dkg" : "sign", 4);
        if (strncmp(target, "frame.", 6) == 0) {
            memcpy(b->proto, cfg.keys == TSR_SIM_KEYS_DKG ? "dkg" : "sign", 4);
        }
        b->mutator = TSR_SIM_M_SET;
        b->run = data[pos - 3] == 0xff ? -1 : (int)(data[pos - 3] % 4);
        memcpy(b->hex, data + pos, blen);
        b->hexlen = blen;
        for (p = 0; p <= cfg.n && p < 8; p++) {
            if ((mask >> p) & 1) {
                b->to[b->nto++] = (uint32_t)p;
            }
        }
        pos += blen;
        c->nbehaviours++;
    }

    s = tsr_sim_create(&cfg, err, sizeof err);
    TSR_FUZZ_ASSERT(s != NULL);
    TSR_FUZZ_ASSERT(tsr_sim_run(s, err, sizeof err) == 0);
    r = tsr_sim_result_get(s);
    /* The oracle must hold whatever the adversary sent. */
    for (p = 0; p < TSR_SIM_P__COUNT; p++) {
        if (r->oracle[p].checked && !r->oracle[p].ok) {
            fprintf(stderr, "oracle %s failed: %s\n", tsr_sim_property_name((int)p), r->oracle[p].detail);
        }
        TSR_FUZZ_ASSERT(!r->oracle[p].checked || r->oracle[p].ok);
    }
    /* An honest verdict is never about an honest party, and every output signature verified. */
    for (p = 0; p < r->nsigs; p++) {
        TSR_FUZZ_ASSERT(r->sig_verified[p]);
    }
    tsr_sim_destroy(s);
    return 0;
}
