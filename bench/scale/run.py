"""Time briefgen on synthetic corpora of growing size (issue 8) and append the table to RESULTS.md.

    .venv/bin/python bench/scale/run.py --sizes 100 1000 [10000] [--workdir DIR] [--seed S]
                                        [--one-command]

For each size N: generate.py writes the corpus (not timed), then four runs are timed, each a
child process whose wall time and peak memory are measured:

1. cold:  `briefgen render` with an empty cache (BRIEFGEN_CACHE_DIR=.cache-bench, next to
          mkdocs.yml)
2. +1:    the same after adding one article to the corpus (the cache of run 1 reused)
3. warm:  the same again, nothing changed
4. build: `mkdocs build --strict` into OUT/site, with the warm cache
5. one command (with --one-command): `mkdocs build --strict` with an empty cache and no
          generated pages, as `./dev build` runs on a fresh checkout: generation and MkDocs
          in one process (runs 1 and 4 add up a warm generation on top of that)

See README.md for the columns.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = ROOT / ".venv" / "bin"
CACHE_DIR = ".cache-bench"
RESULTS = HERE / "RESULTS.md"
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
SAMPLE_SECONDS = 0.1
LOG_TAIL_LINES = 40

RESULTS_HEADER = """\
# Scale benchmark results

Written by `bench/scale/run.py` (see `README.md` for what each column means). Each section is
one run, newest last.

Targets of issue 8:

- 10,000 articles, cold (empty cache): under 8 minutes and under 2 GB of memory.
- Time grows about linearly: the 10,000 cold time at most 11 x the 1,000 cold time.
- Adding one article to a 1,000-article corpus: under 5% of its full (cold) time.
- Generation + MkDocs for 10,000 articles: under 15 minutes (here: cold render + build, and
  with --one-command one cold `mkdocs build`).
"""


@dataclass
class Measure:
    """One timed child process."""

    seconds: float
    tree_kb: int  # peak of the summed RSS of the child and its descendants (sampled)
    proc_kb: int  # ru_maxrss from wait4: the largest single process of the tree
    code: int
    log: Path

    @property
    def ok(self) -> bool:
        return self.code == 0


def tree_rss_kb(root: int) -> int:
    """Return the summed resident memory (KiB) of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            statm = Path(entry.path, "statm").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
        rss[int(entry.name)] = int(statm.split()[1]) * PAGE_KB
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def measure(cmd: list[str], log: Path, env: dict[str, str]) -> Measure:
    """Run cmd, its output into log; return its wall time and peak memory."""
    print(f"  $ {shlex.join(cmd)}", flush=True)
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        peak = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, tree_rss_kb(proc.pid))
                stop.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        stop.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    result = Measure(seconds, peak, usage.ru_maxrss, proc.returncode, log)
    state = "ok" if result.ok else f"FAILED (exit {result.code})"
    print(f"    {state}: {seconds:.1f} s, peak RSS {mb(peak)} MB tree / {mb(usage.ru_maxrss)} MB")
    return result


def mb(kb: int) -> str:
    return f"{kb / 1024:.0f}"


def tail(log: Path) -> str:
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(lines[-LOG_TAIL_LINES:])


@dataclass
class SizeResult:
    n: int
    stories: int
    generate_seconds: float
    cold: Measure
    plus_one: Measure
    warm: Measure
    build: Measure
    one_command: Measure | None  # run 5, if asked for
    pages: int  # Markdown files briefgen wrote (cold run)
    briefings: int  # briefings (stories) briefgen found (cold run)
    html: int  # HTML files in the built site
    code_changed: bool  # briefgen's source changed while this size ran

    @property
    def failures(self) -> list[tuple[str, Measure]]:
        runs = [("cold", self.cold), ("+1", self.plus_one), ("warm", self.warm)]
        runs.append(("build", self.build))
        if self.one_command is not None:
            runs.append(("one command", self.one_command))
        return [(name, m) for name, m in runs if not m.ok]


def run_size(n: int, workdir: Path, seed: int, one_command: bool = False) -> SizeResult:
    """Generate a corpus of n articles and time the four runs on it (five with one_command)."""
    out = workdir / f"n{n}"
    logs = workdir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    print(f"N={n}: generating {out}", flush=True)
    start = time.perf_counter()
    generated = subprocess.run(
        [str(BIN / "python"), str(HERE / "generate.py"), str(n), str(out), "--seed", str(seed)],
        check=True,
        capture_output=True,
        text=True,
    )
    generate_seconds = time.perf_counter() - start
    print(f"  {generated.stdout.strip()} ({generate_seconds:.1f} s)")
    stories = int(generated.stdout.split(" in ")[1].split()[0])
    for stale in (out / CACHE_DIR, out / "docs" / "briefings", out / "site"):
        shutil.rmtree(stale, ignore_errors=True)
    env = dict(os.environ, BRIEFGEN_CACHE_DIR=CACHE_DIR)
    env.pop("BRIEFGEN_NO_CACHE", None)
    config = str(out / "mkdocs.yml")
    render = [str(BIN / "briefgen"), "render", "-f", config]

    code_before = code_state()
    cold = measure(render, logs / f"n{n}-1-cold.log", env)
    pages = sum(1 for _ in (out / "docs" / "briefings").rglob("*.md"))
    export = out / "docs" / "briefings" / "briefing.json"
    briefings = len(json.loads(export.read_text("utf-8"))["briefings"]) if export.exists() else 0
    for pending in sorted((out / "pending").glob("*.txt")):
        shutil.move(pending, out / "seeds" / pending.name)
    plus_one = measure(render, logs / f"n{n}-2-plus-one.log", env)
    warm = measure(render, logs / f"n{n}-3-warm.log", env)
    build_cmd = [str(BIN / "mkdocs"), "build", "--strict", "-f", config, "-d", str(out / "site")]
    build = measure(build_cmd, logs / f"n{n}-4-mkdocs-build.log", env)
    html = sum(1 for _ in (out / "site").rglob("*.html")) if (out / "site").is_dir() else 0
    once = None
    if one_command:
        fresh = dict(env, BRIEFGEN_CACHE_DIR=CACHE_DIR + "-one")
        for stale in (out / (CACHE_DIR + "-one"), out / "docs" / "briefings", out / "site-one"):
            shutil.rmtree(stale, ignore_errors=True)
        once_cmd = [*build_cmd[:-1], str(out / "site-one")]
        once = measure(once_cmd, logs / f"n{n}-5-one-command.log", fresh)
    changed = code_state() != code_before
    if changed:
        print("  WARNING: briefgen/ changed during these runs; the cache was likely invalidated")
    return SizeResult(
        n,
        stories,
        generate_seconds,
        cold,
        plus_one,
        warm,
        build,
        once,
        pages,
        briefings,
        html,
        changed,
    )


def code_state() -> str:
    """Return a hash of briefgen's source: the cache is keyed by it, so an edit made by someone
    else during a run turns the warm runs cold."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "briefgen").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv"):
            digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cell(m: Measure) -> str:
    return f"{m.seconds:.1f}" if m.ok else f"FAILED (exit {m.code}) {m.seconds:.1f}"


def rss_cell(m: Measure) -> str:
    return f"{mb(m.tree_kb)} / {mb(m.proc_kb)}"


def table(results: list[SizeResult]) -> str:
    rows = [
        "| N | stories | briefings | gen s | pages | cold s | cold RSS MB | +1 s | +1 / cold "
        "| warm s | build s | build RSS MB | site HTML | cold + build s "
        "| one command s | one command RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ratio = f"{100 * r.plus_one.seconds / r.cold.seconds:.1f}%"
        once = r.one_command
        rows.append(
            f"| {r.n} | {r.stories} | {r.briefings} | {r.generate_seconds:.1f} | {r.pages} "
            f"| {cell(r.cold)} "
            f"| {rss_cell(r.cold)} | {cell(r.plus_one)} | {ratio} | {cell(r.warm)} "
            f"| {cell(r.build)} | {rss_cell(r.build)} | {r.html} "
            f"| {r.cold.seconds + r.build.seconds:.1f} "
            f"| {cell(once) if once else '-'} | {rss_cell(once) if once else '-'} |"
        )
    return "\n".join(rows)


def targets(results: list[SizeResult]) -> list[str]:
    """Return one line per target of the issue: met, missed or not measured."""
    by_n = {r.n: r for r in results}
    big, small = by_n.get(10000), by_n.get(1000)

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    lines = []
    if big:
        lines.append(
            f"- 10,000 cold under 8 min: {verdict(big.cold.ok and big.cold.seconds < 480)} "
            f"({big.cold.seconds:.0f} s)"
        )
        gb = big.cold.tree_kb / 1024 / 1024
        lines.append(f"- 10,000 cold under 2 GB: {verdict(gb < 2)} ({gb:.2f} GB, tree peak)")
        total = big.cold.seconds + big.build.seconds
        ok = big.cold.ok and big.build.ok and total < 900
        lines.append(f"- 10,000 cold render + build under 15 min: {verdict(ok)} ({total:.0f} s)")
        if big.one_command is not None:
            once = big.one_command
            ok = once.ok and once.seconds < 900
            lines.append(
                f"- 10,000 in one cold `mkdocs build` under 15 min: {verdict(ok)} "
                f"({once.seconds:.0f} s, {once.tree_kb / 1024 / 1024:.2f} GB tree peak)"
            )
    else:
        lines.append("- 10,000 targets: not measured (no 10000 in --sizes)")
    if big and small:
        ratio = big.cold.seconds / small.cold.seconds
        lines.append(f"- 10,000 cold <= 11 x 1,000 cold: {verdict(ratio <= 11)} ({ratio:.1f} x)")
    else:
        lines.append("- 10,000 <= 11 x 1,000: not measured (needs both sizes)")
    if small:
        share = small.plus_one.seconds / small.cold.seconds
        ok = small.plus_one.ok and share < 0.05
        lines.append(f"- +1 article on 1,000 under 5% of cold: {verdict(ok)} ({100 * share:.1f}%)")
    else:
        lines.append("- +1 article on 1,000: not measured (no 1000 in --sizes)")
    return lines


def machine() -> str:
    nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip()
    meminfo = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()
    memory = f"{int(meminfo[1]) / 1024 / 1024:.0f} GB RAM" if len(meminfo) > 1 else ""
    return (
        f"nproc {nproc}, {memory}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()} {platform.machine()}"
    )


def commit() -> str:
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    status = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True)
    return head.stdout.strip() + (" dirty" if status.stdout.strip() else "")


def report(results: list[SizeResult], command: str) -> str:
    lines = [
        f"## {dt.date.today()}",
        "",
        f"- command: `{command}`",
        f"- machine: {machine()}",
        f"- commit: {commit()}",
        "- time: wall clock of the child process; RSS MB: tree / largest, where tree is the "
        f"peak of the summed RSS of the child and its descendants sampled every "
        f"{SAMPLE_SECONDS} s from /proc, and largest is ru_maxrss from wait4 (the largest "
        "single process, what `/usr/bin/time -v` reports)",
        "",
        table(results),
        "",
        "Targets:",
        "",
        *targets(results),
    ]
    changed = [str(r.n) for r in results if r.code_changed]
    if changed:
        lines += [
            "",
            f"WARNING: briefgen/ changed while N={', '.join(changed)} ran; the cache is keyed by "
            "the code, so the +1, warm and build numbers of those sizes are not valid.",
        ]
    failures = [(r.n, name, m) for r in results for name, m in r.failures]
    if failures:
        lines += ["", "Failures (last lines of each log):"]
        for n, name, m in failures:
            lines += ["", f"N={n}, {name} (exit {m.code}, {m.log.name}):", "", "```"]
            lines += [tail(m.log), "```"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--workdir", type=Path, default=HERE / "work")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true", help="do not append to RESULTS.md")
    parser.add_argument(
        "--one-command",
        action="store_true",
        help="also time one cold `mkdocs build` (generation and MkDocs in one process)",
    )
    args = parser.parse_args()
    command = shlex.join([sys.executable, *sys.argv])
    workdir = args.workdir.resolve()
    results = [run_size(n, workdir, args.seed, args.one_command) for n in args.sizes]
    text = report(results, command)
    print()
    print(text)
    if not args.no_write:
        existing = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else RESULTS_HEADER
        RESULTS.write_text(existing.rstrip("\n") + "\n\n" + text, encoding="utf-8")
        print(f"appended to {RESULTS}")


if __name__ == "__main__":
    main()
