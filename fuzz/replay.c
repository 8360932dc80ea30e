/* Corpus replay main: runs tsr_fuzz_one on every file named on the command line or found in a
 * directory named there, and prints "fuzz-<name>: N passed, 0 failed" (the line make check adds
 * up). A property failure aborts and a sanitizer error stops the process, so a bad input never
 * reaches the summary line. Usage: replay_<name> DIR|FILE... */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static unsigned long tsr_replay_passed;
static unsigned long tsr_replay_failed;

/* The harness name: TSR_FUZZ_NAME if the build defines it, else argv[0] without its directory
 * and without a leading "replay_" (build/fuzz/replay_frame -> frame). */
static const char *tsr_replay_name(const char *argv0) {
#ifdef TSR_FUZZ_NAME
    (void)argv0;
    return TSR_FUZZ_NAME;
#else
    const char *slash = strrchr(argv0, '/');
    const char *base = slash != NULL ? slash + 1 : argv0;
    if (strncmp(base, "replay_", 7) == 0) {
        base += 7;
    }
    return base;
#endif
}

/* Reads path into an exactly sized heap buffer (so ASan flags any read past the input) and runs
 * the harness on it. */
static void tsr_replay_file(const char *path) {
    FILE *fp = fopen(path, "rb");
    uint8_t *buf = NULL;
    long size;
    size_t len;
    if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        tsr_replay_failed++;
        if (fp != NULL) {
            fclose(fp);
        }
        return;
    }
    len = (size_t)size;
    buf = malloc(len == 0 ? 1 : len);
    if (buf == NULL || (len != 0 && fread(buf, 1, len, fp) != len)) {
        fprintf(stderr, "%s: cannot read %zu bytes\n", path, len);
        tsr_replay_failed++;
        free(buf);
        fclose(fp);
        return;
    }
    fclose(fp);
    if (tsr_fuzz_one(len == 0 ? NULL : buf, len) != 0) {
        fprintf(stderr, "%s: harness returned non-zero\n", path);
        tsr_replay_failed++;
    } else {
        tsr_replay_passed++;
    }
    free(buf);
}

static int tsr_replay_filter(const struct dirent *d) {
    return d->d_name[0] != '.'; /* skips ., .. and hidden files such as AFL++'s .state */
}

/* Replays a file, or every regular file of a directory in name order (not recursive). */
static void tsr_replay_path(const char *path) {
    struct stat st;
    struct dirent **names = NULL;
    int n, i;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        tsr_replay_failed++;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        tsr_replay_file(path);
        return;
    }
    n = scandir(path, &names, tsr_replay_filter, alphasort);
    if (n < 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        tsr_replay_failed++;
        return;
    }
    for (i = 0; i < n; i++) {
        char full[4096];
        struct stat fst;
        int w = snprintf(full, sizeof full, "%s/%s", path, names[i]->d_name);
        if (w > 0 && (size_t)w < sizeof full && stat(full, &fst) == 0 && S_ISREG(fst.st_mode)) {
            tsr_replay_file(full);
        }
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv) {
    const char *name = tsr_replay_name(argc > 0 ? argv[0] : "replay");
    int i;
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR|FILE...\n", argc > 0 ? argv[0] : "replay");
        printf("fuzz-%s: 0 passed, 1 failed\n", name);
        return 2;
    }
    for (i = 1; i < argc; i++) {
        tsr_replay_path(argv[i]);
    }
    if (tsr_replay_passed == 0 && tsr_replay_failed == 0) {
        fprintf(stderr, "no input found\n");
        tsr_replay_failed = 1; /* an empty corpus is a broken set-up, not a pass */
    }
    printf("fuzz-%s: %lu passed, %lu failed\n", name, tsr_replay_passed, tsr_replay_failed);
    return tsr_replay_failed == 0 ? 0 : 1;
}
