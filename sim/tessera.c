/* The `tessera` command-line tool: entry point and sub-command dispatch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tessera/tessera.h"
#include "cli.h"
#include "demo.h"
#include "rng.h"
#include "sim.h"

static void usage(FILE *f) {
    fprintf(f,
            "usage: tessera COMMAND [OPTIONS]\n"
            "\n"
            "commands:\n"
            "  demo [--seed S]   a readable 3-of-5 verifiable sharing: deal, verify, catch a\n"
            "                    tampered share, reconstruct (secrets shown as fingerprints only)\n"
            "  checks            list the check ids that errors and blame records refer to\n"
            "  frost SUB         FROST signing as one participant, JSON in and out:\n"
            "                    keygen --dealer, commit, sign, aggregate, verify\n"
            "  dkg SUB           distributed key generation as one participant, round by round:\n"
            "                    round1 .. round5, finalize, verify\n"
            "  vectors check F.. recompute every value of RFC 9591-shaped FROST vector files\n"
            "  sim SUB           the adversarial simulator: run SCENARIO, sweep SWEEP --out DIR,\n"
            "                    random --runs N, strategies, fields\n"
            "  version           print the library version\n"
            "  help              this text\n"
            "\n"
            "Randomness comes from the OS unless --seed is given (then the run is reproducible).\n"
            "Every frost, dkg and vectors subcommand documents its options and JSON fields with\n"
            "--help. Exit status: 0 success, 1 verification failed, 2 usage or input error.\n");
}

static int cmd_demo(int argc, char **argv) {
    tsr_sim_rng rng;
    tsr_context *ctx;
    uint8_t blind[32];
    int rc;
    if (argc == 2 && strcmp(argv[0], "--seed") == 0) {
        char *end = NULL;
        unsigned long long s = strtoull(argv[1], &end, 0);
        if (end == argv[1] || *end != 0) {
            fprintf(stderr, "tessera demo: --seed needs a number, got '%s'\n", argv[1]);
            return 2;
        }
        tsr_sim_rng_init_seed(&rng, s);
    } else if (argc == 0) {
        tsr_sim_rng_init_os(&rng);
    } else {
        fprintf(stderr, "tessera demo: unexpected argument '%s'\n", argv[0]);
        return 2;
    }
    if (tsr_sim_rng_fill(&rng, blind, sizeof blind) != 0 || (ctx = tsr_context_create(blind)) == NULL) {
        fprintf(stderr, "tessera demo: cannot create a context\n");
        return 1;
    }
    rc = tsr_demo_run(ctx, &rng);
    tsr_context_destroy(ctx);
    tsr_sim_rng_clear(&rng);
    tsr_memzero(blind, sizeof blind);
    return rc;
}

static int cmd_checks(void) {
    int c;
    for (c = 0; c < TSR_CHECK__COUNT; c++) {
        printf("%2d  %s\n", c, tsr_check_name(c));
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "demo") == 0) {
        return cmd_demo(argc - 2, argv + 2);
    }
    if (strcmp(argv[1], "checks") == 0) {
        return cmd_checks();
    }
    if (strcmp(argv[1], "frost") == 0 || strcmp(argv[1], "dkg") == 0 || strcmp(argv[1], "vectors") == 0) {
        tsr_cli_json_init();
        if (argv[1][0] == 'f') {
            return tsr_cli_frost_main(argc - 2, argv + 2);
        }
        return argv[1][0] == 'd' ? tsr_cli_dkg_main(argc - 2, argv + 2) : tsr_cli_vectors_main(argc - 2, argv + 2);
    }
    if (strcmp(argv[1], "sim") == 0) {
        /* jansson keeps its default allocator here: sim JSON holds no secret, and the report
         * writers free json_dumps() buffers with free() */
        return tsr_cli_sim_main(argc - 2, argv + 2);
    }
    if (strcmp(argv[1], "version") == 0) {
        printf("tessera %d.%d.%d\n", TSR_VERSION_MAJOR, TSR_VERSION_MINOR, TSR_VERSION_PATCH);
        return 0;
    }
    fprintf(stderr, "tessera: unknown command '%s' (try 'tessera help')\n", argv[1]);
    return 2;
}
