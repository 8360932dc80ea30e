/* Proof harness: makes Frama-C analyse every helper of ref/src/ct.h (static inline functions are
 * only kept where they are used). Not compiled into the library; only proofs/run.sh reads it. */
#include <stddef.h>
#include <stdint.h>

#include "ct.h"
#include "ct_bits.h"

uint32_t tsr_proof_ct_harness(uint8_t *dst, const uint8_t *src, size_t n, uint32_t x, uint32_t y,
                              uint32_t *w);

/*@ requires valid_dst: \valid(dst + (0 .. n - 1));
  @ requires valid_src: \valid_read(src + (0 .. n - 1));
  @ requires valid_w: \valid(w + (0 .. n - 1));
  @ requires sep: \separated(dst + (0 .. n - 1), src + (0 .. n - 1), w + (0 .. n - 1));
  @ assigns dst[0 .. n - 1], w[0 .. n - 1];
  @*/
uint32_t tsr_proof_ct_harness(uint8_t *dst, const uint8_t *src, size_t n, uint32_t x, uint32_t y,
                              uint32_t *w) {
    uint32_t acc = 0;
    uint32_t m = tsr_ct_eq_mask32(x, y);
    acc ^= tsr_ct_nonzero_mask32(x);
    acc ^= tsr_ct_zero_mask32(y);
    acc ^= tsr_ct_lt_mask32(x, y);
    acc ^= tsr_ct_select32(m, x, y);
    acc ^= tsr_ct_memeq_mask(dst, src, n);
    tsr_ct_cmov_bytes(dst, src, n, m);
    tsr_ct_wipe32(w, n);
    tsr_ct_wipe8(dst, n);
    return acc;
}
