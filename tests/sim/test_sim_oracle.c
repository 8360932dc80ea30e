/* Simulator oracle, reports and plots: every oracle property must fail on a planted violation
 * (a false blame, an unexplained unresponsive mark, a changed key, a corrupted signature, too many
 * attempts, a missing signature, a reused nonce, a correct share guess), expectations must catch
 * each kind of mismatch, the secret scan must find a secret's hex (any case, inside longer hex)
 * and nothing else, and the texts of a clean run must hold no secret. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsr_test.h"
#include "sim.h"
#include "sim_internal.h"
#include "sim_plot.h"
static void hex(char *o, const uint8_t *p, size_t n, int up) {
    const char *x = up ? "0123456789ABCDEF" : "0123456789abcdef";
    for (size_t i = 0; i < n; i++) { o[2*i] = x[p[i] >> 4]; o[2*i+1] = x[p[i] & 15]; }
    o[2*n] = 0;
}

static tsr_sim *mk(tsr_sim_config *cfg) {
    char err[256]; tsr_sim *s = tsr_sim_create(cfg, err, sizeof err);
    if (s == NULL || tsr_sim_run(s, err, sizeof err) != 0) { printf("run failed: %s\n", err); exit(2); }
    return s;
}
static void negatives(void) {
    static tsr_sim_config cfg; tsr_sim *s; tsr_sim_result *r; const tsr_sim_keys *k;
    tsr_sim_config_default(&cfg); cfg.n = 4; cfg.t = 3; cfg.no_timing = 1; cfg.nsign = 2;
    /* BLAME_SOUND: a fake blame of honest 2 by honest 1 */
    s = mk(&cfg); r = tsr_sim_result_mut(s);
    CHECK(r->oracle[TSR_SIM_P_BLAME_SOUND].ok);
    tsr_sim_event_add(s, TSR_SIM_EV_BLAME, 1, 2, TSR_PHASE_SIGN, TSR_CHECK_SIGNATURE_SHARE, "fake");
    tsr_sim_oracle(s);
    CHECK(!r->oracle[TSR_SIM_P_BLAME_SOUND].ok); printf("neg blame_sound: %s\n", r->oracle[TSR_SIM_P_BLAME_SOUND].detail);
    tsr_sim_destroy(s);
    /* unresponsive mark of an undisturbed honest party */
    s = mk(&cfg); r = tsr_sim_result_mut(s);
    tsr_sim_event_add(s, TSR_SIM_EV_UNRESPONSIVE, 3, 4, TSR_PHASE_SIGN, TSR_CHECK_MISSING, "fake");
    tsr_sim_oracle(s);
    CHECK(!r->oracle[TSR_SIM_P_BLAME_SOUND].ok); printf("neg unresponsive: %s\n", r->oracle[TSR_SIM_P_BLAME_SOUND].detail);
    tsr_sim_destroy(s);
    /* AGREEMENT: one party's key differs; a party's signature corrupted */
    s = mk(&cfg); r = tsr_sim_result_mut(s);
    r->party[3].group_key[5] ^= 1; tsr_sim_oracle(s);
    CHECK(!r->oracle[TSR_SIM_P_AGREEMENT].ok); printf("neg agreement: %s\n", r->oracle[TSR_SIM_P_AGREEMENT].detail);
    r->party[3].group_key[5] ^= 1; r->party[2].sig[1][40] ^= 1; tsr_sim_oracle(s);
    CHECK(!r->oracle[TSR_SIM_P_AGREEMENT].ok); printf("neg agreement: %s\n", r->oracle[TSR_SIM_P_AGREEMENT].detail);
    r->party[2].sig[1][40] ^= 1; tsr_sim_oracle(s); CHECK(r->oracle[TSR_SIM_P_AGREEMENT].ok);
    /* LIVENESS: too many attempts; a failed signature */
    r->sign_attempts[1] = 2; tsr_sim_oracle(s);
    CHECK(!r->oracle[TSR_SIM_P_LIVENESS].ok); printf("neg liveness: %s\n", r->oracle[TSR_SIM_P_LIVENESS].detail);
    r->sign_attempts[1] = 1; { size_t sl = r->siglen[1]; r->siglen[1] = 0; tsr_sim_oracle(s); r->siglen[1] = sl; }
    CHECK(!r->oracle[TSR_SIM_P_LIVENESS].ok); printf("neg liveness: %s\n", r->oracle[TSR_SIM_P_LIVENESS].detail);
    tsr_sim_oracle(s); CHECK(r->oracle[TSR_SIM_P_LIVENESS].ok);
    /* SECRECY: a correct guess; a reused nonce */
    k = tsr_sim_keys_get(s);
    { uint8_t d[33]; memset(d, 7, sizeof d); d[0] = 2;
      tsr_sim_nonce_used(s, 2, d); tsr_sim_oracle(s); CHECK(r->oracle[TSR_SIM_P_SECRECY].ok);
      tsr_sim_nonce_used(s, 2, d); tsr_sim_oracle(s); CHECK(!r->oracle[TSR_SIM_P_SECRECY].ok);
      printf("neg secrecy: %s\n", r->oracle[TSR_SIM_P_SECRECY].detail); }
    tsr_sim_destroy(s);
    s = mk(&cfg); r = tsr_sim_result_mut(s); k = tsr_sim_keys_get(s);
    { tsr_scalar g = k->pkg[3].share; tsr_scalar one; uint8_t b[32] = {0}; b[31] = 1; tsr_scalar_decode(&one, b);
      tsr_scalar_add(&g, &g, &one); tsr_sim_adv_learned(s, 3, "share", &g); tsr_sim_oracle(s);
      CHECK(r->oracle[TSR_SIM_P_SECRECY].ok); printf("pos secrecy: %s\n", r->oracle[TSR_SIM_P_SECRECY].detail);
      tsr_sim_adv_learned(s, 3, "share", &k->pkg[3].share); tsr_sim_oracle(s);
      CHECK(!r->oracle[TSR_SIM_P_SECRECY].ok); printf("neg secrecy: %s\n", r->oracle[TSR_SIM_P_SECRECY].detail); }
    /* expectations */
    { tsr_sim_config *c = (tsr_sim_config *)(uintptr_t)tsr_sim_cfg(s);
      c->expect.set = 1; c->expect.outcome = TSR_SIM_OUTCOME_ABORT; tsr_sim_expect_check(s);
      CHECK(!r->expect_ok); printf("neg expect: %s\n", r->expect_detail);
      c->expect.outcome = TSR_SIM_OUTCOME_SUCCESS; tsr_sim_expect_check(s);
      CHECK(!r->expect_ok); printf("neg expect: %s\n", r->expect_detail); /* secrecy fails, not listed */
      c->expect.nviolations = 1; c->expect.violations[0] = TSR_SIM_P_SECRECY; tsr_sim_expect_check(s);
      CHECK(r->expect_ok); printf("pos expect: %s\n", r->expect_detail);
      c->expect.nblamed = 1; c->expect.blamed[0].party = 2; c->expect.blamed[0].check = -1; tsr_sim_expect_check(s);
      CHECK(!r->expect_ok); printf("neg expect: %s\n", r->expect_detail);
      c->expect.nblamed = 0; c->expect.max_sign_attempts = 1; r->sign_attempts[0] = 2; tsr_sim_expect_check(s);
      CHECK(!r->expect_ok); printf("neg expect: %s\n", r->expect_detail);
      r->sign_attempts[0] = 1; c->expect.equivocation_abort = 1; tsr_sim_expect_check(s);
      CHECK(!r->expect_ok); printf("neg expect: %s\n", r->expect_detail);
      c->expect.equivocation_abort = 0; c->expect.nunresponsive = 1; c->expect.unresponsive[0] = 1; tsr_sim_expect_check(s);
      CHECK(!r->expect_ok); printf("neg expect: %s\n", r->expect_detail); }
    tsr_sim_destroy(s);
}
int main(int argc, char **argv) {
    static tsr_sim_config cfg; char err[256]; tsr_sim *s; size_t len, ns;
    const tsr_sim_result *r;
    tsr_test_init("test_sim_oracle", argc, argv);
    tsr_sim_config_default(&cfg);
    cfg.n = 4; cfg.t = 3; cfg.no_timing = 1;
    s = tsr_sim_create(&cfg, err, sizeof err); CHECK(s != NULL);
    CHECK(tsr_sim_run(s, err, sizeof err) == 0);
    r = tsr_sim_result_get(s);
    ns = tsr_sim_nsecrets(s); CHECK(ns > 10);
    {
        char *t = tsr_sim_transcript(s, 1), *j = tsr_sim_report_json(s), *v = tsr_sim_svg(s);
        CHECK(t && j && v);
        CHECK(tsr_sim_scan_text(s, "transcript", t, strlen(t)) == 0);
        CHECK(tsr_sim_scan_text(s, "report", j, strlen(j)) == 0);
        CHECK(tsr_sim_scan_text(s, "svg", v, strlen(v)) == 0);
        CHECK(r->oracle[TSR_SIM_P_NO_LEAK].checked && r->oracle[TSR_SIM_P_NO_LEAK].ok);
        printf("no_leak detail: %s\n", r->oracle[TSR_SIM_P_NO_LEAK].detail);
        CHECK(strstr(j, "\"cpu_ms\": 0.0") != NULL);
        free(t); free(j); free(v);
    }
    {   /* a secret's hex inside a longer hex run, upper case, in a message */
        const uint8_t *p = tsr_sim_secret_at(s, ns / 2, &len);
        char h[2 * 64 + 1], text[400];
        CHECK(len == 32);
        hex(h, p, len, 1);
        snprintf(text, sizeof text, "error: value 0a%s77 is wrong", h);
        CHECK(tsr_sim_scan_text(s, "message", text, strlen(text)) == 1);
        CHECK(!r->oracle[TSR_SIM_P_NO_LEAK].ok);
        printf("leak detail: %s\n", r->oracle[TSR_SIM_P_NO_LEAK].detail);
        /* a prefix (63 digits) is not a hit */
        hex(h, p, len, 0); h[63] = 0;
        CHECK(tsr_sim_scan_text(s, "message", h, strlen(h)) == 0);
        hex(h, p, len, 0);
        CHECK(tsr_sim_scan_text(s, "message", h, strlen(h)) == 1);
        memset(h, 0, sizeof h);
    }
    tsr_sim_destroy(s);
    {   /* plots */
        const char *names[] = {"none", "bad_share <&>", "frost.sigshare.z:zero"};
        double x[4] = {3, 5, 7, 9}, y[12] = {1, 2, 3, 4, 1.5, 2.5, NAN, 4.5, 0.2, 0.4, 0.6, 0.8};
        char *a = tsr_sim_plot_lines("CPU per party vs n", "n", "CPU (S)", names, 3, x, y, 4);
        const char *rows[] = {"none", "bad_share", "invalid_share"}, *cols[] = {"detected", "identified", "succeeded"};
        double cells[9] = {0, 0, 1, 1, 1, 0, 1, 0.5, NAN};
        char *b = tsr_sim_plot_matrix("Outcomes", rows, 3, cols, 3, cells, NULL);
        CHECK(a && b);
        free(a); free(b);
        a = tsr_sim_plot_lines("empty", "x", "y", NULL, 0, NULL, NULL, 0);
        CHECK(a != NULL); free(a);
    }
    {
        double S = tsr_sim_calibrate_s();
        printf("S = %.0f ns\n", S);
        CHECK(S > 1000 && S < 10e6);
    }
    negatives();
    return tsr_test_done();
}
