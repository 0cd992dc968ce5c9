"""Outputs -> the output folder, writing only what changed, swapped in whole.

Beside the output folder is a hidden shadow (`.site.shadow`) holding the site before. A build
brings the shadow up to date, writing only the files whose fingerprint differs (and taking by
hard link what the live site already has), then exchanges the two folders in one step. So an
edit costs the files it changes, and the output folder is at every instant a whole site. A
shadow that its record does not vouch for (first build, `--clean`, a build stopped half way)
is emptied first.
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path

from .cache import BuildCache, FileState
from .terminal import Progress
from .workers import InBackground, mapped_in_workers, worker_count
from .write import MARKER, MARKER_TEXT, replace_folder

PARALLEL_THRESHOLD = 400  # below this many files, starting workers costs more than it saves
BATCH = 100  # outputs a worker renders between progress reports
# In the shadow while the build record describes it: removed before the shadow changes, written
# after the record of the swap is saved, so a build stopped in between leaves a shadow no build trusts.
RECORDED = ".briefing-gen-recorded"


class Output:
    """One file of the site: its path, its fingerprint, and how to make its bytes (text, bytes, or a
    list of bytes written one after the other). A fingerprint given as a function is worked out when
    first needed: in a cold build, by the worker rendering the file. `render_here`: never in a worker,
    which would lose what producing it keeps for the next build (the search index's lines)."""

    __slots__ = ("path", "produce", "is_page", "render_here", "_fingerprint")

    def __init__(self, path: str, fingerprint: str | Callable[[], str], produce: Callable[[], str | bytes | list[str]],
                 is_page: bool = False, render_here: bool = False) -> None:
        self.path, self.produce, self.is_page, self.render_here = path, produce, is_page, render_here
        self._fingerprint = fingerprint

    @property
    def fingerprint(self) -> str:
        if not isinstance(self._fingerprint, str):
            self._fingerprint = self._fingerprint()
        return self._fingerprint

    def knows_fingerprint(self) -> bool:
        return isinstance(self._fingerprint, str)


class RenderFailed(Exception):
    """Rendering one output failed: `RenderFailed(description)`, what the error describer made of it."""

    description = property(lambda self: self.args[0])


def shadow_folder(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.shadow"


def publish(outputs: list[Output], out_dir: Path, cache: BuildCache, clean: bool,
            describe_error: Callable[[Exception], object], progress: Progress, folder_check: "FolderCheck",
            made_from: tuple, while_waiting: Callable[[], object]) -> int:
    """Make out_dir hold exactly these outputs, recording them in cache; return how many files were
    written. `folder_check`: out_dir's check against its record, begun ahead; `made_from`: (input
    stamp, warnings) to record with the new site; `while_waiting`: work for while workers render."""
    current = None if clean else folder_check.result(cache.current)
    if current is not None and _same_fingerprints(current, outputs):
        _save(cache, made_from)
        return 0
    shadow_dir = shadow_folder(out_dir)
    recorded = shadow_dir / RECORDED
    shadow = cache.shadow if current is not None and recorded.is_file() else None
    if shadow is None:
        if os.path.lexists(shadow_dir):
            shutil.rmtree(shadow_dir)
        os.mkdir(shadow_dir)
        shadow = {}
    else:
        recorded.unlink()
    for path in sorted(shadow.keys() - {output.path for output in outputs}):
        _remove_file(shadow_dir, path)
    stale = [output for output in outputs
             if (state := shadow.get(output.path)) is None or state.fingerprint != output.fingerprint]
    # The shadow is the site before last: what the last build wrote, it takes from the live site.
    linked = {output.path for output in stale if _link_from_live(out_dir, shadow_dir, output, current or {})}
    to_write = [output for output in stale if output.path not in linked]
    render_into(shadow_dir, to_write, describe_error, progress, while_waiting)
    (shadow_dir / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    old_site = replace_folder(shadow_dir, out_dir)
    if old_site not in (None, shadow_dir):  # swapped by two renames where folders cannot be exchanged
        os.replace(old_site, shadow_dir)
    written = {output.path for output in to_write}
    cache.current = {output.path: _state_of(out_dir, output) if output.path in written
                     else current[output.path] if output.path in linked else shadow[output.path] for output in outputs}
    cache.shadow = current if old_site is not None else None
    if _save(cache, made_from) and cache.shadow is not None:
        recorded.write_bytes(b"")
    return len(to_write)


def _save(cache: BuildCache, made_from: tuple) -> bool:
    """Save the record with what the site now in place was made from: never before it is in
    place, or an interrupted build would leave a record saying the old site is up to date."""
    cache.inputs, cache.warnings = made_from
    return cache.save()


def _same_fingerprints(states: dict[str, FileState], outputs: list[Output]) -> bool:
    """The outputs are those files, each as it is: the outputs made again are looked at first,
    as after an edit one of them differs (and the thousands kept before it need no look)."""
    def same(output: Output) -> bool:
        state = states.get(output.path)
        return state is not None and state.fingerprint == output.fingerprint

    return (len(states) == len(outputs) and all(same(output) for output in outputs if not output.knows_fingerprint())
            and all(map(same, outputs)))


def holds_exactly(folder: Path, states: dict[str, FileState] | None) -> bool:
    """The folder holds exactly the files of these recorded states, each of its recorded size and mtime."""
    if states is None or not folder.is_dir():
        return False
    found, pending = {}, [("", str(folder))]
    while pending:
        prefix, directory = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((prefix + entry.name + "/", entry.path))
                else:
                    status = entry.stat(follow_symlinks=False)
                    found[prefix + entry.name] = (status.st_size, status.st_mtime_ns)
    found.pop(MARKER, None)
    return found == {path: state[1:] for path, state in states.items()}


class FolderCheck:
    """`holds_exactly` begun ahead in a forked process: walking the output folder (a tenth of a
    one-edit rebuild at 10,000 records) overlaps the build's own work. Its verdict holds, under the
    output lock, only for the very states it checked (a record read again is a new one) and the
    folder unchanged since (inode and mtime: a build changes the live site only by a swap); else it
    walks again. A file edited by hand in the site meanwhile goes unseen, as during the writing."""

    def __init__(self, folder: Path, states: dict[str, FileState] | None) -> None:
        self.folder, self.states, self.stamp = folder, states, _folder_stamp(folder)
        self._walk = None if states is None or self.stamp is None else InBackground(holds_exactly, folder, states)

    def result(self, states: dict[str, FileState] | None) -> dict[str, FileState] | None:
        if self._walk is not None and states is self.states and _folder_stamp(self.folder) == self.stamp:
            walk, self._walk = self._walk, None
            return states if walk.result() else None
        self.close()
        return states if holds_exactly(self.folder, states) else None

    def close(self) -> None:
        walk, self._walk = self._walk, None
        if walk is not None:
            walk.close()


def _folder_stamp(folder: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(folder)
    except OSError:
        return None
    return status.st_ino, status.st_mtime_ns


def _link_from_live(out_dir: Path, shadow_dir: Path, output: Output, current: dict[str, FileState]) -> bool:
    """Give the shadow the live site's file for this output if it is the one wanted, by a hard link;
    False if not (or the file system cannot link)."""
    state = current.get(output.path)
    if state is None or state.fingerprint != output.fingerprint:
        return False
    target = os.path.join(shadow_dir, output.path)
    try:
        _make_way(target)
        os.link(os.path.join(out_dir, output.path), target)
    except OSError:
        return False
    return True


def _state_of(folder: Path, output: Output) -> FileState:
    status = os.stat(folder / output.path)
    return FileState.of(output.fingerprint, status.st_size, status.st_mtime_ns)


def _remove_file(folder: Path, relative: str) -> None:
    """Delete a file and the folders it leaves empty, up to (not including) folder."""
    path = folder / relative
    path.unlink(missing_ok=True)
    parent = path.parent
    while parent != folder:
        try:
            parent.rmdir()
        except OSError:
            break
        parent = parent.parent


def _make_way(target: str) -> None:
    """Make the folder a file goes in (usually its page's own, one level below one that exists),
    or if it was there, remove the file: it may be a hard link shared with the live site."""
    parent = os.path.dirname(target)
    try:
        os.mkdir(parent)
    except FileExistsError:
        try:
            os.unlink(target)
        except FileNotFoundError:
            pass
    except FileNotFoundError:
        os.makedirs(parent, exist_ok=True)


# -- rendering, on all cores when there is enough to do ---------------------------

def render_into(folder: Path, outputs: list[Output], describe_error: Callable[[Exception], object],
                progress: Progress, while_waiting: Callable[[], object]) -> None:
    """Render and write outputs into folder (a file there is replaced, never written through), doing
    `while_waiting` meanwhile if workers render."""
    progress.total = len(outputs)
    if len(outputs) < PARALLEL_THRESHOLD or worker_count() < 2:
        for output in outputs:
            _render_one(str(folder), output, describe_error)
            progress.advance()
        return
    here = [output for output in outputs if output.render_here]
    elsewhere = [output for output in outputs if not output.render_here]
    # The collector in a worker would touch, and so copy, every object it shares with us (the build,
    # which froze what it loaded, unfreezes at its end); with that frozen, frequent collections are
    # cheap again in a worker, and keep the garbage of rendering (Jinja's contexts hold cycles) down.
    gc.freeze()
    with mapped_in_workers(partial(_render_in_worker, str(folder), describe_error), elsewhere, BATCH,
                           initializer=partial(gc.set_threshold, 700, 10, 10)) as batches:
        for output in here:  # while the workers start on the rest
            _render_one(str(folder), output, describe_error)
            progress.advance()
        while_waiting()
        done = 0
        for batch in batches:
            for output, (failure, fingerprint) in zip(elsewhere[done:], batch):
                if failure is not None:
                    raise RenderFailed(failure)
                output._fingerprint = fingerprint  # a worker may have been the one to work it out
            done += len(batch)
            progress.advance(len(batch))


def _render_in_worker(folder: str, describe_error: Callable[[Exception], object],
                      output: Output) -> tuple[object, str | None]:
    """In a worker: render one output; return its failure, described (a Problem does not survive
    being raised across processes), or None and its fingerprint."""
    try:
        _render_one(folder, output, describe_error)
    except RenderFailed as failure:
        return failure.description, None
    return None, output.fingerprint


def _render_one(folder: str, output: Output, describe_error: Callable[[Exception], object]) -> None:
    """Render one output and write it: plain os calls, as this runs once per page."""
    try:
        data = output.produce()
    except Exception as error:  # a template error: described here, where its traceback is
        raise RenderFailed(describe_error(error)) from error
    target = os.path.join(folder, output.path)
    _make_way(target)
    with open(target, "wb") as written:
        if isinstance(data, list):  # pieces already encoded (the search index), written a few thousand
            # at a time: one small write each took twice as long, and joined whole they would be held twice
            for start in range(0, len(data), WRITE_PIECES):
                written.write(b"".join(data[start:start + WRITE_PIECES]))
        else:
            written.write(data.encode("utf-8") if isinstance(data, str) else data)


WRITE_PIECES = 4096  # pieces of the search index joined per write: some 1 MB at 10,000 records
