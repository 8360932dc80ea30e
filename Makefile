# Tessera: one make, no configure step. `make check` is the test command (see README.md).

.SUFFIXES:

CC       := gcc
PREFIX   ?= /usr/local
LIBDIR   ?= $(PREFIX)/lib
INCDIR   ?= $(PREFIX)/include
BINDIR   ?= $(PREFIX)/bin
PYTHON   := /usr/bin/python3
FUZZ_SECONDS ?= 60

VERSION  := 0.1.0
SOMAJOR  := 0

WARN     := -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wcast-qual -Wcast-align -Wundef -Wconversion -Wvla -Wformat=2 -Wno-unused-function
CSTD     := -std=c11
OPT      ?= -O2 -g
CPPFLAGS_T := -Iref/include -Iref/src -D_DEFAULT_SOURCE
CFLAGS_T := $(CSTD) $(OPT) $(WARN) $(EXTRA_CFLAGS)
LIBS     := -lsecp256k1 -lgmp
SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

B        := build
LIB_SRC  := $(sort $(wildcard ref/src/*.c))
LIB_HDR  := $(wildcard ref/include/tessera/*.h ref/src/*.h)
LIB_OBJ  := $(patsubst ref/src/%.c,$(B)/obj/%.o,$(LIB_SRC))
ASAN_OBJ := $(patsubst ref/src/%.c,$(B)/asan/obj/%.o,$(LIB_SRC))

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))
UNIT_ASAN:= $(patsubst tests/unit/%.c,$(B)/asan/tests/%,$(UNIT_SRC))

FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_NAMES := $(patsubst fuzz/fuzz_%.c,%,$(FUZZ_SRC))
FUZZ_REPLAY := $(patsubst %,$(B)/fuzz/replay_%,$(FUZZ_NAMES))

SIM_SRC  := $(sort $(wildcard sim/*.c))
# The tessera tool (sim/ only, never ref/) parses JSON with Debian's jansson (libjansson-dev).
SIM_CFLAGS := $(shell pkg-config --cflags jansson 2>/dev/null)
SIM_LIBS   := $(or $(shell pkg-config --libs jansson 2>/dev/null),-ljansson)

.PHONY: all lib clean check demo install uninstall deps unit asan exhaustive vectors vectors-check cli sim sim-scale \
        py fuzz-replay fuzz ctime proofs install-test bench

all: lib $(B)/tessera

lib: $(B)/libtessera.a $(B)/libtessera.so.$(VERSION)

# ---- library ---------------------------------------------------------------------------------
$(B)/obj/%.o: ref/src/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) $(CFLAGS_T) -fPIC -fvisibility=default -c $< -o $@

$(B)/libtessera.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(B)/libtessera.so.$(VERSION): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libtessera.so.$(SOMAJOR) -o $@ $(LIB_OBJ) $(LIBS)
	ln -sf libtessera.so.$(VERSION) $(B)/libtessera.so.$(SOMAJOR)
	ln -sf libtessera.so.$(SOMAJOR) $(B)/libtessera.so

$(B)/asan/obj/%.o: ref/src/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) $(CFLAGS_T) -DTSR_VERIFY $(SAN) -c $< -o $@

$(B)/asan/libtessera.a: $(ASAN_OBJ)
	rm -f $@
	ar rcs $@ $(ASAN_OBJ)

# ---- command-line tool and simulator ---------------------------------------------------------
# sim/*.c: one object each; libsim.a is everything but main (tests/sim and fuzz/fuzz_sim link it).
SIM_HDR  := $(wildcard sim/*.h)
SIM_OBJ  := $(patsubst sim/%.c,$(B)/sim/%.o,$(SIM_SRC))
SIM_LIBSRC := $(filter-out sim/tessera.c,$(SIM_SRC))
$(B)/sim/%.o: sim/%.c $(SIM_HDR) $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) -Isim $(SIM_CFLAGS) $(CFLAGS_T) -c $< -o $@

$(B)/libsim.a: $(filter-out $(B)/sim/tessera.o,$(SIM_OBJ))
	rm -f $@
	ar rcs $@ $^

$(B)/tessera: $(B)/sim/tessera.o $(B)/libsim.a $(B)/libtessera.a
	$(CC) $(CFLAGS_T) $(B)/sim/tessera.o $(B)/libsim.a $(B)/libtessera.a $(LIBS) $(SIM_LIBS) -o $@

# Simulator unit tests (tests/sim/test_*.c): plain, and with ASan+UBSan over the sim sources.
SIMT_SRC := $(sort $(wildcard tests/sim/test_*.c))
SIMT_BIN := $(patsubst tests/sim/%.c,$(B)/tests/sim/%,$(SIMT_SRC))
SIMT_ASAN:= $(patsubst tests/sim/%.c,$(B)/asan/tests/sim/%,$(SIMT_SRC))
$(B)/tests/sim/%: tests/sim/%.c tests/tsr_test.h $(B)/libsim.a $(B)/libtessera.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) -Isim -Itests $(SIM_CFLAGS) $(CFLAGS_T) $< $(B)/libsim.a $(B)/libtessera.a $(LIBS) $(SIM_LIBS) -o $@

$(B)/asan/tests/sim/%: tests/sim/%.c tests/tsr_test.h $(SIM_LIBSRC) $(SIM_HDR) $(B)/asan/libtessera.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) -Isim -Itests $(SIM_CFLAGS) $(CFLAGS_T) -DTSR_VERIFY $(SAN) $< $(SIM_LIBSRC) \
	  $(B)/asan/libtessera.a $(LIBS) $(SIM_LIBS) -o $@

# ---- tests -----------------------------------------------------------------------------------
$(B)/tests/%: tests/unit/%.c tests/tsr_test.h $(B)/libtessera.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) -Itests $(CFLAGS_T) $< $(B)/libtessera.a $(LIBS) -o $@

$(B)/asan/tests/%: tests/unit/%.c tests/tsr_test.h $(B)/asan/libtessera.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) -Itests $(CFLAGS_T) -DTSR_VERIFY $(SAN) $< $(B)/asan/libtessera.a $(LIBS) -o $@

# The exhaustive test links the real shamir/vss code against a tiny prime-order group that
# implements scalar.h and point.h (tests/exhaustive/tiny_group.c).
EXH_SRC := tests/exhaustive/test_exhaustive.c tests/exhaustive/tiny_group.c ref/src/shamir.c ref/src/vss.c \
           ref/src/common.c ref/src/hash.c
$(B)/tests/exhaustive: $(EXH_SRC) $(LIB_HDR) tests/tsr_test.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) -Itests $(CFLAGS_T) -DTSR_VERIFY $(SAN) -DTSR_TINY_GROUP $(EXH_SRC) $(LIBS) -o $@

LOGS := $(B)/logs

unit: $(UNIT_BIN)
	@mkdir -p $(LOGS)
	@for t in $(UNIT_BIN); do n=$$(basename $$t); $$t > $(LOGS)/unit-$$n.log 2>&1; rc=$$?; \
	  tail -n 1 $(LOGS)/unit-$$n.log; [ $$rc -eq 0 ] || echo "$$n (plain): exit $$rc"; done

asan: $(UNIT_ASAN)
	@mkdir -p $(LOGS)
	@for t in $(UNIT_ASAN); do n=$$(basename $$t); $$t > $(LOGS)/asan-$$n.log 2>&1; rc=$$?; \
	  sed -i 's/^\([a-z_0-9-]*\): \([0-9]* passed\)/\1 (asan+verify): \2/' $(LOGS)/asan-$$n.log; \
	  tail -n 1 $(LOGS)/asan-$$n.log; [ $$rc -eq 0 ] || echo "$$n (asan): exit $$rc"; done

exhaustive: $(B)/tests/exhaustive
	@mkdir -p $(LOGS)
	@$(B)/tests/exhaustive > $(LOGS)/exhaustive.log 2>&1; rc=$$?; tail -n 1 $(LOGS)/exhaustive.log; \
	  [ $$rc -eq 0 ] || echo "exhaustive: exit $$rc"

# ---- vectors ---------------------------------------------------------------------------------
GV_SRCS := $(wildcard vectors/gen/*.c)
VECTOR_DIRS := sharing frost dkg
$(B)/gen_vectors: $(GV_SRCS) vectors/gen/gv.h $(B)/libtessera.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) $(CFLAGS_T) $(GV_SRCS) $(B)/libtessera.a $(LIBS) -o $@

vectors: $(B)/gen_vectors
	$(B)/gen_vectors vectors

vectors-check: $(B)/gen_vectors
	@mkdir -p $(LOGS)
	@rm -rf $(B)/vectors-regen; mkdir -p $(B)/vectors-regen
	@$(B)/gen_vectors $(B)/vectors-regen > /dev/null; \
	 if (for d in $(VECTOR_DIRS); do diff -r vectors/$$d $(B)/vectors-regen/$$d || exit 1; done) > $(LOGS)/vectors-drift.log; then \
	   echo "vectors-regen: $$(ls $(patsubst %,vectors/%/*.json,$(VECTOR_DIRS)) | wc -l) passed, 0 failed" | tee $(LOGS)/vectors-check.log; \
	 else echo "vectors drifted from 'make vectors' (see $(LOGS)/vectors-drift.log)"; \
	   echo "vectors-regen: 0 passed, 1 failed" | tee $(LOGS)/vectors-check.log; fi

py:
	@mkdir -p $(LOGS)
	@$(PYTHON) -m pytest -q -p no:cacheprovider tests/py > $(LOGS)/py.log 2>&1; rc=$$?; \
	  p=$$(grep -oE '[0-9]+ passed' $(LOGS)/py.log | tail -1 | cut -d' ' -f1); \
	  f=$$(grep -oE '[0-9]+ (failed|error)' $(LOGS)/py.log | awk '{s+=$$1} END {print s+0}'); \
	  [ $$rc -eq 0 ] || [ "$$f" -gt 0 ] || f=1; \
	  echo "python-model: $${p:-0} passed, $$f failed" | tee -a $(LOGS)/py.log

# ---- fuzzing ---------------------------------------------------------------------------------
$(B)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c $(wildcard fuzz/*.h) $(B)/asan/libtessera.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) -Ifuzz $(CFLAGS_T) -DTSR_VERIFY $(SAN) $< fuzz/replay.c $(B)/asan/libtessera.a $(LIBS) -o $@

# The adversary harness (fuzz/fuzz_sim.c) links the simulator's sources as well.
$(B)/fuzz/replay_sim: fuzz/fuzz_sim.c fuzz/replay.c $(wildcard fuzz/*.h) $(SIM_LIBSRC) $(SIM_HDR) $(B)/asan/libtessera.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) -Ifuzz -Isim $(SIM_CFLAGS) $(CFLAGS_T) -DTSR_VERIFY $(SAN) $< fuzz/replay.c $(SIM_LIBSRC) \
	  $(B)/asan/libtessera.a $(LIBS) $(SIM_LIBS) -o $@

$(B)/afl/fuzz_sim: fuzz/fuzz_sim.c fuzz/afl.c $(wildcard fuzz/*.h) $(SIM_LIBSRC) $(SIM_HDR) $(LIB_SRC) $(LIB_HDR)
	@mkdir -p $(@D)
	$(AFL_SAN) $(AFL_CC) $(CPPFLAGS_T) -Ifuzz -Isim $(SIM_CFLAGS) -std=c11 -O2 -g -DTSR_VERIFY $< fuzz/afl.c \
	  $(SIM_LIBSRC) $(LIB_SRC) $(LIBS) $(SIM_LIBS) -o $@

fuzz-replay: $(FUZZ_REPLAY)
	@mkdir -p $(LOGS)
	@for n in $(FUZZ_NAMES); do $(B)/fuzz/replay_$$n fuzz/corpus/$$n > $(LOGS)/fuzz-$$n.log 2>&1; rc=$$?; \
	  tail -n 1 $(LOGS)/fuzz-$$n.log; [ $$rc -eq 0 ] || echo "fuzz-$$n: exit $$rc"; done

AFL_CC ?= afl-clang-fast
# AFL++ builds carry ASan and UBSan (AFL_USE_ASAN/UBSAN make afl-clang-fast add them), so an
# out-of-bounds read inside the persistent loop is a crash, not a silent pass.
AFL_SAN ?= AFL_USE_ASAN=1 AFL_USE_UBSAN=1
$(B)/afl/fuzz_%: fuzz/fuzz_%.c fuzz/afl.c $(wildcard fuzz/*.h) $(LIB_SRC) $(LIB_HDR)
	@mkdir -p $(@D)
	$(AFL_SAN) $(AFL_CC) $(CPPFLAGS_T) -Ifuzz -std=c11 -O2 -g -DTSR_VERIFY $< fuzz/afl.c $(LIB_SRC) $(LIBS) -o $@

# One campaign per harness, FUZZ_SECONDS each, from the committed seeds and dictionary into a
# fresh build/afl-out/<name> (a previous campaign's output is removed). Prints execs, corpus size
# and crashes per harness from AFL++'s fuzzer_stats; fails if any campaign saved a crash.
fuzz: $(patsubst %,$(B)/afl/fuzz_%,$(FUZZ_NAMES))
	@mkdir -p $(B)/afl-out; bad=0; \
	for n in $(FUZZ_NAMES); do \
	  echo "fuzzing $$n for $(FUZZ_SECONDS)s"; rm -rf $(B)/afl-out/$$n; \
	  dict=""; [ -f fuzz/dict/$$n.dict ] && dict="-x fuzz/dict/$$n.dict"; \
	  AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
	  afl-fuzz -V $(FUZZ_SECONDS) -i fuzz/corpus/$$n -o $(B)/afl-out/$$n $$dict -- $(B)/afl/fuzz_$$n \
	    > $(B)/afl-$$n.log 2>&1; rc=$$?; \
	  st=$(B)/afl-out/$$n/default/fuzzer_stats; \
	  if [ $$rc -ne 0 ] || [ ! -f $$st ]; then echo "afl-fuzz $$n failed (exit $$rc), see $(B)/afl-$$n.log"; \
	    tail -n 5 $(B)/afl-$$n.log; bad=1; continue; fi; \
	  awk -F' *: *' -v n=$$n '{v[$$1]=$$2} END {printf "fuzz %s: %s execs, %s corpus entries (%s found), %s crashes, %s hangs, edge coverage %s\n", \
	    n, v["execs_done"], v["corpus_count"], v["corpus_found"], v["saved_crashes"], v["saved_hangs"], v["bitmap_cvg"]}' $$st; \
	  for c in $$(ls $(B)/afl-out/$$n/default/crashes 2>/dev/null | grep -v README); do \
	    echo "CRASH $$n: $(B)/afl-out/$$n/default/crashes/$$c"; bad=1; done; \
	done; [ $$bad -eq 0 ]

# ---- constant time (Valgrind memcheck) -------------------------------------------------------
$(B)/ctime/ctime_test: tests/ctime/ctime_test.c $(LIB_SRC) $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_T) -Itests $(CSTD) -O2 -g $(WARN) -DTSR_CTIME tests/ctime/ctime_test.c $(LIB_SRC) $(LIBS) -o $@

ctime: $(B)/ctime/ctime_test
	@mkdir -p $(LOGS)
	@valgrind --tool=memcheck --error-exitcode=42 -q $(B)/ctime/ctime_test --canary > $(LOGS)/ctime-canary.log 2>&1; \
	  if [ $$? -eq 42 ]; then canary=ok; else canary=missed; fi; \
	  valgrind --tool=memcheck --error-exitcode=42 --track-origins=yes -q --suppressions=tests/ctime/libsecp256k1.supp $(B)/ctime/ctime_test > $(LOGS)/ctime.log 2>&1; rc=$$?; \
	  if [ $$canary != ok ]; then echo "ctime: the canary (a branch on a secret) was NOT reported: the test is blind" >> $(LOGS)/ctime.log; \
	    echo "ctime: 0 passed, 1 failed" >> $(LOGS)/ctime.log; \
	  elif [ $$rc -ne 0 ]; then echo "ctime: valgrind exit $$rc, $$(grep -c 'uninitialised' $(LOGS)/ctime.log) reports (see $(LOGS)/ctime.log)" >> $(LOGS)/ctime.log; \
	    echo "ctime: 0 passed, 1 failed" >> $(LOGS)/ctime.log; \
	  else echo "ctime: canary branch on a secret was reported, as it must be" >> $(LOGS)/ctime.log; \
	    grep -E '^ctime: [0-9]+ passed' $(LOGS)/ctime.log | tail -n 1 >> $(LOGS)/ctime.log; fi; \
	  tail -n 1 $(LOGS)/ctime.log

# ---- proofs (Frama-C WP) ---------------------------------------------------------------------
proofs:
	@mkdir -p $(LOGS)
	@proofs/run.sh $(B)/proofs 2>&1 | tee $(LOGS)/proofs.log | tail -n 3

# ---- install ---------------------------------------------------------------------------------
install: lib $(B)/tessera
	mkdir -p $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR)/tessera $(DESTDIR)$(BINDIR)
	cp $(B)/libtessera.a $(DESTDIR)$(LIBDIR)/
	cp $(B)/libtessera.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libtessera.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libtessera.so.$(SOMAJOR)
	ln -sf libtessera.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libtessera.so
	cp ref/include/tessera/*.h $(DESTDIR)$(INCDIR)/tessera/
	cp $(B)/tessera $(DESTDIR)$(BINDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCDIR@|$(INCDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' ref/tessera.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/tessera.pc

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/libtessera.a $(DESTDIR)$(LIBDIR)/libtessera.so* \
	      $(DESTDIR)$(LIBDIR)/pkgconfig/tessera.pc $(DESTDIR)$(BINDIR)/tessera
	rm -rf $(DESTDIR)$(INCDIR)/tessera

cli: $(B)/tessera
	@mkdir -p $(LOGS)
	@tests/cli/run.sh $(B)/tessera > $(LOGS)/cli.log 2>&1; tail -n 1 $(LOGS)/cli.log

# Simulator: its unit tests (plain and ASan), every scenario against its golden transcript, and
# randomized adversarial runs (tests/sim/run.sh).
sim: $(B)/tessera $(SIMT_BIN) $(SIMT_ASAN)
	@mkdir -p $(LOGS)
	@for t in $(SIMT_BIN) $(SIMT_ASAN); do n=$$(basename $$t); case $$t in *asan*) k=asan;; *) k=plain;; esac; \
	  $$t > $(LOGS)/simt-$$k-$$n.log 2>&1; rc=$$?; tail -n 1 $(LOGS)/simt-$$k-$$n.log; \
	  [ $$rc -eq 0 ] || echo "$$n ($$k): exit $$rc"; done
	@tests/sim/run.sh $(B)/tessera $(B)/sim-out > $(LOGS)/sim.log 2>&1; tail -n 1 $(LOGS)/sim.log

# The scale figure (not in make check: about 1.1 GB and 3.5 CPU minutes): a 256-party DKG with
# t = 171 and one signature; CPU per party and in total, as ratios to S, from the JSON report.
sim-scale: $(B)/tessera
	@$(B)/tessera sim run sim/scale/dkg-256.json --quiet --report $(B)/scale-256.json
	@$(PYTHON) -c 'import json,sys; r=json.load(open(sys.argv[1])); t=r["totals"]; p=[q for q in r["parties"] if q["party"]>0]; \
	  c=sorted(q["cpu_ms"] for q in p); print("S = %.1f us; total CPU %.1f s = %.3g S; per party median %.0f ms = %.0f S, max %.0f ms" % \
	  (t["S_ns"]/1e3, t["cpu_ms"]/1e3, t["cpu_S"], c[len(c)//2], c[len(c)//2]*1e6/t["S_ns"], c[-1]))' $(B)/scale-256.json

install-test: lib $(B)/tessera
	@mkdir -p $(LOGS)
	@tests/install/run.sh $(B)/install-test > $(LOGS)/install.log 2>&1; rc=$$?; tail -n 1 $(LOGS)/install.log; \
	  [ $$rc -eq 0 ] || echo "install: exit $$rc"

# ---- the two user-facing targets -------------------------------------------------------------
deps:
	@.ci/deps.sh

# The default scenario: a 3-of-5 DKG where party 2 sends party 4 a bad share and signer 5 later
# sends an invalid signature share; both are named, the honest parties produce a BIP340 signature.
demo: deps all
	@$(B)/tessera sim run sim/scenarios/demo.json --report $(B)/demo-report.json --svg $(B)/demo.svg
	@echo "report: $(B)/demo-report.json, sequence diagram: $(B)/demo.svg"
	@echo "(the verifiable-sharing walkthrough of the foundation: $(B)/tessera demo)"

check: deps
	@rm -rf $(LOGS); mkdir -p $(LOGS)
	@$(MAKE) --no-print-directory all 2>&1 | tail -n 2
	@-$(MAKE) -k --no-print-directory unit asan exhaustive vectors-check py fuzz-replay ctime proofs install-test cli sim
	@tests/summary.sh $(LOGS) $(patsubst %,unit-%,$(notdir $(UNIT_BIN))) $(patsubst %,asan-%,$(notdir $(UNIT_ASAN))) \
	  exhaustive vectors-check py $(patsubst %,fuzz-%,$(FUZZ_NAMES)) ctime proofs install cli \
	  $(patsubst %,simt-plain-%,$(notdir $(SIMT_BIN))) $(patsubst %,simt-asan-%,$(notdir $(SIMT_ASAN))) sim

$(B)/bench: tests/bench/bench.c $(B)/libtessera.a
	$(CC) $(CPPFLAGS_T) $(CFLAGS_T) $< $(B)/libtessera.a $(LIBS) -o $@

bench: $(B)/bench
	@$(B)/bench

clean:
	rm -rf $(B)
