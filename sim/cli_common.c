/* Shared parts of the `tessera` participant mode: option parsing, the suite option, the context,
 * and the key, group and commitment JSON shapes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rng.h"

/* ---- options --------------------------------------------------------------------------------- */

static const tsr_cli_opt *tsr_cli_find_opt(const tsr_cli_opt *opts, const char *arg, size_t namelen) {
    const tsr_cli_opt *o;
    for (o = opts; o->name != NULL; o++) {
        if (strlen(o->name) == namelen && strncmp(o->name, arg, namelen) == 0) {
            return o;
        }
    }
    return NULL;
}

static int tsr_cli_is_option(const char *a) {
    return a[0] == '-' && a[1] != 0; /* "-" alone is stdin */
}

int tsr_cli_parse(int argc, char **argv, const tsr_cli_opt *opts, const char **pos, size_t *npos, size_t maxpos) {
    int i;
    *npos = 0;
    for (i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *eq = NULL;
        const tsr_cli_opt *o;
        size_t namelen;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            return TSR_CLI_HELP;
        }
        if (!tsr_cli_is_option(a)) {
            if (*npos >= maxpos) {
                tsr_cli_err("unexpected argument '%s' (see --help)", a);
                return TSR_CLI_USAGE;
            }
            pos[(*npos)++] = a;
            continue;
        }
        if (a[1] == '-') {
            eq = strchr(a, '=');
        }
        namelen = eq != NULL ? (size_t)(eq - a) : strlen(a);
        o = tsr_cli_find_opt(opts, a, namelen);
        if (o == NULL) {
            tsr_cli_err("unknown option '%.*s' (see --help)", (int)namelen, a);
            return TSR_CLI_USAGE;
        }
        switch (o->kind) {
        case TSR_CLI_OPT_FLAG:
            if (eq != NULL) {
                tsr_cli_err("option %s takes no value", o->name);
                return TSR_CLI_USAGE;
            }
            *o->flag = 1;
            break;
        case TSR_CLI_OPT_VALUE:
            if (*o->value != NULL) {
                tsr_cli_err("option %s given twice", o->name);
                return TSR_CLI_USAGE;
            }
            if (eq != NULL) {
                *o->value = eq + 1;
            } else if (i + 1 < argc) {
                *o->value = argv[++i];
            } else {
                tsr_cli_err("option %s needs a value", o->name);
                return TSR_CLI_USAGE;
            }
            break;
        case TSR_CLI_OPT_LIST: {
            size_t before = *o->nlist;
            if (eq != NULL) {
                if (*o->nlist >= TSR_CLI_MAX_LIST) {
                    tsr_cli_err("option %s: too many values", o->name);
                    return TSR_CLI_USAGE;
                }
                o->list[(*o->nlist)++] = eq + 1;
            }
            while (i + 1 < argc && !tsr_cli_is_option(argv[i + 1])) {
                if (*o->nlist >= TSR_CLI_MAX_LIST) {
                    tsr_cli_err("option %s: too many values", o->name);
                    return TSR_CLI_USAGE;
                }
                o->list[(*o->nlist)++] = argv[++i];
            }
            if (*o->nlist == before) {
                tsr_cli_err("option %s needs at least one value", o->name);
                return TSR_CLI_USAGE;
            }
            break;
        }
        }
    }
    return TSR_CLI_OK;
}

int tsr_cli_require(const char *value, const char *name) {
    if (value == NULL) {
        tsr_cli_err("missing option %s (see --help)", name);
        return TSR_CLI_USAGE;
    }
    return TSR_CLI_OK;
}

int tsr_cli_number(size_t *out, const char *s, size_t min, size_t max, const char *name) {
    char *end = NULL;
    unsigned long long v;
    if (s[0] < '0' || s[0] > '9') {
        tsr_cli_err("%s needs a number, got '%s'", name, s);
        return TSR_CLI_USAGE;
    }
    v = strtoull(s, &end, 10);
    if (end == s || *end != 0) {
        tsr_cli_err("%s needs a number, got '%s'", name, s);
        return TSR_CLI_USAGE;
    }
    if (v < min || v > max) {
        tsr_cli_err("%s must be in %lu..%lu, got %s", name, (unsigned long)min, (unsigned long)max, s);
        return TSR_CLI_USAGE;
    }
    *out = (size_t)v;
    return TSR_CLI_OK;
}

int tsr_cli_suite_opt_parse(tsr_cli_suite_opt *o, const char *arg) {
    o->set = 0;
    o->suite = TSR_SUITE_SECP256K1_SHA256;
    if (arg == NULL) {
        return TSR_CLI_OK;
    }
    if (tsr_cli_suite_parse(&o->suite, arg) != 0) {
        tsr_cli_err("--suite must be secp256k1 or secp256k1-tr, got '%s'", arg);
        return TSR_CLI_USAGE;
    }
    o->set = 1;
    return TSR_CLI_OK;
}

int tsr_cli_suite_pick(uint8_t *out, const tsr_cli_suite_opt *o, int file_has, uint8_t file_suite,
                       const char *file) {
    if (file_has && o->set && file_suite != o->suite) {
        tsr_cli_err("%s is for suite %s but --suite says %s", file, tsr_cli_suite_name(file_suite),
                    tsr_cli_suite_name(o->suite));
        return TSR_CLI_USAGE;
    }
    *out = file_has ? file_suite : o->suite;
    return TSR_CLI_OK;
}

tsr_context *tsr_cli_context(void) {
    tsr_sim_rng rng;
    uint8_t seed[32];
    tsr_context *ctx = NULL;
    tsr_sim_rng_init_os(&rng);
    if (tsr_sim_rng_fill(&rng, seed, sizeof seed) == 0) {
        ctx = tsr_context_create(seed);
    }
    tsr_memzero(seed, sizeof seed);
    if (ctx == NULL) {
        tsr_cli_err("cannot create a context");
    }
    return ctx;
}

/* ---- shapes ---------------------------------------------------------------------------------- */

json_t *tsr_cli_config_json(size_t t, size_t n) {
    json_t *c = json_object();
    json_object_set_new(c, "MIN_PARTICIPANTS", json_integer((json_int_t)t));
    json_object_set_new(c, "MAX_PARTICIPANTS", json_integer((json_int_t)n));
    return c;
}

/* Reads config {MIN_PARTICIPANTS, MAX_PARTICIPANTS (, NUM_PARTICIPANTS)} from obj.config. */
static int tsr_cli_config_parse(size_t *t, size_t *n, const tsr_cli_src *s, const json_t *obj, int optional) {
    static const char *const keys[] = {"MIN_PARTICIPANTS", "MAX_PARTICIPANTS", "NUM_PARTICIPANTS", "name",
                                       "group", "hash", NULL};
    tsr_cli_src cs;
    json_t *c;
    int rc = tsr_cli_member(&c, s, obj, "config", optional);
    *t = 0;
    *n = 0;
    if (rc != TSR_CLI_OK || c == NULL) {
        return rc;
    }
    tsr_cli_src_child(&cs, s, "config", 0);
    if ((rc = tsr_cli_want_object(&cs, c)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(&cs, c, keys)) != TSR_CLI_OK ||
        (rc = tsr_cli_count(n, 1, TSR_MAX_PARTIES, &cs, c, "MAX_PARTICIPANTS")) != TSR_CLI_OK ||
        (rc = tsr_cli_count(t, 1, *n, &cs, c, "MIN_PARTICIPANTS")) != TSR_CLI_OK) {
        return rc;
    }
    return TSR_CLI_OK;
}

/* The group key under one of its accepted names. */
static int tsr_cli_group_key_parse(const tsr_context *ctx, tsr_point *pk, const tsr_cli_src *s, const json_t *obj) {
    static const char *const names[] = {"group_public_key", "verifying_key_key", "verifying_key"};
    const char *found = NULL;
    size_t i;
    for (i = 0; i < 3; i++) {
        if (json_object_get(obj, names[i]) != NULL) {
            if (found != NULL) {
                tsr_cli_err("%s: both '%s' and '%s' name the group key; give one", s->file, found, names[i]);
                return TSR_CLI_USAGE;
            }
            found = names[i];
        }
    }
    if (found == NULL) {
        char k[256];
        tsr_cli_err("%s: missing key '%s'", s->file, tsr_cli_src_key(k, s, "group_public_key"));
        return TSR_CLI_USAGE;
    }
    return tsr_cli_point(ctx, pk, s, obj, found);
}

int tsr_cli_load_key(const tsr_context *ctx, tsr_frost_keypkg *pkg, size_t *t, size_t *n, const char *path,
                     const tsr_cli_suite_opt *opt) {
    static const char *const keys[] = {"suite", "config", "identifier", "participant_share", "verifying_share",
                                       "group_public_key", "verifying_key_key", "verifying_key", NULL};
    tsr_cli_src s;
    json_t *root, *v;
    tsr_scalar share;
    tsr_point vshare, pk;
    uint32_t id = 0;
    uint8_t suite = 0, file_suite = 0;
    int rc, has_vshare = 0, err;
    memset(pkg, 0, sizeof *pkg);
    tsr_scalar_set_u32(&share, 0);
    root = tsr_cli_json_load(path);
    if (root == NULL) {
        return TSR_CLI_USAGE;
    }
    tsr_cli_src_root(&s, path);
    if ((rc = tsr_cli_want_object(&s, root)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(&s, root, keys)) != TSR_CLI_OK) {
        goto out;
    }
    if (json_object_get(root, "suite") != NULL && (rc = tsr_cli_suite_member(&file_suite, &s, root, "suite")) != TSR_CLI_OK) {
        goto out;
    }
    if ((rc = tsr_cli_suite_pick(&suite, opt, json_object_get(root, "suite") != NULL, file_suite, path)) != TSR_CLI_OK ||
        (rc = tsr_cli_config_parse(t, n, &s, root, 1)) != TSR_CLI_OK ||
        (rc = tsr_cli_ident(&id, &s, root, "identifier")) != TSR_CLI_OK ||
        (rc = tsr_cli_scalar(&share, &s, root, "participant_share", 0)) != TSR_CLI_OK ||
        (rc = tsr_cli_group_key_parse(ctx, &pk, &s, root)) != TSR_CLI_OK) {
        goto out;
    }
    if ((rc = tsr_cli_member(&v, &s, root, "verifying_share", 1)) != TSR_CLI_OK) {
        goto out;
    }
    if (v != NULL) {
        if ((rc = tsr_cli_point(ctx, &vshare, &s, root, "verifying_share")) != TSR_CLI_OK) {
            goto out;
        }
        has_vshare = 1;
    }
    if (*n != 0 && id > *n) {
        tsr_cli_err("%s: key 'identifier' is %u but config.MAX_PARTICIPANTS is %lu", path, id, (unsigned long)*n);
        rc = TSR_CLI_USAGE;
        goto out;
    }
    err = tsr_frost_keypkg_set(ctx, pkg, suite, id, &share, has_vshare ? &vshare : NULL, &pk);
    if (err == TSR_ERR_VERIFY) {
        tsr_cli_err("%s: key 'verifying_share' is not participant_share * G", path);
        rc = TSR_CLI_USAGE;
    } else if (err != TSR_OK) {
        tsr_cli_err("%s: not a usable key: %s", path, tsr_strerror(err));
        rc = TSR_CLI_USAGE;
    }
out:
    tsr_scalar_clear(&share);
    json_decref(root);
    if (rc != TSR_CLI_OK) {
        tsr_frost_keypkg_clear(pkg);
    }
    return rc;
}

json_t *tsr_cli_key_json(const tsr_context *ctx, const tsr_frost_keypkg *pkg, size_t t, size_t n) {
    json_t *o = json_object();
    json_object_set_new(o, "suite", json_string(tsr_cli_suite_name(pkg->suite)));
    if (n != 0) {
        json_object_set_new(o, "config", tsr_cli_config_json(t, n));
    }
    json_object_set_new(o, "identifier", json_integer((json_int_t)pkg->id));
    json_object_set_new(o, "participant_share", tsr_cli_scalar_json(&pkg->share));
    json_object_set_new(o, "verifying_share", tsr_cli_point_json(ctx, &pkg->verifying_share));
    json_object_set_new(o, "group_public_key", tsr_cli_point_json(ctx, &pkg->group_key));
    return o;
}

json_t *tsr_cli_group_json(const tsr_context *ctx, uint8_t suite, size_t t, size_t n, const tsr_point *group_key,
                           const tsr_point *vshares) {
    json_t *o = json_object(), *arr = json_array();
    size_t i;
    json_object_set_new(o, "suite", json_string(tsr_cli_suite_name(suite)));
    json_object_set_new(o, "config", tsr_cli_config_json(t, n));
    json_object_set_new(o, "group_public_key", tsr_cli_point_json(ctx, group_key));
    for (i = 0; i < n; i++) {
        json_t *p = json_object();
        json_object_set_new(p, "identifier", json_integer((json_int_t)(i + 1)));
        json_object_set_new(p, "verifying_share", tsr_cli_point_json(ctx, &vshares[i]));
        json_array_append_new(arr, p);
    }
    json_object_set_new(o, "participants", arr);
    return o;
}

int tsr_cli_load_group(const tsr_context *ctx, tsr_cli_group *g, const char *path, const tsr_cli_suite_opt *opt) {
    static const char *const keys[] = {"suite", "config", "group_public_key", "verifying_key_key", "verifying_key",
                                       "participants", NULL};
    static const char *const pkeys[] = {"identifier", "verifying_share", NULL};
    tsr_cli_src s, ps, es;
    json_t *root, *parts;
    uint8_t file_suite = 0;
    uint8_t seen[TSR_MAX_PARTIES + 1];
    size_t i;
    int rc;
    memset(g, 0, sizeof *g);
    root = tsr_cli_json_load(path);
    if (root == NULL) {
        return TSR_CLI_USAGE;
    }
    tsr_cli_src_root(&s, path);
    if ((rc = tsr_cli_want_object(&s, root)) != TSR_CLI_OK) {
        goto out;
    }
    if (json_object_get(root, "session") != NULL) {
        /* A DKG public result: the certificate must verify. */
        tsr_dkg_public *pub = malloc(sizeof *pub);
        tsr_blame b;
        if (pub == NULL) {
            rc = TSR_CLI_INTERNAL;
            goto out;
        }
        rc = tsr_cli_dkg_public_parse(ctx, pub, &s, root, opt);
        if (rc == TSR_CLI_OK && tsr_dkg_certificate_verify(ctx, pub, &b) != TSR_OK) {
            tsr_cli_err("%s: the DKG success certificate does not verify (party %u: %s)", path, b.culprit,
                        tsr_check_name(b.check));
            rc = TSR_CLI_FAIL;
        }
        if (rc == TSR_CLI_OK) {
            g->suite = pub->suite;
            g->t = pub->t;
            g->n = pub->n;
            g->group_key = pub->group_key;
            memcpy(g->vshares, pub->vshares, sizeof g->vshares);
            g->is_dkg = 1;
        }
        free(pub);
        goto out;
    }
    parts = json_object_get(root, "participants");
    for (i = 0; json_is_array(parts) && i < json_array_size(parts); i++) {
        if (json_is_object(json_array_get(parts, i)) &&
            json_object_get(json_array_get(parts, i), "participant_share") != NULL) {
            tsr_cli_err("%s: participants[%lu] holds a participant_share: a group file is public; give the "
                        "group.json written by 'keygen --out-dir' (or a DKG public result)", path, (unsigned long)i);
            rc = TSR_CLI_USAGE;
            goto out;
        }
    }
    if ((rc = tsr_cli_only_keys(&s, root, keys)) != TSR_CLI_OK) {
        goto out;
    }
    if (json_object_get(root, "suite") != NULL && (rc = tsr_cli_suite_member(&file_suite, &s, root, "suite")) != TSR_CLI_OK) {
        goto out;
    }
    if ((rc = tsr_cli_suite_pick(&g->suite, opt, json_object_get(root, "suite") != NULL, file_suite, path)) != TSR_CLI_OK ||
        (rc = tsr_cli_config_parse(&g->t, &g->n, &s, root, 0)) != TSR_CLI_OK ||
        (rc = tsr_cli_group_key_parse(ctx, &g->group_key, &s, root)) != TSR_CLI_OK ||
        (rc = tsr_cli_member(&parts, &s, root, "participants", 0)) != TSR_CLI_OK) {
        goto out;
    }
    tsr_cli_src_child(&ps, &s, "participants", 0);
    if ((rc = tsr_cli_want_array(&ps, parts, g->n, g->n)) != TSR_CLI_OK) {
        goto out;
    }
    memset(seen, 0, sizeof seen);
    for (i = 0; i < g->n; i++) {
        json_t *e = json_array_get(parts, i);
        uint32_t id;
        tsr_cli_src_child(&es, &ps, NULL, i);
        if ((rc = tsr_cli_want_object(&es, e)) != TSR_CLI_OK) {
            goto out;
        }
        if ((rc = tsr_cli_only_keys(&es, e, pkeys)) != TSR_CLI_OK ||
            (rc = tsr_cli_ident(&id, &es, e, "identifier")) != TSR_CLI_OK) {
            goto out;
        }
        if (id > g->n || seen[id]) {
            tsr_cli_err("%s: %s.identifier: %s", path, es.path,
                        id > g->n ? "larger than MAX_PARTICIPANTS" : tsr_check_name(TSR_CHECK_ID_DUPLICATE));
            rc = TSR_CLI_USAGE;
            goto out;
        }
        seen[id] = 1;
        if ((rc = tsr_cli_point(ctx, &g->vshares[id - 1], &es, e, "verifying_share")) != TSR_CLI_OK) {
            goto out;
        }
    }
out:
    json_decref(root);
    return rc;
}

/* Identity points (33 zero bytes) pass the decoder on purpose: the list check rejects them and
 * names the signer who sent one. */
int tsr_cli_commitment_parse(const tsr_context *ctx, tsr_frost_commitment *c, const tsr_cli_src *s,
                             const json_t *obj) {
    static const char *const keys[] = {"identifier", "hiding_nonce_commitment", "binding_nonce_commitment", NULL};
    int rc;
    if ((rc = tsr_cli_want_object(s, obj)) != TSR_CLI_OK || (rc = tsr_cli_only_keys(s, obj, keys)) != TSR_CLI_OK ||
        (rc = tsr_cli_ident(&c->id, s, obj, "identifier")) != TSR_CLI_OK ||
        (rc = tsr_cli_point_ex(ctx, &c->hiding, s, obj, "hiding_nonce_commitment", TSR_POINT_ALLOW_IDENTITY)) != TSR_CLI_OK ||
        (rc = tsr_cli_point_ex(ctx, &c->binding, s, obj, "binding_nonce_commitment", TSR_POINT_ALLOW_IDENTITY)) != TSR_CLI_OK) {
        return rc;
    }
    return TSR_CLI_OK;
}

json_t *tsr_cli_commitment_json(const tsr_context *ctx, const tsr_frost_commitment *c) {
    json_t *o = json_object();
    json_object_set_new(o, "identifier", json_integer((json_int_t)c->id));
    json_object_set_new(o, "hiding_nonce_commitment", tsr_cli_point_json(ctx, &c->hiding));
    json_object_set_new(o, "binding_nonce_commitment", tsr_cli_point_json(ctx, &c->binding));
    return o;
}

int tsr_cli_dispatch(const char *family, const char *usage, const tsr_cli_sub *subs, size_t nsubs, int argc,
                     char **argv) {
    size_t i;
    tsr_cli_prog = family;
    if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "help") == 0) {
        fputs(usage, argc < 1 ? stderr : stdout);
        return argc < 1 ? TSR_CLI_USAGE : TSR_CLI_OK;
    }
    for (i = 0; i < nsubs; i++) {
        if (strcmp(argv[0], subs[i].name) == 0) {
            tsr_cli_prog = subs[i].prog;
            return subs[i].fn(argc - 1, argv + 1);
        }
    }
    tsr_cli_err("unknown subcommand '%s' (try '%s --help')", argv[0], family);
    return TSR_CLI_USAGE;
}
