/* Error and check names, blame records, tsr_memzero and the context (owns the libsecp256k1 context). */
#include <stdlib.h>
#include <string.h>

#include <secp256k1.h>

#include "tessera/common.h"
#include "internal.h"

/*@ assigns \nothing; */
const char *tsr_strerror(int err) {
    switch (err) {
    case TSR_OK: return "ok";
    case TSR_ERR_ARG: return "bad argument";
    case TSR_ERR_ENCODING: return "non-canonical or malformed encoding";
    case TSR_ERR_RANGE: return "value out of range";
    case TSR_ERR_STATE: return "call out of phase or secret already consumed";
    case TSR_ERR_VERIFY: return "verification failed";
    case TSR_ERR_POLICY: return "refused by policy";
    case TSR_ERR_INTERNAL: return "internal error";
    default: return "unknown error";
    }
}

static const char *const tsr_check_names[TSR_CHECK__COUNT] = {
    "none",
    "wrong length",
    "input truncated inside a field",
    "trailing bytes after the last field",
    "unknown wire version",
    "unknown suite",
    "unknown message type",
    "count exceeds its limit",
    "length exceeds its cap",
    "scalar is not below the group order n",
    "scalar is zero where non-zero is required",
    "point prefix is not 02 or 03",
    "point x coordinate is not below p",
    "point is not on the curve",
    "point is the identity where it is forbidden",
    "identifier is zero",
    "identifiers are not pairwise distinct",
    "identifier is not in the roster",
    "threshold is not in 1..n",
    "commitment count differs from the threshold",
    "share fails Feldman verification",
    "share fails Pedersen verification",
    "message belongs to another session",
    "sender id is out of range or unexpected",
    "proof of knowledge fails",
    "parties saw different round-1 broadcasts (equivocation)",
    "accusation refuted by the opened share",
    "expected message or entry is missing",
    "signature share fails verification",
    "final signature does not verify",
    "identifiers are not strictly ascending",
    "own commitment absent or altered",
    "number of signers not in t..n",
    "success certificate does not verify",
    "tweak is out of range or yields the identity",
    "contribution duplicates another party's",
    "signing request differs from the approved one",
};

/*@ assigns \nothing; */
const char *tsr_check_name(int check) {
    if (check < 0 || check >= TSR_CHECK__COUNT) {
        return "unknown check";
    }
    return tsr_check_names[check];
}

/*@ assigns \nothing; */
const char *tsr_phase_name(int phase) {
    static const char *const names[TSR_PHASE__COUNT] = {
        "none", "sharing", "keygen", "sign", "aggregate", "aux", "presign", "refresh",
    };
    if (phase < 0 || phase >= TSR_PHASE__COUNT) {
        return "unknown phase";
    }
    return names[phase];
}

/*@ requires valid_blame: blame == \null || \valid(blame);
  @ assigns *blame;
  @ ensures set: blame != \null ==> blame->culprit == culprit && blame->round == round;
  @*/
void tsr_blame_set(tsr_blame *blame, uint32_t culprit, tsr_phase phase, uint16_t round, tsr_check check) {
    if (blame == NULL) {
        return;
    }
    blame->culprit = culprit;
    blame->phase = (uint16_t)phase;
    blame->round = round;
    blame->check = (uint16_t)check;
}

void tsr_memzero(void *p, size_t n) {
    if (n == 0) {
        return;
    }
    memset(p, 0, n);
#if defined(__GNUC__) && !defined(__FRAMAC__)
    /* The barrier makes the compiler assume p's memory is read, so the memset stays. */
    __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}

/*@ requires valid_seed: seed32 == \null || \valid_read(seed32 + (0 .. 31)); */
tsr_context *tsr_context_create(const uint8_t *seed32) {
    tsr_context *ctx = malloc(sizeof *ctx);
    if (ctx == NULL) {
        return NULL;
    }
    ctx->secp = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    if (ctx->secp == NULL) {
        free(ctx);
        return NULL;
    }
    if (seed32 != NULL && !secp256k1_context_randomize(ctx->secp, seed32)) {
        secp256k1_context_destroy(ctx->secp);
        free(ctx);
        return NULL;
    }
    return ctx;
}

/*@ requires valid_ctx: ctx == \null || \valid(ctx); */
void tsr_context_destroy(tsr_context *ctx) {
    if (ctx == NULL) {
        return;
    }
    secp256k1_context_destroy(ctx->secp);
    free(ctx);
}
