/* AFL++ main: persistent mode when built with afl-clang-fast (__AFL_FUZZ_TESTCASE_LEN defined),
 * else one input read from stdin, so the same file also builds with a plain compiler. */
#include <string.h>

#include "fuzz.h"

#define TSR_AFL_MAX_INPUT (1u << 20) /* AFL++'s default maximum test case size */

#ifdef __AFL_FUZZ_TESTCASE_LEN
#include <unistd.h> /* read(), used by the AFL++ macros outside the fork server */
__AFL_FUZZ_INIT();
#endif

/* Copies the test case into an exactly sized heap buffer, so an ASan build of this main
 * (AFL_USE_ASAN=1) flags any read past the input, and runs the harness. */
static void tsr_afl_run(const uint8_t *data, size_t len) {
    uint8_t *copy = malloc(len == 0 ? 1 : len);
    if (copy == NULL) {
        abort();
    }
    if (len != 0) {
        memcpy(copy, data, len);
    }
    (void)tsr_fuzz_one(len == 0 ? NULL : copy, len);
    free(copy);
}

int main(void) {
#ifdef __AFL_FUZZ_TESTCASE_LEN
    const unsigned char *buf;
#ifdef __AFL_HAVE_MANUAL_CONTROL
    __AFL_INIT();
#endif
    buf = __AFL_FUZZ_TESTCASE_BUF; /* after __AFL_INIT */
    while (__AFL_LOOP(10000)) {
        int len = __AFL_FUZZ_TESTCASE_LEN;
        tsr_afl_run(buf, len > 0 ? (size_t)len : 0);
    }
    return 0;
#else
    static uint8_t buf[TSR_AFL_MAX_INPUT];
    size_t len = fread(buf, 1, sizeof buf, stdin);
    tsr_afl_run(buf, len);
    return 0;
#endif
}
