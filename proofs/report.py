#!/usr/bin/python3
"""Reads the per-unit Frama-C reports that proofs/run.sh wrote, writes OUTDIR/goals.csv and
compares the not-proved properties with proofs/baseline.csv (see proofs/README.md).

Usage: report.py OUTDIR BASELINE [--update-baseline]

OUTDIR/units.txt lists one unit per line: "name<TAB>owned-source[,owned-source...]". For a unit
NAME, OUTDIR/NAME.csv is Frama-C's -report-csv output, OUTDIR/NAME.log its log and
OUTDIR/NAME.rc its exit status. A property counts for a unit only if its function is defined in
one of the unit's owned sources, so each function is counted once (static inline helpers of
ct.h are counted in the ct.h unit only).

A property is keyed by (file, function, property), where file is the owned source that defines
the function and property is "<kind>: <text>" as Frama-C prints it: no line numbers, so an
unrelated edit does not churn the baseline. Keys form a multiset (the same check can occur twice
in one function)."""

import collections
import csv
import os
import re
import sys

PROVED = ("Valid", "Partially proven", "Dead")  # "Dead": valid because unreachable
SKIPPED = ("Considered valid",)  # contracts of functions without a body here: assumptions
TODO = "TODO: justify"
HEADER = ["file", "function", "property", "justification"]


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


DEF_RE = re.compile(r"^(?!typedef\b|return\b|else\b)[A-Za-z_][\w \t\*]*?\b([A-Za-z_]\w*)\s*\(", re.M)


def defined_functions(path):
    """Names of the functions defined (with a body) at file scope in a C source or header."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = strip_comments(f.read())
    except OSError:
        return set()
    names = set()
    for m in DEF_RE.finditer(text):
        rest = text[m.end():]
        # Skip the parameter list, then a body starts with '{', a prototype ends with ';'.
        depth, i = 1, 0
        while i < len(rest) and depth > 0:
            if rest[i] == "(":
                depth += 1
            elif rest[i] == ")":
                depth -= 1
            i += 1
        tail = rest[i:].lstrip()
        if tail.startswith("{"):
            names.add(m.group(1))
    return names


def function_bodies(path):
    """{name: body text} for the functions defined in a C file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = strip_comments(f.read())
    bodies = {}
    for m in DEF_RE.finditer(text):
        j = text.find("{", m.end())
        k = text.find(";", m.end())
        if j < 0 or (0 <= k < j):
            continue
        depth, i = 0, j
        while i < len(text):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        bodies[m.group(1)] = text[j:i + 1]
    return bodies


def ct_used(ct_h, src):
    """The ct.h helpers present in a source's translation unit (comma-separated): all of them if
    it includes ct.h (Frama-C keeps unused static inline functions), else none."""
    bodies = function_bodies(ct_h)
    with open(src, encoding="utf-8", errors="replace") as f:
        text = strip_comments(f.read())
    if re.search(r'^\s*#\s*include\s+"ct\.h"', text, flags=re.M):
        return ",".join(sorted(bodies))
    todo = [n for n in bodies if re.search(r"\b%s\b" % n, text)]
    used = set()
    while todo:
        n = todo.pop()
        if n in used:
            continue
        used.add(n)
        todo.extend(m for m in bodies if m not in used and re.search(r"\b%s\b" % m, bodies[n]))
    return ",".join(sorted(used))


def why3_goals(log):
    """[(module, goal, proved)] from the output of why3 prove."""
    res = []
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return res
    goal = None
    for line in lines:
        m = re.match(r"Goal (\w+)\.", line.strip())
        if m:
            goal = m.group(1)
            continue
        m = re.match(r"Prover result is: (\w+)", line.strip())
        if m and goal:
            res.append((goal, m.group(1) == "Valid"))
            goal = None
    return res


def wp_goals(log):
    """(proved, total) from WP's 'Proved goals: N / M' lines of a log."""
    proved = total = 0
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.search(r"Proved goals:\s*(\d+)\s*/\s*(\d+)", line)
                if m:
                    proved += int(m.group(1))
                    total += int(m.group(2))
    except OSError:
        pass
    return proved, total


def read_baseline(path):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l for l in f if l.strip() and not l.startswith("#")]
    reader = csv.reader(lines, delimiter=";")
    for i, row in enumerate(reader):
        if i == 0 and row[:3] == HEADER[:3]:
            continue
        if len(row) < 3:
            continue
        just = row[3].strip() if len(row) > 3 else ""
        rows.append(((row[0], row[1], row[2]), just))
    return rows


def write_baseline(path, rows):
    rows = sorted(rows, key=lambda r: (r[0][0], r[0][1], r[0][2]))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("# Not-proved WP properties of `make proofs`, one justification each (proofs/README.md).\n")
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(HEADER)
        for key, just in rows:
            w.writerow([key[0], key[1], key[2], just])


def bad_justification(just):
    j = just.strip()
    return j == "" or j.upper().startswith("TODO")


def main(argv):
    if len(argv) == 4 and argv[1] == "--ct-used":
        print(ct_used(argv[2], argv[3]))
        return 0
    if len(argv) < 3:
        print("usage: report.py OUTDIR BASELINE [--update-baseline]")
        return 2
    outdir, baseline_path = argv[1], argv[2]
    update = "--update-baseline" in argv[3:]

    units = []
    with open(os.path.join(outdir, "units.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                name, owned = line.split("\t")
                units.append((name, owned.split(",")))

    goals_rows = []
    unproved = []  # keys, in order
    failed_units = []
    failed_files = set()
    n_goals = m_goals = 0
    per_unit = []
    for name, owned in units:
        csv_path = os.path.join(outdir, name + ".csv")
        log_path = os.path.join(outdir, name + ".log")
        rc_path = os.path.join(outdir, name + ".rc")
        try:
            rc = int(open(rc_path).read().strip() or "1")
        except (OSError, ValueError):
            rc = 1
        label = os.path.basename(owned[0])
        if owned[0].endswith(".mlw"):
            # Bit-vector lemmas proved by why3 directly: one goal each, keyed by goal name.
            goals = why3_goals(log_path)
            n_decl = 0
            try:
                with open(owned[0], encoding="utf-8") as f:
                    n_decl = len(re.findall(r"^\s*goal\s", f.read(), flags=re.M))
            except OSError:
                pass
            if rc != 0 and not goals or len(goals) != n_decl:
                failed_units.append((name, rc if rc else 1, log_path))
                failed_files.add(label)
                per_unit.append((label, None, None, None, None))
                continue
            ok = 0
            for goal, proved in goals:
                key = (label, goal, "lemma: " + goal)
                goals_rows.append([label, goal, "lemma", goal, "Valid" if proved else "Unknown", owned[0]])
                if proved:
                    ok += 1
                else:
                    unproved.append(key)
            n_goals += ok
            m_goals += len(goals)
            per_unit.append((label, ok, len(goals), ok, len(goals)))
            continue
        if rc != 0 or not os.path.exists(csv_path):
            failed_units.append((name, rc, log_path))
            failed_files.add(label)
            per_unit.append((label, None, None, None, None))
            continue
        fn_file = {}
        for src in owned:
            for fn in defined_functions(src):
                fn_file.setdefault(fn, os.path.basename(src))
        p_ok = p_all = 0
        with open(csv_path, encoding="utf-8", errors="replace", newline="") as f:
            reader = csv.reader(f, delimiter="\t")
            header = next(reader, None)
            for row in reader:
                if len(row) < 7:
                    continue
                _dir, _file, line, fn, kind, status, prop = row[:7]
                if fn not in fn_file or status in SKIPPED:
                    continue
                key = (fn_file[fn], fn, "%s: %s" % (kind, prop))
                proved = status in PROVED or status.startswith("Valid")
                goals_rows.append([key[0], fn, kind, prop, status, "%s/%s:%s" % (_dir, _file, line)])
                p_all += 1
                if proved:
                    p_ok += 1
                else:
                    unproved.append(key)
        g_ok, g_all = wp_goals(log_path)
        n_goals += g_ok
        m_goals += g_all
        per_unit.append((label, g_ok, g_all, p_ok, p_all))

    with open(os.path.join(outdir, "goals.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["file", "function", "kind", "property", "status", "location"])
        for r in sorted(goals_rows, key=lambda r: (r[0], r[1], r[5])):
            w.writerow(r)

    baseline = read_baseline(baseline_path)

    if update:
        pool = collections.defaultdict(list)
        for key, just in baseline:
            pool[key].append(just)
        new_rows = []
        for key in unproved:
            just = pool[key].pop(0) if pool[key] else TODO
            new_rows.append((key, just))
        # Keep the entries of units that did not run (their status is unknown).
        for key, justs in pool.items():
            if key[0] in failed_files:
                new_rows.extend((key, j) for j in justs)
        write_baseline(baseline_path, new_rows)
        print("proofs: wrote %s (%d entries, %d to justify)" % (
            baseline_path, len(new_rows), sum(1 for _, j in new_rows if bad_justification(j))))
        baseline = read_baseline(baseline_path)

    # A unit entry "file;*;unit not proved;justification" marks a file whose proof is not done
    # yet: its unproved goals and a time-out of its unit are reported as PENDING with that
    # justification instead of failing. Every run prints them; remove the entry once it proves.
    unit_entries = {k[0]: j for k, j in baseline if k[1] == "*" and k[2] == "unit not proved"}
    pending_goals = [k for k in unproved if k[0] in unit_entries]
    unproved = [k for k in unproved if k[0] not in unit_entries]

    # Multiset comparison.
    remaining = collections.defaultdict(list)
    for key, just in baseline:
        remaining[key].append(just)
    new = []
    baselined_ok = 0
    baselined_bad = []
    for key in unproved:
        if remaining[key]:
            just = remaining[key].pop(0)
            if bad_justification(just):
                baselined_bad.append(key)
            else:
                baselined_ok += 1
        else:
            new.append(key)
    stale = [(k, j) for k, js in remaining.items() for j in js if k[0] not in failed_files]
    bad_unmatched = [(k, j) for k, j in stale if bad_justification(j)]

    # Output.
    for label, g_ok, g_all, p_ok, p_all in per_unit:
        if g_ok is None:
            print("proofs: %s: frama-c failed" % label)
        else:
            print("proofs: %s: %d of %d goals proved (%d of %d properties)" % (label, g_ok, g_all, p_ok, p_all))
    pending = [(n, rc, log) for n, rc, log in failed_units
               if os.path.basename(dict(units)[n][0]) in unit_entries and
               not bad_justification(unit_entries[os.path.basename(dict(units)[n][0])])]
    failed_units = [u for u in failed_units if u not in pending]
    stale = [(k, j) for k, j in stale if not (k[1] == "*" and k[2] == "unit not proved")]
    for name, rc, log in pending:
        label = os.path.basename(dict(units)[name][0])
        print("PENDING (baselined) frama-c on %s exited %d, not proved: %s" % (name, rc, unit_entries[label]))
    for name, rc, log in failed_units:
        print("FAIL frama-c on %s exited %d; see %s" % (name, rc, log))
        try:
            with open(log, encoding="utf-8", errors="replace") as f:
                errs = [l.rstrip() for l in f if "Error" in l or "error" in l.lower() and "[kernel" in l]
            for l in errs[:5]:
                print("    " + l)
        except OSError:
            pass
    for key in new:
        print("NEW unproved (not in baseline): %s;%s;%s" % key)
    for key in baselined_bad:
        print("FAIL baseline entry has no justification: %s;%s;%s" % key)
    for key, just in bad_unmatched:
        print("FAIL baseline entry has no justification (and is stale): %s;%s;%s" % key)
    for key, just in stale:
        print("stale, remove (now proved or gone): %s;%s;%s" % key)
    for label, just in sorted(unit_entries.items()):
        n_p = sum(1 for k in pending_goals if k[0] == label)
        print("PENDING %s: %d unproved properties not gating (baseline unit entry: %s)" % (label, n_p, just))
    print("proofs: %d unproved properties, %d of them baselined with a justification, %d new" % (
        len(unproved), baselined_ok, len(new)))
    print("proofs: %d of %d goals proved" % (n_goals, m_goals))
    passed = sum(1 for r in goals_rows if r[4] in PROVED or r[4].startswith("Valid")) + baselined_ok
    failed = len(new) + len(baselined_bad) + len(bad_unmatched) + len(failed_units)
    print("proofs: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
