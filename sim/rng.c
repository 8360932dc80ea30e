/* Randomness for the simulator and the CLI: the OS generator, or a seeded deterministic stream. */
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "tessera/tessera.h"
#include "rng.h"

void tsr_sim_rng_init_os(tsr_sim_rng *r) {
    memset(r, 0, sizeof *r);
}

void tsr_sim_rng_init_seed(tsr_sim_rng *r, uint64_t seed) {
    uint8_t s[8];
    int i;
    for (i = 0; i < 8; i++) {
        s[i] = (uint8_t)(seed >> (56 - 8 * i));
    }
    memset(r, 0, sizeof *r);
    r->seeded = 1;
    tsr_sha256(r->key, s, sizeof s);
}

int tsr_sim_rng_fill(tsr_sim_rng *r, uint8_t *out, size_t n) {
    if (!r->seeded) {
        while (n > 0) {
            ssize_t got = getrandom(out, n, 0);
            if (got < 0) {
                if (errno == EINTR) {
                    continue;
                }
                return -1;
            }
            out += got;
            n -= (size_t)got;
        }
        return 0;
    }
    while (n > 0) {
        static const uint8_t label[] = "TSR-SIM-RNG-v1";
        uint8_t ctr[8], block[32];
        size_t take = n < 32 ? n : 32;
        tsr_sha256_ctx h;
        int i;
        for (i = 0; i < 8; i++) {
            ctr[i] = (uint8_t)(r->counter >> (56 - 8 * i));
        }
        tsr_sha256_init(&h);
        tsr_sha256_update(&h, label, sizeof label - 1);
        tsr_sha256_update(&h, r->key, sizeof r->key);
        tsr_sha256_update(&h, ctr, sizeof ctr);
        tsr_sha256_final(&h, block);
        memcpy(out, block, take);
        tsr_memzero(block, sizeof block);
        out += take;
        n -= take;
        r->counter++;
    }
    return 0;
}

void tsr_sim_rng_clear(tsr_sim_rng *r) {
    tsr_memzero(r, sizeof *r);
}
