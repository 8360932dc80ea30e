/* Install test: a small program built against the installed libtessera through pkg-config. */
#include <stdio.h>
#include <string.h>

#include <tessera/tessera.h>

int main(void) {
    tsr_scalar secret, ids[3], shares[3], back;
    tsr_poly p;
    uint8_t rand[64], a[32], b[32];
    tsr_check why = TSR_CHECK_NONE;
    size_t i;
    memset(rand, 7, sizeof rand);
    tsr_scalar_set_u32(&secret, 42);
    for (i = 0; i < 3; i++) {
        tsr_scalar_set_u32(&ids[i], (uint32_t)(i + 1));
    }
    if (tsr_poly_init(&p, &secret, 2, rand, sizeof rand) != TSR_OK ||
        tsr_shamir_split(shares, ids, 3, &p, &why) != TSR_OK ||
        tsr_shamir_reconstruct(&back, ids + 1, shares + 1, 2, &why) != TSR_OK) {
        printf("install-hello: failed (%s)\n", tsr_check_name(why));
        return 1;
    }
    tsr_scalar_encode(a, &secret);
    tsr_scalar_encode(b, &back);
    tsr_poly_clear(&p);
    if (memcmp(a, b, 32) != 0) {
        printf("install-hello: reconstruction mismatch\n");
        return 1;
    }
    printf("install-hello: 2-of-3 share and reconstruct through the installed library: ok\n");
    return 0;
}
