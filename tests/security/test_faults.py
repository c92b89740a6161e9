"""Faults: `briefgen render` killed midway, and what the next run makes of what it left.

A render writes a staging folder beside docs/<output_dir> and swaps it in with two renames
(briefgen/render/write.py). Killed at any moment, it must leave the pages of the previous
successful render byte for byte (or, between the two renames, in `.NAME.old`, which the next
run restores), never touch the hand-written docs, and the next run must succeed and clean up.

The kills are real SIGKILLs: of the `briefgen` console script's process group after a delay,
and, for the moments too short to hit by timing, sent by a driver to itself right after the
chosen step (a page written to staging, the first rename, the second rename).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefgen.errors import RenderError
from briefgen.render import write
from briefgen.render.write import MARKER, old_folder, recover, write_site

from .conftest import BRIEFGEN, ENV, ROOT, build, changed, render, snapshot

pytestmark = pytest.mark.slow

FLOOD = ROOT / "tests" / "corpora" / "flood"
ARTICLES = 60  # about 7 s to render on 2 cores without the cache: long enough to kill midway
HAND_WRITTEN = "# Flood briefings\n\nWritten by hand; briefgen must never touch it.\n"

# Runs `briefgen render -f CONFIG` and SIGKILLs itself right after the step named by POINT:
# "write:N" the N-th page written to staging, "swap:1" target -> .NAME.old, "swap:2" staging
# -> target.
DRIVER = """
import os, pathlib, signal, sys
point, config = sys.argv[1], sys.argv[2]
replace = pathlib.Path.replace
written = 0

def kill():
    os.kill(os.getpid(), signal.SIGKILL)

def patched_put(path, data, previous):  # a page written, or linked to the previous build's
    global written
    result = put(path, data, previous)
    if any(part.startswith(".briefgen-") for part in path.parts):
        written += 1
        if point == f"write:{written}":
            kill()
    return result

def patched_replace(self, target):
    result = replace(self, target)
    if point == "swap:1" and pathlib.Path(target).name.endswith(".old"):
        kill()
    if point == "swap:2" and self.name.startswith(".briefgen-"):
        kill()
    return result

if __name__ == "__main__":  # the worker processes briefgen spawns must not run this
    import briefgen.render.write

    put = briefgen.render.write._put
    briefgen.render.write._put = patched_put
    pathlib.Path.replace = patched_replace
    from briefgen.cli import main
    main(["render", "-f", config])
"""


def write_flood_corpus(folder: Path, version: int) -> Path:
    """Write ARTICLES distinct flood articles (text varies with version); return mkdocs.yml."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted((FLOOD / "seeds").glob("*.txt"))]
    for n in range(ARTICLES):
        text = texts[n % len(texts)].replace("2,400", f"{2400 + n:,}")
        text += f"\nOfficials in district {n} said {n * 7 + version} boats were on their way.\n"
        (seeds / f"{n:03d}_flood.txt").write_text(text, encoding="utf-8")
    config = folder / "mkdocs.yml"
    yml = (FLOOD / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(yml.replace("../../../templates", str(ROOT / "templates")), "utf-8")
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "index.md").write_text(HAND_WRITTEN, encoding="utf-8")
    return config


@dataclass
class Outcome:
    """How a killed run ended and what it left in docs/."""

    label: str
    killed: bool
    target: dict[str, str] | None
    old: dict[str, str] | None
    leftovers: list[str]


def state_of(docs: Path, label: str, killed: bool) -> Outcome:
    target = docs / "briefings"
    return Outcome(
        label=label,
        killed=killed,
        target=snapshot(target) if target.is_dir() else None,
        old=snapshot(old_folder(target)) if old_folder(target).is_dir() else None,
        leftovers=sorted(p.name for p in docs.glob(".briefgen-*")),
    )


def kill_after(config: Path, delay: float) -> bool:
    """Start `briefgen render`, SIGKILL its process group after delay; return True if it was
    still running then (False: it finished first)."""
    process = subprocess.Popen(
        [str(BRIEFGEN), "render", "-f", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
        cwd=config.parent,
        start_new_session=True,
    )
    time.sleep(delay)
    running = process.poll() is None
    if running:
        os.killpg(process.pid, signal.SIGKILL)  # the render and its worker processes
    process.wait()
    return running and process.returncode == -signal.SIGKILL


def kill_at(config: Path, point: str) -> int:
    """Run the driver that SIGKILLs itself at point; return its exit status."""
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, point, str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
        cwd=config.parent,  # not the repository: `python -c` imports from its working folder
        start_new_session=True,
    )
    process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # any worker left behind
    return process.returncode


@pytest.fixture(scope="module")
def flood_big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A 60-article corpus rendered once (version 1), and how long that render took."""
    folder = tmp_path_factory.mktemp("killed")
    config = write_flood_corpus(folder, version=1)
    started = time.monotonic()
    result = render(config)
    assert result.returncode == 0, result.stderr
    return config, time.monotonic() - started


def test_render_killed_midway_keeps_previous_pages(flood_big: tuple[Path, float]) -> None:
    config, duration = flood_big
    docs = config.parent / "docs"
    before = snapshot(docs / "briefings")
    assert (docs / "briefings" / MARKER).is_file()
    # Every article was rendered: a section of its briefing's sources page.
    export = json.loads((docs / "briefings" / "briefing.json").read_text(encoding="utf-8"))
    assert sum(len(b["articles"]) for b in export["briefings"]) == ARTICLES
    for briefing in export["briefings"]:
        for name in ("index", "actors", "statements", "sources"):
            assert f"{briefing['slug']}/{name}.md" in before, (briefing["slug"], name)
        sources = (docs / "briefings" / briefing["slug"] / "sources.md").read_text("utf-8")
        sections = re.findall(r"^## \d+\. .* \{: #s\d+ \}$", sources, re.M)
        assert len(sections) == len(briefing["articles"]), briefing["slug"]
    write_flood_corpus(config.parent, version=2)  # every article changes: all are analysed

    # Timed kills of the console script: while it imports, loads the model, analyses.
    delays = sorted({0.5, 1.0, 2.0, round(0.5 * duration, 1)})
    timed = [state_of(docs, f"after {d} s", kill_after(config, d)) for d in delays]
    assert any(o.killed for o in timed), f"every render finished before its kill: {duration} s"
    # The last complete pages: version 1, unless a timed run finished before its kill (both
    # checked below); in `.briefings.old` if a kill fell between the two renames.
    previous = timed[-1].target if timed[-1].target is not None else timed[-1].old

    # Kills at the exact steps of the swap.
    exact = []
    for point in ("write:5", "swap:1", "swap:2"):
        assert kill_at(config, point) == -signal.SIGKILL, point
        exact.append(state_of(docs, point, killed=True))
        if point == "write:5":
            # A killed run's staging folder does not break a strict build.
            assert exact[-1].leftovers, "a run killed while writing left no staging folder"
            built = build(config, config.parent / "site")
            assert built.returncode == 0, built.stderr
    assert exact[0].target == previous
    # Killed between the renames there is no target at all; the next run (the one killed
    # after its own renames) restored it first, then moved it aside as its previous pages.
    assert exact[1].target is None, exact[1].label
    assert exact[1].old == previous, exact[1].label
    assert exact[2].old == previous, exact[2].label
    assert (docs / "index.md").read_text(encoding="utf-8") == HAND_WRITTEN

    # The next render succeeds, gives version 2 and leaves nothing of the killed runs behind.
    result = render(config)
    assert result.returncode == 0, result.stderr
    after = snapshot(docs / "briefings")
    assert changed(before, after), "version 2 rendered nothing new"
    assert not list(docs.glob(".briefgen-*"))
    assert not old_folder(docs / "briefings").exists()
    assert exact[2].target == after
    assert previous in (before, after)

    # Every state a timed kill left was the previous pages, the new ones once swapped in, or
    # (between the renames) no pages but the previous ones in `.briefings.old`.
    for outcome in timed:
        moved = outcome.target is None and outcome.old in (before, after)
        assert outcome.target in (before, after) or moved, (outcome.label, outcome.killed)
        assert outcome.old in (None, before, after), outcome.label
    # The cache that killed runs left gives the pages a fresh analysis gives.
    fresh = subprocess.run(
        [str(BRIEFGEN), "render", "--no-cache", "-f", str(config)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=config.parent,
        check=False,
    )
    assert fresh.returncode == 0, fresh.stderr
    # What changed (each changes.md and the count on the list of briefings) compares with the
    # history in the cache folder, which --no-cache neither reads nor writes: every other page
    # must be the same, byte for byte.
    assert without_history(snapshot(docs / "briefings")) == without_history(after)
    assert "First build" in next((docs / "briefings").glob("*/changes.md")).read_text("utf-8")


def without_history(pages: dict[str, str]) -> dict[str, str]:
    """Return a snapshot without the pages that depend on the recorded build history."""
    return {k: v for k, v in pages.items() if k != "index.md" and not k.endswith("changes.md")}


# ---------------------------------------------------------------- the recovery, simulated

PAGES_V1 = {"briefings/index.md": "# v1\n", "briefings/a/index.md": "# a1\n"}
PAGES_V2 = {"briefings/index.md": "# v2\n", "briefings/b/index.md": "# b2\n"}


def pages_in(target: Path) -> dict[str, str]:
    return {
        p.relative_to(target).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(target.rglob("*"))
        if p.is_file() and p.name != MARKER
    }


def test_recover_restores_pages_left_between_the_renames(tmp_path: Path) -> None:
    target = write_site(PAGES_V1, tmp_path, "briefings")
    target.replace(old_folder(target))  # killed here: no docs/briefings at all
    staging = tmp_path / ".briefgen-k1ll3d_x"
    (staging / "a").mkdir(parents=True)
    (staging / "a" / "index.md").write_text("half", encoding="utf-8")
    recover(target)
    assert pages_in(target) == {"index.md": "# v1\n", "a/index.md": "# a1\n"}
    assert not old_folder(target).exists()
    assert not staging.exists()


def test_next_render_after_kill_between_renames(tmp_path: Path) -> None:
    target = write_site(PAGES_V1, tmp_path, "briefings")
    target.replace(old_folder(target))
    write_site(PAGES_V2, tmp_path, "briefings")
    assert pages_in(target) == {"index.md": "# v2\n", "b/index.md": "# b2\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefings"]


def test_leftover_old_folder_beside_target_is_removed(tmp_path: Path) -> None:
    """Killed after the second rename: `.briefings.old` stays; renaming onto it would fail."""
    target = write_site(PAGES_V1, tmp_path, "briefings")
    old = old_folder(target)
    (old / "x").mkdir(parents=True)
    (old / "x" / "page.md").write_text("stale", encoding="utf-8")
    write_site(PAGES_V2, tmp_path, "briefings")
    assert pages_in(target) == {"index.md": "# v2\n", "b/index.md": "# b2\n"}
    assert not old.exists()


def test_only_staging_folders_are_cleaned(tmp_path: Path) -> None:
    write_site(PAGES_V1, tmp_path, "briefings")
    for name in (".briefgen-abcd1234", ".briefgen-zz_9zz_9"):
        (tmp_path / name / "deep").mkdir(parents=True)
    (tmp_path / ".briefgen-notes").mkdir()  # not a name briefgen makes: kept
    (tmp_path / ".briefgen-abcdefgh").touch()  # a file, not a staging folder: kept
    write_site(PAGES_V2, tmp_path, "briefings")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".briefgen-abcdefgh",
        ".briefgen-notes",
        "briefings",
    ]


def test_failed_swap_puts_previous_pages_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write_site(PAGES_V1, tmp_path, "briefings")
    replace = Path.replace

    def failing_replace(self: Path, destination: Path) -> Path:
        if self.name.startswith(".briefgen-"):
            raise OSError("disk full")
        return replace(self, destination)

    monkeypatch.setattr(Path, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        write_site(PAGES_V2, tmp_path, "briefings")
    assert pages_in(target) == {"index.md": "# v1\n", "a/index.md": "# a1\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefings"]


def test_unchanged_pages_are_linked_to_the_previous_files(tmp_path: Path) -> None:
    same = {**PAGES_V1, "briefings/b/index.md": "# b1\n"}
    target = write_site(same, tmp_path, "briefings")
    before = {name: (target / name).stat() for name in ("index.md", "a/index.md", "b/index.md")}
    # index.md changes but keeps its size: compared by bytes, not size; b/ is dropped.
    pages = {"briefings/index.md": "# v2\n", "briefings/a/index.md": "# a1\n"}
    write_site(pages, tmp_path, "briefings")
    assert pages_in(target) == {"index.md": "# v2\n", "a/index.md": "# a1\n"}
    assert (target / "a/index.md").stat().st_ino == before["a/index.md"].st_ino
    assert (target / "a/index.md").stat().st_nlink == 1  # the old folder's name is gone
    assert (target / "index.md").stat().st_ino != before["index.md"].st_ino
    assert not old_folder(target).exists()


def test_bytes_are_written_and_compared_block_by_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write, "COMPARE_BLOCK", 4)
    export = '{"title": "Grève ✊"}\n'.encode()  # files may be bytes (the export)
    pages = {**PAGES_V1, "briefings/briefing.json": export}
    target = write_site(pages, tmp_path, "briefings")
    assert (target / "briefing.json").read_bytes() == export
    inode = (target / "briefing.json").stat().st_ino
    write_site(pages, tmp_path, "briefings")
    assert (target / "briefing.json").stat().st_ino == inode  # equal in every block: linked
    # the same size, one byte changed in the last block: written anew
    changed = export[:-2] + b"]\n"
    write_site({**PAGES_V1, "briefings/briefing.json": changed}, tmp_path, "briefings")
    assert (target / "briefing.json").read_bytes() == changed
    assert (target / "briefing.json").stat().st_ino != inode


def test_symbolic_link_in_previous_pages_is_not_followed(tmp_path: Path) -> None:
    target = write_site(PAGES_V1, tmp_path / "docs", "briefings")
    outside = tmp_path / "outside.md"
    outside.write_text("# a1\n", encoding="utf-8")  # the very bytes of the page
    (target / "a" / "index.md").unlink()
    (target / "a" / "index.md").symlink_to(outside)
    write_site(PAGES_V1, tmp_path / "docs", "briefings")
    page = target / "a" / "index.md"
    assert not page.is_symlink()
    assert page.read_text(encoding="utf-8") == "# a1\n"
    assert page.stat().st_ino != outside.stat().st_ino
    assert outside.read_text(encoding="utf-8") == "# a1\n"


def test_named_pipe_in_previous_pages_does_not_block(tmp_path: Path) -> None:
    target = write_site(PAGES_V1, tmp_path, "briefings")
    (target / "a" / "index.md").unlink()
    os.mkfifo(target / "a" / "index.md")  # opened for reading, it would wait for a writer
    done = threading.Thread(target=write_site, args=(PAGES_V1, tmp_path, "briefings"))
    done.daemon = True
    done.start()
    done.join(timeout=30)
    assert not done.is_alive(), "write_site blocked on a named pipe of the previous pages"
    assert pages_in(target) == {"index.md": "# v1\n", "a/index.md": "# a1\n"}


def test_pages_are_written_where_hard_links_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write_site(PAGES_V1, tmp_path, "briefings")
    inode = (target / "a" / "index.md").stat().st_ino

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError("hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    write_site(PAGES_V1, tmp_path, "briefings")
    assert pages_in(target) == {"index.md": "# v1\n", "a/index.md": "# a1\n"}
    assert (target / "a" / "index.md").stat().st_ino != inode


def test_pages_folder_is_as_readable_as_its_parent(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir(mode=0o755)
    docs.chmod(0o755)
    target = write_site(PAGES_V1, docs, "briefings")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755  # not mkdtemp's private 0700


def test_nested_output_dir_is_created(tmp_path: Path) -> None:
    pages = {f"generated/{uri}": text for uri, text in PAGES_V1.items()}
    target = write_site(pages, tmp_path, "generated/briefings")
    assert pages_in(target) == {"index.md": "# v1\n", "a/index.md": "# a1\n"}


@pytest.mark.parametrize("output_dir", ["../outside", "/tmp/briefings", "a/../../b"])
def test_output_dir_outside_docs_is_refused(tmp_path: Path, output_dir: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    before = snapshot(tmp_path)
    with pytest.raises(RenderError, match="must be a folder under docs_dir"):
        write_site({f"{output_dir}/index.md": "x"}, docs, output_dir)
    assert snapshot(tmp_path) == before


def test_folder_without_marker_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "briefings").mkdir()
    (tmp_path / "briefings" / "notes.md").write_text("mine", encoding="utf-8")
    (tmp_path / ".briefings.old").mkdir()  # not ours either: no marker
    before = snapshot(tmp_path)
    with pytest.raises(RenderError, match="not generated by briefgen"):
        write_site(PAGES_V2, tmp_path, "briefings")
    assert snapshot(tmp_path) == before
