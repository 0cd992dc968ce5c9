"""Outputs -> the output folder, writing only what changed, swapped in whole.

Two copies of the site are kept: the output folder and a hidden shadow
beside it (`.site.shadow`) that holds the build before. A build brings the
shadow up to date, writing only the files whose fingerprint differs from
the shadow's, then exchanges the two folders in one step. So an edit costs
the files it changes, and the output folder is at every instant a whole
site. Without a usable shadow (first build, `--clean`, anything unexpected
on disk) the site is written into a fresh folder, reusing unchanged files
by hard link, and swapped in the same way.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from .cache import BuildCache, FileState
from .terminal import Progress
from .workers import mapped_in_workers, worker_count
from .write import MARKER, MARKER_TEXT, exchange_folders, replace_folder

PARALLEL_THRESHOLD = 400  # below this many files, starting workers costs more than it saves
BATCH = 100  # outputs a worker renders between progress reports


class Output:
    """One file of the site: its path, its fingerprint, and how to make its bytes (text, bytes,
    or a list of bytes to write one after the other).

    The fingerprint may be given as a function: it is then worked out when first
    needed, which in a build with nothing to reuse is in the worker that renders
    the file, so a cold build digests its pages on every core.
    """

    __slots__ = ("path", "produce", "is_page", "render_here", "_fingerprint")

    def __init__(self, path: str, fingerprint: str | Callable[[], str], produce: Callable[[], str | bytes | list[str]],
                 is_page: bool = False, render_here: bool = False) -> None:
        self.path, self.produce, self.is_page = path, produce, is_page
        # render_here: in the building process, never in a worker, because producing it
        # keeps work for the next build (the search index's lines) that a worker would lose
        self.render_here = render_here
        self._fingerprint = fingerprint

    @property
    def fingerprint(self) -> str:
        if not isinstance(self._fingerprint, str):
            self._fingerprint = self._fingerprint()
        return self._fingerprint

    def knows_fingerprint(self) -> bool:
        return isinstance(self._fingerprint, str)


class RenderFailed(Exception):
    """Rendering one output failed; `description` is what the error describer made of it."""

    def __init__(self, description: object) -> None:
        super().__init__(str(description))
        self.description = description


def shadow_folder(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.shadow"


def publish(outputs: list[Output], out_dir: Path, cache: BuildCache, clean: bool,
            describe_error: Callable[[Exception], object], progress: Progress,
            made_from: tuple, while_waiting: Callable[[], object]) -> int:
    """Make out_dir hold exactly these outputs, recording them in cache; return how many files were written.

    `made_from`: (input stamp, warnings) to record with the new site, in the same save.
    `while_waiting`: work of the caller's to do while render workers run, if they do.
    """
    current = None if clean else verified_folder(out_dir, cache.current)
    if current is not None and _same_fingerprints(current, outputs):
        _save(cache, made_from)
        return 0
    shadow_dir = shadow_folder(out_dir)
    # Only builds write the hidden shadow, and a build forgets it before changing it: its record
    # is trusted without a walk of its files (half the cost of a one-edit rebuild).
    shadow = None if clean or current is None or not (shadow_dir / MARKER).is_file() else cache.shadow
    render = partial(render_into, describe_error=describe_error, progress=progress, while_waiting=while_waiting)
    if shadow is not None:
        return _publish_through_shadow(outputs, out_dir, shadow_dir, cache, current, shadow, render, made_from)
    return _publish_fresh(outputs, out_dir, shadow_dir, cache, current, render, made_from)


def _save(cache: BuildCache, made_from: tuple) -> None:
    """Save the record with what the site now in place was made from: never before it is in
    place, or an interrupted build would leave a record saying the old site is up to date."""
    cache.inputs, cache.warnings = made_from
    cache.save()


def _same_fingerprints(states: dict[str, FileState], outputs: list[Output]) -> bool:
    """The outputs are those files, each as it is: the outputs made again are looked at first,
    as after an edit one of them differs (and the thousands kept before it need no look)."""
    def same(output: Output) -> bool:
        state = states.get(output.path)
        return state is not None and state.fingerprint == output.fingerprint

    return (len(states) == len(outputs) and all(same(output) for output in outputs if not output.knows_fingerprint())
            and all(map(same, outputs)))


def verified_folder(folder: Path, states: dict[str, FileState] | None) -> dict[str, FileState] | None:
    """The recorded states if the folder holds exactly those files, unchanged; else None."""
    if states is None or not folder.is_dir():
        return None
    found = _file_stats(folder)
    found.pop(MARKER, None)
    if found.keys() != states.keys():
        return None
    for path, (size, mtime_ns) in found.items():
        state = states[path]
        if state.size != size or state.mtime_ns != mtime_ns:
            return None
    return states


def _file_stats(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file below folder by relative posix path, with its size and mtime."""
    stats: dict[str, tuple[int, int]] = {}
    pending = [("", str(folder))]
    while pending:
        prefix, directory = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                relative = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((relative + "/", entry.path))
                else:
                    status = entry.stat(follow_symlinks=False)
                    stats[relative] = (status.st_size, status.st_mtime_ns)
    return stats


def _publish_through_shadow(outputs, out_dir, shadow_dir, cache, current, shadow, render, made_from) -> int:
    # The shadow is about to change: until the swap it is not a known site, and the record says so
    # first. (Removing its marker instead saved 12 ms, but the marker is written back before the
    # swap: a swap that failed after it left a shadow of new files under the old record.)
    cache.forget_shadow()
    wanted = {output.path for output in outputs}
    for path in sorted(set(shadow) - wanted):
        _remove_file(shadow_dir, path)
    stale = [output for output in outputs
             if (state := shadow.get(output.path)) is None or state.fingerprint != output.fingerprint]
    # The shadow is the site before last: what the last build wrote, the live site has
    # already, and the shadow gets it by a hard link rather than rendering it again.
    linked = {output.path for output in stale if _link_from_live(out_dir, shadow_dir, output, current)}
    to_write = [output for output in stale if output.path not in linked]
    render(shadow_dir, to_write)
    (shadow_dir / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    if not exchange_folders(shadow_dir, out_dir):
        raise OSError("could not swap the new site into place")
    written = {output.path for output in to_write}
    cache.current = {
        output.path: _state_of(out_dir, output) if output.path in written
        else current[output.path] if output.path in linked else shadow[output.path]
        for output in outputs}
    cache.shadow = current
    _save(cache, made_from)
    return len(to_write)


def _link_from_live(out_dir: Path, shadow_dir: Path, output: Output, current: dict[str, FileState]) -> bool:
    """Give the shadow the live site's file for this output if it is the one wanted; False if
    it is not (or the file system cannot link: the output is then rendered)."""
    state = current.get(output.path)
    if state is None or state.fingerprint != output.fingerprint:
        return False
    target = os.path.join(shadow_dir, output.path)
    try:
        _make_parent(target)
        try:
            os.unlink(target)
        except FileNotFoundError:
            pass
        os.link(os.path.join(out_dir, output.path), target)
    except OSError:
        return False
    return True


def _publish_fresh(outputs, out_dir, shadow_dir, cache, current, render, made_from) -> int:
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is meant to be read
    reusable = current or {}
    to_write = []
    try:
        for output in outputs:
            state = reusable.get(output.path)
            if state is not None and state.fingerprint == output.fingerprint:
                target = os.path.join(staging, output.path)
                _make_parent(target)
                os.link(os.path.join(out_dir, output.path), target)
            else:
                to_write.append(output)
        render(staging, to_write, fresh=True)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    cache.forget_shadow()
    old_site = replace_folder(staging, out_dir)
    shutil.rmtree(shadow_dir, ignore_errors=True)
    if old_site is not None and current is not None:
        os.replace(old_site, shadow_dir)  # the old site, as recorded, becomes the shadow
        cache.shadow = current
    elif old_site is not None:
        shutil.rmtree(old_site, ignore_errors=True)
    cache.current = {output.path: _state_of(out_dir, output) for output in outputs}
    _save(cache, made_from)
    return len(to_write)


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


# -- rendering, on all cores when there is enough to do ---------------------------

def render_into(folder: Path, outputs: list[Output], describe_error: Callable[[Exception], object],
                progress: Progress, while_waiting: Callable[[], object], fresh: bool = False) -> None:
    """Render and write outputs into folder; a file already there is replaced, never written through.

    `fresh`: the caller knows no file is there yet at these paths (a new staging folder).
    `while_waiting`: done by this process while workers render, when they do."""
    progress.total = len(outputs)
    if len(outputs) < PARALLEL_THRESHOLD or worker_count() < 2:
        for output in outputs:
            _render_one(str(folder), output, describe_error, fresh)
            progress.advance()
        return
    work = partial(_render_in_worker, str(folder), describe_error, fresh)
    here = [output for output in outputs if output.render_here]
    elsewhere = [output for output in outputs if not output.render_here]
    frozen_by_caller = gc.get_freeze_count() > 0  # the build freezes what it loaded; that stays frozen
    try:
        gc.freeze()  # the collector in a worker would touch, and so copy, every object it shares with us
        with mapped_in_workers(work, elsewhere, BATCH, initializer=_collect_as_usual) as batches:
            for output in here:  # while the workers start on the rest
                _render_one(str(folder), output, describe_error, fresh)
                progress.advance()
            while_waiting()
            done = 0
            for batch in batches:
                for output, (failure, fingerprint) in zip(elsewhere[done:], batch):
                    if failure is not None:
                        raise RenderFailed(failure)
                    if fingerprint is not None:
                        output._fingerprint = fingerprint  # the one a worker worked out
                done += len(batch)
                progress.advance(len(batch))
    finally:
        if not frozen_by_caller:
            gc.unfreeze()


def _collect_as_usual() -> None:
    """In a worker: what it inherited is frozen, so frequent collections are cheap again and
    keep the garbage of rendering (Jinja's contexts hold cycles) from piling up."""
    gc.set_threshold(700, 10, 10)


def _render_in_worker(folder: str, describe_error: Callable[[Exception], object], fresh: bool,
                      output: Output) -> tuple[object, str | None]:
    """In a worker: render one output; return its failure, described (a Problem does not survive
    being raised across processes), and the fingerprint it worked out (None if the parent knew it)."""
    known = output.knows_fingerprint()
    try:
        _render_one(folder, output, describe_error, fresh)
    except RenderFailed as failure:
        return failure.description, None
    return None, None if known else output.fingerprint


def _render_one(folder: str, output: Output, describe_error: Callable[[Exception], object], fresh: bool) -> None:
    """Render one output and write it: plain os calls, as this runs once per page."""
    try:
        data = output.produce()
    except Exception as error:  # a template error: described here, where its traceback is
        raise RenderFailed(describe_error(error)) from error
    target = os.path.join(folder, output.path)
    _make_parent(target)
    if not fresh:
        try:
            os.unlink(target)  # it may be a hard link shared with the live site
        except FileNotFoundError:
            pass
    with open(target, "wb") as written:
        if isinstance(data, list):  # pieces already encoded (the search index), written a few
            # thousand at a time: one small write each took twice as long, and joined whole they
            # would be held twice at once
            for start in range(0, len(data), WRITE_PIECES):
                written.write(b"".join(data[start:start + WRITE_PIECES]))
        else:
            written.write(data.encode("utf-8") if isinstance(data, str) else data)


WRITE_PIECES = 4096  # pieces of the search index joined per write: some 1 MB at 10,000 records


def _make_parent(target: str) -> None:
    """The folder a file goes in: usually its page's own, one level below one that exists."""
    parent = os.path.dirname(target)
    try:
        os.mkdir(parent)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(parent, exist_ok=True)
