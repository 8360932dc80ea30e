/* Scenario files (spec/simulator.md §Scenario files) to tsr_sim_config: every key checked, every
 * error "FILE: KEY.PATH: reason". */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tessera/wire.h"
#include "sim_scenario.h"

/* ---- errors and typed access ----------------------------------------------------------------- */

/* Where errors go. */
typedef struct {
    char *err;
    size_t cap;
} tsr_scn_err;

static int tsr_scn_fail(const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* "FILE: PATH.KEY: reason"; returns -1. */
static int tsr_scn_fail(const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const char *fmt, ...) {
    char k[256];
    char why[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (e->cap > 0) {
        snprintf(e->err, e->cap, "%s: %s: %s", s->file, tsr_cli_src_key(k, s, key), why);
    }
    return -1;
}

/* Rejects keys of obj not in allowed (NULL-terminated), naming the first one (sorted order for a
 * deterministic message). */
static int tsr_scn_only_keys(const tsr_scn_err *e, const tsr_cli_src *s, const json_t *obj,
                             const char *const *allowed) {
    const char *key, *bad = NULL;
    json_t *val;
    json_object_foreach((json_t *)(uintptr_t)obj, key, val) {
        const char *const *a;
        int found = 0;
        (void)val;
        for (a = allowed; *a != NULL; a++) {
            if (strcmp(*a, key) == 0) {
                found = 1;
                break;
            }
        }
        if (!found && (bad == NULL || strcmp(key, bad) < 0)) {
            bad = key;
        }
    }
    if (bad != NULL) {
        char list[512];
        const char *const *a;
        list[0] = 0;
        for (a = allowed; *a != NULL; a++) {
            size_t l = strlen(list);
            snprintf(list + l, sizeof list - l, "%s%s", l ? ", " : "", *a);
        }
        return tsr_scn_fail(e, s, bad, "unknown key (allowed here: %s)", list);
    }
    return 0;
}

static int tsr_scn_object(const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const json_t *v) {
    if (!json_is_object(v)) {
        return tsr_scn_fail(e, s, key, "must be an object, got %s", tsr_cli_type_name(v));
    }
    return 0;
}

static int tsr_scn_array(const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const json_t *v, size_t min,
                         size_t max) {
    size_t n;
    if (!json_is_array(v)) {
        return tsr_scn_fail(e, s, key, "must be an array, got %s", tsr_cli_type_name(v));
    }
    n = json_array_size(v);
    if (n < min || n > max) {
        return tsr_scn_fail(e, s, key, "has %lu entries, expected %lu..%lu", (unsigned long)n, (unsigned long)min,
                            (unsigned long)max);
    }
    return 0;
}

/* An integer in [min, max]. */
static int tsr_scn_int(long long *out, const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const json_t *v,
                       long long min, long long max) {
    long long x;
    if (!json_is_integer(v)) {
        return tsr_scn_fail(e, s, key, "must be an integer, got %s", tsr_cli_type_name(v));
    }
    x = (long long)json_integer_value(v);
    if (x < min || x > max) {
        return tsr_scn_fail(e, s, key, "%lld is out of range (%lld..%lld)", x, min, max);
    }
    *out = x;
    return 0;
}

static int tsr_scn_size(size_t *out, const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const json_t *v,
                        size_t min, size_t max) {
    long long x = 0;
    if (tsr_scn_int(&x, e, s, key, v, (long long)min, (long long)max) != 0) {
        return -1;
    }
    *out = (size_t)x;
    return 0;
}

/* A probability in [0, 1] (an integer 0 or 1 is accepted). */
static int tsr_scn_rate(double *out, const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const json_t *v) {
    double x;
    if (!json_is_number(v)) {
        return tsr_scn_fail(e, s, key, "must be a number in 0..1, got %s", tsr_cli_type_name(v));
    }
    x = json_number_value(v);
    if (!(x >= 0.0 && x <= 1.0)) {
        return tsr_scn_fail(e, s, key, "must be a probability in 0..1, got %g", x);
    }
    *out = x;
    return 0;
}

static int tsr_scn_bool(int *out, const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const json_t *v) {
    if (!json_is_boolean(v)) {
        return tsr_scn_fail(e, s, key, "must be true or false, got %s", tsr_cli_type_name(v));
    }
    *out = json_is_true(v) ? 1 : 0;
    return 0;
}

/* A string of at most cap - 1 bytes without NUL, copied into out. */
static int tsr_scn_string(char *out, size_t cap, const tsr_scn_err *e, const tsr_cli_src *s, const char *key,
                          const json_t *v) {
    size_t len;
    if (!json_is_string(v)) {
        return tsr_scn_fail(e, s, key, "must be a string, got %s", tsr_cli_type_name(v));
    }
    len = json_string_length(v);
    if (len >= cap) {
        return tsr_scn_fail(e, s, key, "too long (%lu bytes, at most %lu)", (unsigned long)len,
                            (unsigned long)(cap - 1));
    }
    if (memchr(json_string_value(v), 0, len) != NULL) {
        return tsr_scn_fail(e, s, key, "contains a NUL character");
    }
    memcpy(out, json_string_value(v), len);
    out[len] = 0;
    return 0;
}

static int tsr_scn_hexval(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Hex of at most cap bytes (scenario values are public: a plain decoder). */
static int tsr_scn_hex(uint8_t *out, size_t cap, size_t *len, const tsr_scn_err *e, const tsr_cli_src *s,
                       const char *key, const json_t *v) {
    const char *h;
    size_t n, i;
    if (!json_is_string(v)) {
        return tsr_scn_fail(e, s, key, "must be a hex string, got %s", tsr_cli_type_name(v));
    }
    h = json_string_value(v);
    n = json_string_length(v);
    if (n % 2 != 0) {
        return tsr_scn_fail(e, s, key, "hex string has an odd number of digits (%lu)", (unsigned long)n);
    }
    if (n / 2 > cap) {
        return tsr_scn_fail(e, s, key, "too long (%lu bytes, at most %lu)", (unsigned long)(n / 2),
                            (unsigned long)cap);
    }
    for (i = 0; i < n; i += 2) {
        int hi = tsr_scn_hexval((unsigned char)h[i]), lo = tsr_scn_hexval((unsigned char)h[i + 1]);
        if (hi < 0 || lo < 0) {
            return tsr_scn_fail(e, s, key, "not hex (bad character at position %lu)",
                                (unsigned long)(hi < 0 ? i : i + 1));
        }
        out[i / 2] = (uint8_t)(hi * 16 + lo);
    }
    *len = n / 2;
    return 0;
}

/* A sim party in [min, n]. */
static int tsr_scn_party(uint32_t *out, const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const json_t *v,
                         uint32_t min, size_t n) {
    long long x;
    if (!json_is_integer(v)) {
        return tsr_scn_fail(e, s, key, "must be a party number, got %s", tsr_cli_type_name(v));
    }
    x = (long long)json_integer_value(v);
    if (x < (long long)min || x > (long long)n) {
        return tsr_scn_fail(e, s, key, "party %lld does not exist (parties are %u..%lu%s)", x, min, (unsigned long)n,
                            min == 0 ? ", 0 is the coordinator" : "");
    }
    *out = (uint32_t)x;
    return 0;
}

/* A list of distinct sim parties in [min, n], at most cap entries (at least minlen). */
static int tsr_scn_party_list(uint32_t *out, size_t *count, size_t cap, size_t minlen, const tsr_scn_err *e,
                              const tsr_cli_src *s, const char *key, const json_t *v, uint32_t min, size_t n) {
    tsr_cli_src arr;
    size_t i, j;
    if (tsr_scn_array(e, s, key, v, minlen, cap) != 0) {
        return -1;
    }
    tsr_cli_src_child(&arr, s, key, 0);
    for (i = 0; i < json_array_size(v); i++) {
        tsr_cli_src el;
        tsr_cli_src_child(&el, &arr, NULL, i);
        if (tsr_scn_party(&out[i], e, &el, NULL, json_array_get(v, i), min, n) != 0) {
            return -1;
        }
        for (j = 0; j < i; j++) {
            if (out[j] == out[i]) {
                return tsr_scn_fail(e, &el, NULL, "party %u is listed twice", out[i]);
            }
        }
    }
    *count = json_array_size(v);
    return 0;
}

/* ---- strategies ------------------------------------------------------------------------------ */

const char *tsr_sim_strategy_proto(int strategy) {
    switch (strategy) {
    case TSR_SIM_S_EQUIVOCATE:
    case TSR_SIM_S_ROGUE_KEY:
    case TSR_SIM_S_THRESHOLD_RAISE:
    case TSR_SIM_S_BAD_SHARE:
    case TSR_SIM_S_FALSE_COMPLAINT:
    case TSR_SIM_S_FALSE_NO_SHARE:
    case TSR_SIM_S_TRANSPLANT:
    case TSR_SIM_S_REPLAY:
    case TSR_SIM_S_BIAS: return "dkg";
    case TSR_SIM_S_NONCE_REUSE:
    case TSR_SIM_S_INVALID_SHARE:
    case TSR_SIM_S_COORD_LIST:
    case TSR_SIM_S_COORD_SPLIT_LIST:
    case TSR_SIM_S_COORD_MESSAGE:
    case TSR_SIM_S_COORD_REPLAY:
    case TSR_SIM_S_NONCE_EXTRACT: return "sign";
    default: return NULL;
    }
}

int tsr_sim_strategy_coord(int strategy) {
    return strategy == TSR_SIM_S_COORD_LIST || strategy == TSR_SIM_S_COORD_SPLIT_LIST ||
           strategy == TSR_SIM_S_COORD_MESSAGE || strategy == TSR_SIM_S_COORD_REPLAY ||
           strategy == TSR_SIM_S_NONCE_EXTRACT;
}

int tsr_sim_strategy_dos(int strategy) {
    switch (strategy) {
    case TSR_SIM_S_ROGUE_KEY:     /* aims at the key */
    case TSR_SIM_S_TRANSPLANT:
    case TSR_SIM_S_BIAS:
    case TSR_SIM_S_NONCE_REUSE:   /* its own loss */
    case TSR_SIM_S_COORD_REPLAY:  /* aims at a share */
    case TSR_SIM_S_NONCE_EXTRACT: return 0;
    default: return 1;            /* generic mutations too: a malformed message can only stop the run */
    }
}

/* Sim parties that send each wire type: 0 = only the coordinator, 1 = only key holders. */
static int tsr_scn_type_coord(uint16_t type) {
    return type == TSR_MSG_FROST_REQUEST || type == TSR_MSG_FROST_SIGNATURE;
}

static const char *tsr_scn_type_proto(uint16_t type) {
    return (type >> 8) == 0x02 ? "dkg" : "sign";
}

/* Checks that a behaviour acting in protocol `proto` can act in this scenario. */
static int tsr_scn_proto_ok(const tsr_scn_err *e, const tsr_cli_src *s, const char *key, const tsr_sim_config *cfg,
                            const char *proto, uint32_t party) {
    if (strcmp(proto, "dkg") == 0) {
        if (cfg->keys != TSR_SIM_KEYS_DKG) {
            return tsr_scn_fail(e, s, key, "acts in the DKG but \"keys\" is \"dealer\"");
        }
        if (party == TSR_SIM_COORD) {
            return tsr_scn_fail(e, s, key, "party 0 (the coordinator) takes no part in the DKG");
        }
    } else if (cfg->nsign == 0) {
        return tsr_scn_fail(e, s, key, "acts in signing but \"sign\" is 0");
    }
    return 0;
}

/* Reads the optional "protocol" key: "dkg" or "sign" into out ("" when absent). */
static int tsr_scn_proto_key(char out[16], const tsr_scn_err *e, const tsr_cli_src *s, const json_t *obj) {
    json_t *v = json_object_get(obj, "protocol");
    out[0] = 0;
    if (v == NULL) {
        return 0;
    }
    if (!json_is_string(v) || (strcmp(json_string_value(v), "dkg") != 0 && strcmp(json_string_value(v), "sign") != 0)) {
        return tsr_scn_fail(e, s, "protocol", "must be \"dkg\" or \"sign\"");
    }
    strcpy(out, json_string_value(v));
    return 0;
}

static const char *const tsr_scn_strategy_keys[] = {"strategy", "protocol", "run", "to", "round", "from", "value",
                                                    NULL};
static const char *const tsr_scn_mutation_keys[] = {"mutate", "mutator", "protocol", "run", "to", "k", "party", "hex",
                                                    NULL};

static int tsr_scn_behaviour(tsr_sim_behaviour *b, const tsr_scn_err *e, const tsr_sim_config *cfg, uint32_t party,
                             const json_t *obj, const tsr_cli_src *s) {
    json_t *v;
    char given[16];
    memset(b, 0, sizeof *b);
    b->run = -1;
    if (tsr_scn_object(e, s, NULL, obj) != 0) {
        return -1;
    }
    if (json_object_get(obj, "strategy") != NULL && json_object_get(obj, "mutate") != NULL) {
        return tsr_scn_fail(e, s, NULL, "has both \"strategy\" and \"mutate\" (one behaviour is one of them)");
    }
    if (json_object_get(obj, "strategy") == NULL && json_object_get(obj, "mutate") == NULL) {
        return tsr_scn_fail(e, s, NULL, "needs \"strategy\" (see `tessera sim strategies`) or \"mutate\" "
                                        "(see `tessera sim fields`)");
    }
    if (tsr_scn_proto_key(given, e, s, obj) != 0) {
        return -1;
    }
    if ((v = json_object_get(obj, "strategy")) != NULL) {
        const char *proto;
        if (tsr_scn_only_keys(e, s, obj, tsr_scn_strategy_keys) != 0) {
            return -1;
        }
        if (!json_is_string(v)) {
            return tsr_scn_fail(e, s, "strategy", "must be a strategy name, got %s", tsr_cli_type_name(v));
        }
        b->strategy = tsr_sim_strategy_parse(json_string_value(v));
        if (b->strategy <= TSR_SIM_S_NONE || b->strategy >= TSR_SIM_S__COUNT) {
            return tsr_scn_fail(e, s, "strategy", "unknown strategy '%.40s' (try `tessera sim strategies`)",
                                json_string_value(v));
        }
        b->mutator = TSR_SIM_M_NONE;
        proto = tsr_sim_strategy_proto(b->strategy);
        if (proto == NULL) { /* crash, withhold: either protocol */
            proto = given[0] ? given : (cfg->keys == TSR_SIM_KEYS_DKG ? "dkg" : "sign");
        } else if (given[0] && strcmp(given, proto) != 0) {
            return tsr_scn_fail(e, s, "protocol", "strategy %s acts in \"%s\", not \"%s\"",
                                tsr_sim_strategy_name(b->strategy), proto, given);
        }
        strcpy(b->proto, proto);
        if (tsr_scn_proto_ok(e, s, "strategy", cfg, b->proto, party) != 0) {
            return -1;
        }
        if (tsr_sim_strategy_coord(b->strategy) && b->strategy != TSR_SIM_S_NONCE_EXTRACT &&
            party != TSR_SIM_COORD) {
            return tsr_scn_fail(e, s, "strategy", "%s is played by the coordinator (party 0), not party %u",
                                tsr_sim_strategy_name(b->strategy), party);
        }
        if ((b->strategy == TSR_SIM_S_NONCE_REUSE || b->strategy == TSR_SIM_S_INVALID_SHARE) &&
            party == TSR_SIM_COORD) {
            return tsr_scn_fail(e, s, "strategy", "%s is played by a signer (parties 1..n), not the coordinator",
                                tsr_sim_strategy_name(b->strategy));
        }
        if ((v = json_object_get(obj, "round")) != NULL) {
            long long r = 0;
            if (b->strategy != TSR_SIM_S_CRASH && b->strategy != TSR_SIM_S_WITHHOLD) {
                return tsr_scn_fail(e, s, "round", "only crash and withhold take a round");
            }
            if (tsr_scn_int(&r, e, s, "round", v, 1, strcmp(b->proto, "dkg") == 0 ? 5 : 4) != 0) {
                return -1;
            }
            b->round = (uint16_t)r;
        }
        if ((v = json_object_get(obj, "from")) != NULL) {
            if (b->strategy != TSR_SIM_S_TRANSPLANT) {
                return tsr_scn_fail(e, s, "from", "only transplant takes \"from\"");
            }
            if (tsr_scn_party(&b->party, e, s, "from", v, 1, cfg->n) != 0) {
                return -1;
            }
            if (b->party == party) {
                return tsr_scn_fail(e, s, "from", "must be another party than the transplanter %u", party);
            }
        } else if (b->strategy == TSR_SIM_S_TRANSPLANT) {
            b->party = party == 1 ? 2 : 1; /* the lowest other party */
        }
        if ((v = json_object_get(obj, "value")) != NULL) {
            long long x = 0;
            if (b->strategy == TSR_SIM_S_INVALID_SHARE) {
                if (tsr_scn_int(&x, e, s, "value", v, 1, 0xffffffffLL) != 0) {
                    return -1;
                }
            } else if (b->strategy == TSR_SIM_S_THRESHOLD_RAISE) {
                if (tsr_scn_int(&x, e, s, "value", v, 1, (long long)(TSR_MAX_PARTIES - cfg->t)) != 0) {
                    return -1;
                }
            } else if (b->strategy == TSR_SIM_S_REPLAY) {
                /* 0: the old frame as it was (SESSION); 1: the old payload re-framed (POK) */
                if (tsr_scn_int(&x, e, s, "value", v, 0, 1) != 0) {
                    return -1;
                }
            } else {
                return tsr_scn_fail(e, s, "value", "only invalid_share, threshold_raise and replay take a value");
            }
            b->value = (uint32_t)x;
        } else if (b->strategy == TSR_SIM_S_INVALID_SHARE || b->strategy == TSR_SIM_S_THRESHOLD_RAISE) {
            b->value = 1;
        }
    } else {
        uint16_t type = 0;
        char field[64];
        char ferr[160];
        v = json_object_get(obj, "mutate");
        if (tsr_scn_only_keys(e, s, obj, tsr_scn_mutation_keys) != 0) {
            return -1;
        }
        b->strategy = TSR_SIM_S_NONE;
        if (tsr_scn_string(b->target, sizeof b->target, e, s, "mutate", v) != 0) {
            return -1;
        }
        ferr[0] = 0;
        if (tsr_sim_target_parse(&type, field, sizeof field, b->target, ferr, sizeof ferr) != 0) {
            return tsr_scn_fail(e, s, "mutate", "%s (try `tessera sim fields`)",
                                ferr[0] ? ferr : "unknown message or field");
        }
        if (type == 0) { /* frame.*: any message, of the protocol given or the first step's */
            strcpy(b->proto, given[0] ? given : (cfg->keys == TSR_SIM_KEYS_DKG ? "dkg" : "sign"));
        } else {
            strcpy(b->proto, tsr_scn_type_proto(type));
            if (given[0] && strcmp(given, b->proto) != 0) {
                return tsr_scn_fail(e, s, "protocol", "%.60s is a \"%s\" message, not \"%s\"", b->target, b->proto,
                                    given);
            }
            if (tsr_scn_type_coord(type) && party != TSR_SIM_COORD) {
                return tsr_scn_fail(e, s, "mutate", "only the coordinator (party 0) sends %s, not party %u",
                                    tsr_sim_msg_name(type), party);
            }
            if (!tsr_scn_type_coord(type) && party == TSR_SIM_COORD) {
                return tsr_scn_fail(e, s, "mutate", "the coordinator (party 0) never sends %s",
                                    tsr_sim_msg_name(type));
            }
        }
        if (tsr_scn_proto_ok(e, s, "mutate", cfg, b->proto, party) != 0) {
            return -1;
        }
        if ((v = json_object_get(obj, "mutator")) == NULL) {
            return tsr_scn_fail(e, s, "mutator", "missing (one of flip_bits zero identity off_curve scalar_plus_n "
                                                 "non_canonical dup_id id_eq_n resize strip swap_with set)");
        }
        if (!json_is_string(v)) {
            return tsr_scn_fail(e, s, "mutator", "must be a mutator name, got %s", tsr_cli_type_name(v));
        }
        b->mutator = tsr_sim_mutator_parse(json_string_value(v));
        if (b->mutator <= TSR_SIM_M_NONE || b->mutator >= TSR_SIM_M__COUNT) {
            return tsr_scn_fail(e, s, "mutator", "unknown mutator '%.40s' (try `tessera sim fields`)",
                                json_string_value(v));
        }
        /* k: FLIP_BITS count, RESIZE delta, OFF_CURVE variant */
        if ((v = json_object_get(obj, "k")) != NULL) {
            long long k = 0;
            if (b->mutator == TSR_SIM_M_FLIP_BITS) {
                if (tsr_scn_int(&k, e, s, "k", v, 1, 8 * TSR_SIM_MAX_HEX) != 0) {
                    return -1;
                }
            } else if (b->mutator == TSR_SIM_M_RESIZE) {
                if (tsr_scn_int(&k, e, s, "k", v, -TSR_SIM_MAX_HEX, TSR_SIM_MAX_HEX) != 0) {
                    return -1;
                }
            } else if (b->mutator == TSR_SIM_M_OFF_CURVE) {
                if (tsr_scn_int(&k, e, s, "k", v, 0, 1) != 0) {
                    return -1;
                }
            } else {
                return tsr_scn_fail(e, s, "k", "only flip_bits, resize and off_curve take k");
            }
            b->k = (long)k;
        } else if (b->mutator == TSR_SIM_M_FLIP_BITS) {
            b->k = 1;
        } else if (b->mutator == TSR_SIM_M_RESIZE) {
            return tsr_scn_fail(e, s, "k", "resize needs k (+k or -k entries or bytes; 0 empties the field)");
        }
        if ((v = json_object_get(obj, "party")) != NULL) {
            if (b->mutator != TSR_SIM_M_SWAP_WITH) {
                return tsr_scn_fail(e, s, "party", "only swap_with takes a party");
            }
            if (tsr_scn_party(&b->party, e, s, "party", v, strcmp(b->proto, "dkg") == 0 ? 1u : 0u, cfg->n) != 0) {
                return -1;
            }
            if (b->party == party) {
                return tsr_scn_fail(e, s, "party", "must be another party than the mutating party %u", party);
            }
        } else if (b->mutator == TSR_SIM_M_SWAP_WITH) {
            return tsr_scn_fail(e, s, "party", "swap_with needs the party whose field it copies");
        }
        if ((v = json_object_get(obj, "hex")) != NULL) {
            if (b->mutator != TSR_SIM_M_SET) {
                return tsr_scn_fail(e, s, "hex", "only set takes hex");
            }
            if (tsr_scn_hex(b->hex, sizeof b->hex, &b->hexlen, e, s, "hex", v) != 0) {
                return -1;
            }
        } else if (b->mutator == TSR_SIM_M_SET) {
            return tsr_scn_fail(e, s, "hex", "set needs the bytes as hex");
        }
    }
    /* common keys */
    if ((v = json_object_get(obj, "run")) != NULL) {
        long long r = 0;
        if (tsr_scn_int(&r, e, s, "run", v, 0, 255) != 0) {
            return -1;
        }
        b->run = (int)r;
    }
    if ((v = json_object_get(obj, "to")) != NULL) {
        int dkg = strcmp(b->proto, "dkg") == 0;
        size_t i;
        if (tsr_scn_party_list(b->to, &b->nto, TSR_MAX_PARTIES, 1, e, s, "to", v, dkg ? 1u : 0u, cfg->n) != 0) {
            return -1;
        }
        for (i = 0; i < b->nto; i++) {
            if (b->to[i] == party) {
                tsr_cli_src arr, el;
                tsr_cli_src_child(&arr, s, "to", 0);
                tsr_cli_src_child(&el, &arr, NULL, i);
                return tsr_scn_fail(e, &el, NULL, "party %u cannot target itself", party);
            }
        }
    }
    return 0;
}

int tsr_sim_behaviour_parse(tsr_sim_behaviour *b, const tsr_sim_config *cfg, uint32_t party, const json_t *obj,
                            const tsr_cli_src *src, char *err, size_t errcap) {
    tsr_scn_err e;
    e.err = err;
    e.cap = errcap;
    return tsr_scn_behaviour(b, &e, cfg, party, obj, src);
}

/* ---- corrupt parties, faults, expectations --------------------------------------------------- */

static int tsr_scn_corrupt(tsr_sim_config *cfg, const tsr_scn_err *e, const tsr_cli_src *s, const json_t *v) {
    static const char *const keys[] = {"party", "behaviours", NULL};
    tsr_cli_src arr;
    size_t i, j;
    if (tsr_scn_array(e, s, "corrupt", v, 0, cfg->n + 1) != 0) {
        return -1;
    }
    tsr_cli_src_child(&arr, s, "corrupt", 0);
    cfg->ncorrupt = 0;
    for (i = 0; i < json_array_size(v); i++) {
        const json_t *c = json_array_get(v, i);
        tsr_sim_corrupt *cp = &cfg->corrupt[i];
        tsr_cli_src el, bl;
        json_t *bv, *pv;
        if (i >= TSR_SIM_NPARTIES) {
            return tsr_scn_fail(e, &arr, NULL, "too many corrupt parties");
        }
        tsr_cli_src_child(&el, &arr, NULL, i);
        if (tsr_scn_object(e, &el, NULL, c) != 0 || tsr_scn_only_keys(e, &el, c, keys) != 0) {
            return -1;
        }
        memset(cp, 0, sizeof *cp);
        if ((pv = json_object_get(c, "party")) == NULL) {
            return tsr_scn_fail(e, &el, "party", "missing (the corrupt sim party: 1..n, or 0 for the coordinator)");
        }
        if (tsr_scn_party(&cp->party, e, &el, "party", pv, 0, cfg->n) != 0) {
            return -1;
        }
        for (j = 0; j < i; j++) {
            if (cfg->corrupt[j].party == cp->party) {
                return tsr_scn_fail(e, &el, "party", "party %u is listed twice (give it several behaviours)",
                                    cp->party);
            }
        }
        if ((bv = json_object_get(c, "behaviours")) == NULL) {
            return tsr_scn_fail(e, &el, "behaviours", "missing (a list of strategies or mutations; [] for a "
                                                      "passive corrupt party)");
        }
        if (tsr_scn_array(e, &el, "behaviours", bv, 0, TSR_SIM_MAX_BEHAVIOURS) != 0) {
            return -1;
        }
        tsr_cli_src_child(&bl, &el, "behaviours", 0);
        for (j = 0; j < json_array_size(bv); j++) {
            tsr_cli_src be;
            tsr_cli_src_child(&be, &bl, NULL, j);
            if (tsr_scn_behaviour(&cp->b[j], e, cfg, cp->party, json_array_get(bv, j), &be) != 0) {
                return -1;
            }
        }
        cp->nbehaviours = json_array_size(bv);
        cfg->ncorrupt = i + 1;
    }
    return 0;
}

/* drop, late, duplicate, reorder of an object (global or link). */
static int tsr_scn_rates(double *drop, double *late, double *dup, double *reorder, const tsr_scn_err *e,
                         const tsr_cli_src *s, const json_t *obj) {
    json_t *v;
    if ((v = json_object_get(obj, "drop")) != NULL && tsr_scn_rate(drop, e, s, "drop", v) != 0) {
        return -1;
    }
    if ((v = json_object_get(obj, "late")) != NULL && tsr_scn_rate(late, e, s, "late", v) != 0) {
        return -1;
    }
    if ((v = json_object_get(obj, "duplicate")) != NULL && tsr_scn_rate(dup, e, s, "duplicate", v) != 0) {
        return -1;
    }
    if ((v = json_object_get(obj, "reorder")) != NULL && tsr_scn_rate(reorder, e, s, "reorder", v) != 0) {
        return -1;
    }
    return 0;
}

static int tsr_scn_faults(tsr_sim_config *cfg, const tsr_scn_err *e, const tsr_cli_src *parent, const json_t *obj) {
    static const char *const keys[] = {"drop", "late", "duplicate", "reorder", "links", "partitions", NULL};
    static const char *const lkeys[] = {"from", "to", "drop", "late", "duplicate", "reorder", NULL};
    static const char *const pkeys[] = {"protocol", "run", "rounds", "side", NULL};
    tsr_sim_faults *f = &cfg->faults;
    tsr_cli_src s, arr;
    json_t *v;
    size_t i;
    tsr_cli_src_child(&s, parent, "faults", 0);
    if (tsr_scn_object(e, &s, NULL, obj) != 0 || tsr_scn_only_keys(e, &s, obj, keys) != 0) {
        return -1;
    }
    if (tsr_scn_rates(&f->drop, &f->late, &f->duplicate, &f->reorder, e, &s, obj) != 0) {
        return -1;
    }
    if ((v = json_object_get(obj, "links")) != NULL) {
        if (tsr_scn_array(e, &s, "links", v, 0, sizeof f->links / sizeof f->links[0]) != 0) {
            return -1;
        }
        tsr_cli_src_child(&arr, &s, "links", 0);
        for (i = 0; i < json_array_size(v); i++) {
            const json_t *l = json_array_get(v, i);
            tsr_sim_link_faults *lf = &f->links[i];
            tsr_cli_src el;
            json_t *pv;
            tsr_cli_src_child(&el, &arr, NULL, i);
            if (tsr_scn_object(e, &el, NULL, l) != 0 || tsr_scn_only_keys(e, &el, l, lkeys) != 0) {
                return -1;
            }
            memset(lf, 0, sizeof *lf);
            lf->from = TSR_SIM_BCAST;
            lf->to = TSR_SIM_BCAST;
            if ((pv = json_object_get(l, "from")) != NULL && tsr_scn_party(&lf->from, e, &el, "from", pv, 0, cfg->n) != 0) {
                return -1;
            }
            if ((pv = json_object_get(l, "to")) != NULL && tsr_scn_party(&lf->to, e, &el, "to", pv, 0, cfg->n) != 0) {
                return -1;
            }
            if (lf->from == TSR_SIM_BCAST && lf->to == TSR_SIM_BCAST) {
                return tsr_scn_fail(e, &el, NULL, "needs \"from\" or \"to\" (global rates go in faults itself)");
            }
            if (lf->from == lf->to) {
                return tsr_scn_fail(e, &el, "to", "a link joins two different parties");
            }
            if (tsr_scn_rates(&lf->drop, &lf->late, &lf->duplicate, &lf->reorder, e, &el, l) != 0) {
                return -1;
            }
        }
        f->nlinks = json_array_size(v);
    }
    if ((v = json_object_get(obj, "partitions")) != NULL) {
        if (tsr_scn_array(e, &s, "partitions", v, 0, sizeof f->partitions / sizeof f->partitions[0]) != 0) {
            return -1;
        }
        tsr_cli_src_child(&arr, &s, "partitions", 0);
        for (i = 0; i < json_array_size(v); i++) {
            const json_t *p = json_array_get(v, i);
            tsr_cli_src el, rl;
            json_t *pv;
            uint32_t side[TSR_SIM_NPARTIES];
            size_t nside = 0, j;
            long long r0 = 0, r1 = 0;
            tsr_cli_src_child(&el, &arr, NULL, i);
            if (tsr_scn_object(e, &el, NULL, p) != 0 || tsr_scn_only_keys(e, &el, p, pkeys) != 0) {
                return -1;
            }
            memset(&f->partitions[i], 0, sizeof f->partitions[i]);
            f->partitions[i].run = -1;
            if (tsr_scn_proto_key(f->partitions[i].proto, e, &el, p) != 0) {
                return -1;
            }
            if ((pv = json_object_get(p, "run")) != NULL) {
                long long r = 0;
                if (tsr_scn_int(&r, e, &el, "run", pv, 0, 255) != 0) {
                    return -1;
                }
                f->partitions[i].run = (int)r;
            }
            if ((pv = json_object_get(p, "rounds")) == NULL) {
                return tsr_scn_fail(e, &el, "rounds", "missing ([first, last] rounds of the cut, or [round])");
            }
            if (tsr_scn_array(e, &el, "rounds", pv, 1, 2) != 0) {
                return -1;
            }
            tsr_cli_src_child(&rl, &el, "rounds", 0);
            {
                tsr_cli_src r0s, r1s;
                tsr_cli_src_child(&r0s, &rl, NULL, 0);
                tsr_cli_src_child(&r1s, &rl, NULL, 1);
                if (tsr_scn_int(&r0, e, &r0s, NULL, json_array_get(pv, 0), 1, 5) != 0) {
                    return -1;
                }
                r1 = r0;
                if (json_array_size(pv) == 2 && tsr_scn_int(&r1, e, &r1s, NULL, json_array_get(pv, 1), r0, 5) != 0) {
                    return -1;
                }
            }
            f->partitions[i].round_from = (uint16_t)r0;
            f->partitions[i].round_to = (uint16_t)r1;
            if ((pv = json_object_get(p, "side")) == NULL) {
                return tsr_scn_fail(e, &el, "side", "missing (the parties on one side of the cut)");
            }
            if (tsr_scn_party_list(side, &nside, cfg->n, 1, e, &el, "side", pv, 0, cfg->n) != 0) {
                return -1;
            }
            for (j = 0; j < nside; j++) {
                f->partitions[i].side_a[side[j]] = 1;
            }
        }
        f->npartitions = json_array_size(v);
    }
    return 0;
}

static int tsr_scn_expect(tsr_sim_config *cfg, const tsr_scn_err *e, const tsr_cli_src *parent, const json_t *obj) {
    static const char *const keys[] = {"outcome", "blamed", "blamed_exact", "unresponsive", "max_sign_attempts",
                                       "max_keygen_runs", "violations", "equivocation_abort", NULL};
    static const char *const bkeys[] = {"party", "check", NULL};
    tsr_sim_expect *x = &cfg->expect;
    tsr_cli_src s, arr;
    json_t *v;
    size_t i, j;
    tsr_cli_src_child(&s, parent, "expect", 0);
    if (tsr_scn_object(e, &s, NULL, obj) != 0 || tsr_scn_only_keys(e, &s, obj, keys) != 0) {
        return -1;
    }
    memset(x, 0, sizeof *x);
    x->set = 1;
    if ((v = json_object_get(obj, "outcome")) != NULL) {
        if (json_is_string(v) && strcmp(json_string_value(v), "success") == 0) {
            x->outcome = TSR_SIM_OUTCOME_SUCCESS;
        } else if (json_is_string(v) && strcmp(json_string_value(v), "abort") == 0) {
            x->outcome = TSR_SIM_OUTCOME_ABORT;
        } else {
            return tsr_scn_fail(e, &s, "outcome", "must be \"success\" or \"abort\"");
        }
    }
    if ((v = json_object_get(obj, "blamed")) != NULL) {
        if (tsr_scn_array(e, &s, "blamed", v, 0, sizeof x->blamed / sizeof x->blamed[0]) != 0) {
            return -1;
        }
        tsr_cli_src_child(&arr, &s, "blamed", 0);
        for (i = 0; i < json_array_size(v); i++) {
            const json_t *b = json_array_get(v, i);
            tsr_cli_src el;
            json_t *pv;
            tsr_cli_src_child(&el, &arr, NULL, i);
            if (tsr_scn_object(e, &el, NULL, b) != 0 || tsr_scn_only_keys(e, &el, b, bkeys) != 0) {
                return -1;
            }
            if ((pv = json_object_get(b, "party")) == NULL) {
                return tsr_scn_fail(e, &el, "party", "missing");
            }
            if (tsr_scn_party(&x->blamed[i].party, e, &el, "party", pv, 0, cfg->n) != 0) {
                return -1;
            }
            x->blamed[i].check = -1;
            if ((pv = json_object_get(b, "check")) != NULL) {
                if (!json_is_string(pv)) {
                    return tsr_scn_fail(e, &el, "check", "must be a check name such as \"FELDMAN\", got %s",
                                        tsr_cli_type_name(pv));
                }
                x->blamed[i].check = tsr_sim_check_parse(json_string_value(pv));
                if (x->blamed[i].check <= TSR_CHECK_NONE || x->blamed[i].check >= TSR_CHECK__COUNT) {
                    return tsr_scn_fail(e, &el, "check", "unknown check '%.40s' (try `tessera checks`)",
                                        json_string_value(pv));
                }
                if (x->blamed[i].check == TSR_CHECK_MISSING) {
                    return tsr_scn_fail(e, &el, "check", "MISSING marks a party unresponsive, not malicious: "
                                                         "list it in expect.unresponsive");
                }
            }
            for (j = 0; j < i; j++) {
                if (x->blamed[j].party == x->blamed[i].party && x->blamed[j].check == x->blamed[i].check) {
                    return tsr_scn_fail(e, &el, NULL, "listed twice");
                }
            }
        }
        x->nblamed = json_array_size(v);
    }
    if ((v = json_object_get(obj, "blamed_exact")) != NULL && tsr_scn_bool(&x->blamed_exact, e, &s, "blamed_exact", v) != 0) {
        return -1;
    }
    if ((v = json_object_get(obj, "unresponsive")) != NULL &&
        tsr_scn_party_list(x->unresponsive, &x->nunresponsive, sizeof x->unresponsive / sizeof x->unresponsive[0], 0,
                           e, &s, "unresponsive", v, 0, cfg->n) != 0) {
        return -1;
    }
    if ((v = json_object_get(obj, "max_sign_attempts")) != NULL &&
        tsr_scn_size(&x->max_sign_attempts, e, &s, "max_sign_attempts", v, 1, 1000) != 0) {
        return -1;
    }
    if ((v = json_object_get(obj, "max_keygen_runs")) != NULL &&
        tsr_scn_size(&x->max_keygen_runs, e, &s, "max_keygen_runs", v, 1, 1000) != 0) {
        return -1;
    }
    if ((v = json_object_get(obj, "violations")) != NULL) {
        if (tsr_scn_array(e, &s, "violations", v, 0, sizeof x->violations / sizeof x->violations[0]) != 0) {
            return -1;
        }
        tsr_cli_src_child(&arr, &s, "violations", 0);
        for (i = 0; i < json_array_size(v); i++) {
            const json_t *p = json_array_get(v, i);
            tsr_cli_src el;
            tsr_cli_src_child(&el, &arr, NULL, i);
            if (!json_is_string(p)) {
                return tsr_scn_fail(e, &el, NULL, "must be a property name, got %s", tsr_cli_type_name(p));
            }
            x->violations[i] = tsr_sim_property_parse(json_string_value(p));
            if (x->violations[i] < 0 || x->violations[i] >= TSR_SIM_P__COUNT) {
                return tsr_scn_fail(e, &el, NULL, "unknown property '%.40s' (agreement, blame_sound, identified, "
                                                  "liveness, secrecy, no_leak)", json_string_value(p));
            }
            for (j = 0; j < i; j++) {
                if (x->violations[j] == x->violations[i]) {
                    return tsr_scn_fail(e, &el, NULL, "property listed twice");
                }
            }
        }
        x->nviolations = json_array_size(v);
    }
    if ((v = json_object_get(obj, "equivocation_abort")) != NULL &&
        tsr_scn_bool(&x->equivocation_abort, e, &s, "equivocation_abort", v) != 0) {
        return -1;
    }
    return 0;
}

/* ---- the scenario ---------------------------------------------------------------------------- */

static int tsr_scn_seed(uint64_t *out, const tsr_scn_err *e, const tsr_cli_src *s, const json_t *v) {
    if (json_is_integer(v)) {
        if (json_integer_value(v) < 0) {
            return tsr_scn_fail(e, s, "seed", "must not be negative");
        }
        *out = (uint64_t)json_integer_value(v);
        return 0;
    }
    if (json_is_string(v)) { /* a decimal string reaches the whole u64 range */
        const char *str = json_string_value(v);
        char *end = NULL;
        unsigned long long x;
        errno = 0;
        x = strtoull(str, &end, 10);
        if (str[0] < '0' || str[0] > '9' || end == str || *end != 0 || errno != 0 ||
            strlen(str) != json_string_length(v)) {
            return tsr_scn_fail(e, s, "seed", "must be a number in 0..2^64-1");
        }
        *out = (uint64_t)x;
        return 0;
    }
    return tsr_scn_fail(e, s, "seed", "must be an integer, got %s", tsr_cli_type_name(v));
}

static int tsr_scn_parse(tsr_sim_config *cfg, const tsr_scn_err *e, const json_t *root, const tsr_cli_src *s,
                         unsigned flags) {
    static const char *const keys[] = {"name", "catalogue", "description", "seed", "suite", "n", "t", "keys",
                                       "sign", "message", "message_hex", "signers", "max_sign_attempts",
                                       "max_keygen_runs", "weak_nonces", "faults", "corrupt", "expect", NULL};
    json_t *v;
    tsr_sim_config_default(cfg);
    if (tsr_scn_object(e, s, NULL, root) != 0) {
        return -1;
    }
    if ((flags & TSR_SIM_SCN_BASE) != 0) {
        if (json_object_get(root, "corrupt") != NULL) {
            return tsr_scn_fail(e, s, "corrupt", "not allowed in a sweep's base (the grid's strategies and "
                                                 "corrupt count choose the corrupt parties)");
        }
        if (json_object_get(root, "expect") != NULL) {
            return tsr_scn_fail(e, s, "expect", "not allowed in a sweep's base (a sweep measures outcomes)");
        }
    }
    if (tsr_scn_only_keys(e, s, root, keys) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "name")) != NULL && tsr_scn_string(cfg->name, sizeof cfg->name, e, s, "name", v) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "catalogue")) != NULL &&
        tsr_scn_string(cfg->catalogue, sizeof cfg->catalogue, e, s, "catalogue", v) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "description")) != NULL &&
        tsr_scn_string(cfg->description, sizeof cfg->description, e, s, "description", v) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "seed")) != NULL && tsr_scn_seed(&cfg->seed, e, s, v) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "suite")) != NULL &&
        (!json_is_string(v) || tsr_cli_suite_parse(&cfg->suite, json_string_value(v)) != 0)) {
        return tsr_scn_fail(e, s, "suite", "must be \"secp256k1-tr\" or \"secp256k1\"");
    }
    if ((v = json_object_get(root, "n")) != NULL && tsr_scn_size(&cfg->n, e, s, "n", v, 2, TSR_MAX_PARTIES) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "t")) != NULL && tsr_scn_size(&cfg->t, e, s, "t", v, 2, TSR_MAX_PARTIES) != 0) {
        return -1;
    }
    if (cfg->t > cfg->n) {
        return tsr_scn_fail(e, s, "t", "threshold %lu exceeds n = %lu", (unsigned long)cfg->t, (unsigned long)cfg->n);
    }
    if ((v = json_object_get(root, "keys")) != NULL) {
        if (json_is_string(v) && strcmp(json_string_value(v), "dkg") == 0) {
            cfg->keys = TSR_SIM_KEYS_DKG;
        } else if (json_is_string(v) && strcmp(json_string_value(v), "dealer") == 0) {
            cfg->keys = TSR_SIM_KEYS_DEALER;
        } else {
            return tsr_scn_fail(e, s, "keys", "must be \"dkg\" or \"dealer\"");
        }
    }
    if ((v = json_object_get(root, "sign")) != NULL && tsr_scn_size(&cfg->nsign, e, s, "sign", v, 0, 8) != 0) {
        return -1;
    }
    if (json_object_get(root, "message") != NULL && json_object_get(root, "message_hex") != NULL) {
        return tsr_scn_fail(e, s, "message_hex", "give \"message\" or \"message_hex\", not both");
    }
    if ((v = json_object_get(root, "message")) != NULL) {
        if (!json_is_string(v)) {
            return tsr_scn_fail(e, s, "message", "must be a string, got %s", tsr_cli_type_name(v));
        }
        if (json_string_length(v) > TSR_SIM_MAX_MSGLEN) {
            return tsr_scn_fail(e, s, "message", "too long (%lu bytes, at most %d)",
                                (unsigned long)json_string_length(v), TSR_SIM_MAX_MSGLEN);
        }
        cfg->msglen = json_string_length(v);
        memcpy(cfg->msg, json_string_value(v), cfg->msglen);
    }
    if ((v = json_object_get(root, "message_hex")) != NULL &&
        tsr_scn_hex(cfg->msg, sizeof cfg->msg, &cfg->msglen, e, s, "message_hex", v) != 0) {
        return -1;
    }
    if (cfg->nsign > 1 && cfg->msglen > TSR_SIM_MAX_MSGLEN - 1) { /* signature k signs msg || u8 k */
        return tsr_scn_fail(e, s, json_object_get(root, "message") != NULL ? "message" : "message_hex",
                            "at most %d bytes when \"sign\" > 1", TSR_SIM_MAX_MSGLEN - 1);
    }
    if ((v = json_object_get(root, "signers")) != NULL) {
        if (tsr_scn_party_list(cfg->signers, &cfg->nsigners, cfg->n, cfg->t, e, s, "signers", v, 1, cfg->n) != 0) {
            return -1;
        }
    }
    cfg->max_sign_attempts = cfg->n - cfg->t + 1;
    cfg->max_keygen_runs = cfg->n - cfg->t + 1;
    if ((v = json_object_get(root, "max_sign_attempts")) != NULL &&
        tsr_scn_size(&cfg->max_sign_attempts, e, s, "max_sign_attempts", v, 1, 1000) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "max_keygen_runs")) != NULL &&
        tsr_scn_size(&cfg->max_keygen_runs, e, s, "max_keygen_runs", v, 1, 1000) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "weak_nonces")) != NULL && tsr_scn_bool(&cfg->weak_nonces, e, s, "weak_nonces", v) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "faults")) != NULL && tsr_scn_faults(cfg, e, s, v) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "corrupt")) != NULL && tsr_scn_corrupt(cfg, e, s, v) != 0) {
        return -1;
    }
    if ((v = json_object_get(root, "expect")) != NULL && tsr_scn_expect(cfg, e, s, v) != 0) {
        return -1;
    }
    return 0;
}

int tsr_sim_scenario_parse_at(tsr_sim_config *cfg, const json_t *obj, const tsr_cli_src *src, unsigned flags,
                              char *err, size_t errcap) {
    tsr_scn_err e;
    e.err = err;
    e.cap = errcap;
    if (errcap > 0) {
        err[0] = 0;
    }
    return tsr_scn_parse(cfg, &e, obj, src, flags);
}

int tsr_sim_scenario_parse(tsr_sim_config *cfg, const json_t *root, const char *file, char *err, size_t errcap) {
    tsr_cli_src s;
    tsr_cli_src_root(&s, file);
    return tsr_sim_scenario_parse_at(cfg, root, &s, 0, err, errcap);
}

#define TSR_SIM_MAX_JSON_FILE (16u << 20)

int tsr_sim_json_file(json_t **root, const char *path, char *err, size_t errcap) {
    FILE *f;
    char *buf;
    size_t len = 0, cap = 65536;
    json_error_t je;
    *root = NULL;
    f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errcap, "%s: cannot open: %s", path, errno == ENOENT ? "no such file" : strerror(errno));
        return -1;
    }
    buf = malloc(cap);
    for (;;) {
        size_t got;
        if (buf == NULL) {
            snprintf(err, errcap, "%s: out of memory", path);
            break;
        }
        if (len == cap) {
            char *nb;
            if (cap >= TSR_SIM_MAX_JSON_FILE) {
                snprintf(err, errcap, "%s: larger than %u MiB", path, TSR_SIM_MAX_JSON_FILE >> 20);
                free(buf);
                buf = NULL;
                break;
            }
            nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
                continue;
            }
            buf = nb;
            cap *= 2;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                snprintf(err, errcap, "%s: read error", path);
                free(buf);
                buf = NULL;
            }
            break;
        }
    }
    if (f != stdin) {
        fclose(f);
    }
    if (buf == NULL) {
        return -1;
    }
    *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
    free(buf);
    if (*root == NULL) {
        char *near = strstr(je.text, " near ");
        if (near != NULL) { /* do not quote the input */
            *near = 0;
        }
        snprintf(err, errcap, "%s: invalid JSON at line %d column %d: %s", path, je.line, je.column, je.text);
        return -1;
    }
    return 0;
}

int tsr_sim_scenario_load(tsr_sim_config *cfg, const char *path, char *err, size_t errcap) {
    json_t *root = NULL;
    int rc;
    if (tsr_sim_json_file(&root, path, err, errcap) != 0) {
        tsr_sim_config_default(cfg);
        return -1;
    }
    rc = tsr_sim_scenario_parse(cfg, root, path, err, errcap);
    json_decref(root);
    return rc;
}

/* ---- config to scenario JSON ----------------------------------------------------------------- */

static json_t *tsr_scn_parties_json(const uint32_t *p, size_t n) {
    json_t *a = json_array();
    size_t i;
    for (i = 0; i < n; i++) {
        json_array_append_new(a, json_integer((json_int_t)p[i]));
    }
    return a;
}

static json_t *tsr_scn_hex_json(const uint8_t *p, size_t n) {
    static const char digits[] = "0123456789abcdef";
    char *h = malloc(2 * n + 1);
    json_t *v;
    size_t i;
    if (h == NULL) {
        return NULL;
    }
    for (i = 0; i < n; i++) {
        h[2 * i] = digits[p[i] >> 4];
        h[2 * i + 1] = digits[p[i] & 15];
    }
    h[2 * n] = 0;
    v = json_string(h);
    free(h);
    return v;
}

static json_t *tsr_scn_behaviour_json(const tsr_sim_behaviour *b) {
    json_t *o = json_object();
    if (b->strategy != TSR_SIM_S_NONE) {
        json_object_set_new(o, "strategy", json_string(tsr_sim_strategy_name(b->strategy)));
        if (tsr_sim_strategy_proto(b->strategy) == NULL) {
            json_object_set_new(o, "protocol", json_string(b->proto));
            if (b->round != 0) {
                json_object_set_new(o, "round", json_integer(b->round));
            }
        }
        if (b->strategy == TSR_SIM_S_TRANSPLANT) {
            json_object_set_new(o, "from", json_integer((json_int_t)b->party));
        }
        if (b->strategy == TSR_SIM_S_INVALID_SHARE || b->strategy == TSR_SIM_S_THRESHOLD_RAISE ||
            b->strategy == TSR_SIM_S_REPLAY) {
            json_object_set_new(o, "value", json_integer((json_int_t)b->value));
        }
    } else {
        json_object_set_new(o, "mutate", json_string(b->target));
        json_object_set_new(o, "mutator", json_string(tsr_sim_mutator_name(b->mutator)));
        if (strncmp(b->target, "frame.", 6) == 0) {
            json_object_set_new(o, "protocol", json_string(b->proto));
        }
        if (b->mutator == TSR_SIM_M_FLIP_BITS || b->mutator == TSR_SIM_M_RESIZE ||
            (b->mutator == TSR_SIM_M_OFF_CURVE && b->k != 0)) {
            json_object_set_new(o, "k", json_integer((json_int_t)b->k));
        }
        if (b->mutator == TSR_SIM_M_SWAP_WITH) {
            json_object_set_new(o, "party", json_integer((json_int_t)b->party));
        }
        if (b->mutator == TSR_SIM_M_SET) {
            json_object_set_new(o, "hex", tsr_scn_hex_json(b->hex, b->hexlen));
        }
    }
    if (b->nto > 0) {
        json_object_set_new(o, "to", tsr_scn_parties_json(b->to, b->nto));
    }
    if (b->run >= 0) {
        json_object_set_new(o, "run", json_integer(b->run));
    }
    return o;
}

static void tsr_scn_rates_json(json_t *o, double drop, double late, double dup, double reorder) {
    if (drop > 0) {
        json_object_set_new(o, "drop", json_real(drop));
    }
    if (late > 0) {
        json_object_set_new(o, "late", json_real(late));
    }
    if (dup > 0) {
        json_object_set_new(o, "duplicate", json_real(dup));
    }
    if (reorder > 0) {
        json_object_set_new(o, "reorder", json_real(reorder));
    }
}

static int tsr_scn_printable(const uint8_t *p, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (p[i] < 0x20 || p[i] > 0x7e) {
            return 0;
        }
    }
    return 1;
}

json_t *tsr_sim_scenario_json(const tsr_sim_config *cfg) {
    json_t *o = json_object(), *a, *f;
    const tsr_sim_faults *fl = &cfg->faults;
    size_t i, j;
    char seed[32];
    json_object_set_new(o, "name", json_string(cfg->name));
    if (cfg->catalogue[0]) {
        json_object_set_new(o, "catalogue", json_string(cfg->catalogue));
    }
    if (cfg->description[0]) {
        json_object_set_new(o, "description", json_string(cfg->description));
    }
    if (cfg->seed <= (uint64_t)INT64_MAX) {
        json_object_set_new(o, "seed", json_integer((json_int_t)cfg->seed));
    } else {
        snprintf(seed, sizeof seed, "%llu", (unsigned long long)cfg->seed);
        json_object_set_new(o, "seed", json_string(seed));
    }
    json_object_set_new(o, "suite", json_string(tsr_cli_suite_name(cfg->suite)));
    json_object_set_new(o, "n", json_integer((json_int_t)cfg->n));
    json_object_set_new(o, "t", json_integer((json_int_t)cfg->t));
    json_object_set_new(o, "keys", json_string(cfg->keys == TSR_SIM_KEYS_DEALER ? "dealer" : "dkg"));
    json_object_set_new(o, "sign", json_integer((json_int_t)cfg->nsign));
    if (tsr_scn_printable(cfg->msg, cfg->msglen)) {
        json_object_set_new(o, "message", json_stringn((const char *)cfg->msg, cfg->msglen));
    } else {
        json_object_set_new(o, "message_hex", tsr_scn_hex_json(cfg->msg, cfg->msglen));
    }
    if (cfg->nsigners > 0) {
        json_object_set_new(o, "signers", tsr_scn_parties_json(cfg->signers, cfg->nsigners));
    }
    if (cfg->max_sign_attempts > 0) {
        json_object_set_new(o, "max_sign_attempts", json_integer((json_int_t)cfg->max_sign_attempts));
    }
    if (cfg->max_keygen_runs > 0) {
        json_object_set_new(o, "max_keygen_runs", json_integer((json_int_t)cfg->max_keygen_runs));
    }
    json_object_set_new(o, "weak_nonces", json_boolean(cfg->weak_nonces));
    a = json_array();
    for (i = 0; i < cfg->ncorrupt; i++) {
        json_t *c = json_object(), *bs = json_array();
        json_object_set_new(c, "party", json_integer((json_int_t)cfg->corrupt[i].party));
        for (j = 0; j < cfg->corrupt[i].nbehaviours; j++) {
            json_array_append_new(bs, tsr_scn_behaviour_json(&cfg->corrupt[i].b[j]));
        }
        json_object_set_new(c, "behaviours", bs);
        json_array_append_new(a, c);
    }
    json_object_set_new(o, "corrupt", a);
    f = json_object();
    tsr_scn_rates_json(f, fl->drop, fl->late, fl->duplicate, fl->reorder);
    if (fl->nlinks > 0) {
        a = json_array();
        for (i = 0; i < fl->nlinks; i++) {
            json_t *l = json_object();
            if (fl->links[i].from != TSR_SIM_BCAST) {
                json_object_set_new(l, "from", json_integer((json_int_t)fl->links[i].from));
            }
            if (fl->links[i].to != TSR_SIM_BCAST) {
                json_object_set_new(l, "to", json_integer((json_int_t)fl->links[i].to));
            }
            tsr_scn_rates_json(l, fl->links[i].drop, fl->links[i].late, fl->links[i].duplicate, fl->links[i].reorder);
            json_array_append_new(a, l);
        }
        json_object_set_new(f, "links", a);
    }
    if (fl->npartitions > 0) {
        a = json_array();
        for (i = 0; i < fl->npartitions; i++) {
            json_t *p = json_object(), *side = json_array(), *rounds = json_array();
            if (fl->partitions[i].proto[0]) {
                json_object_set_new(p, "protocol", json_string(fl->partitions[i].proto));
            }
            if (fl->partitions[i].run >= 0) {
                json_object_set_new(p, "run", json_integer(fl->partitions[i].run));
            }
            json_array_append_new(rounds, json_integer(fl->partitions[i].round_from));
            json_array_append_new(rounds, json_integer(fl->partitions[i].round_to));
            json_object_set_new(p, "rounds", rounds);
            for (j = 0; j <= cfg->n && j < TSR_SIM_NPARTIES; j++) {
                if (fl->partitions[i].side_a[j]) {
                    json_array_append_new(side, json_integer((json_int_t)j));
                }
            }
            json_object_set_new(p, "side", side);
            json_array_append_new(a, p);
        }
        json_object_set_new(f, "partitions", a);
    }
    json_object_set_new(o, "faults", f);
    if (cfg->expect.set) {
        const tsr_sim_expect *x = &cfg->expect;
        json_t *e = json_object();
        if (x->outcome != 0) {
            json_object_set_new(e, "outcome", json_string(x->outcome == TSR_SIM_OUTCOME_SUCCESS ? "success" : "abort"));
        }
        a = json_array();
        for (i = 0; i < x->nblamed; i++) {
            json_t *b = json_object();
            json_object_set_new(b, "party", json_integer((json_int_t)x->blamed[i].party));
            if (x->blamed[i].check >= 0) {
                json_object_set_new(b, "check", json_string(tsr_sim_check_symbol(x->blamed[i].check)));
            }
            json_array_append_new(a, b);
        }
        json_object_set_new(e, "blamed", a);
        json_object_set_new(e, "blamed_exact", json_boolean(x->blamed_exact));
        json_object_set_new(e, "unresponsive", tsr_scn_parties_json(x->unresponsive, x->nunresponsive));
        if (x->max_sign_attempts > 0) {
            json_object_set_new(e, "max_sign_attempts", json_integer((json_int_t)x->max_sign_attempts));
        }
        if (x->max_keygen_runs > 0) {
            json_object_set_new(e, "max_keygen_runs", json_integer((json_int_t)x->max_keygen_runs));
        }
        a = json_array();
        for (i = 0; i < x->nviolations; i++) {
            json_array_append_new(a, json_string(tsr_sim_property_name(x->violations[i])));
        }
        json_object_set_new(e, "violations", a);
        json_object_set_new(e, "equivocation_abort", json_boolean(x->equivocation_abort));
        json_object_set_new(o, "expect", e);
    }
    return o;
}
