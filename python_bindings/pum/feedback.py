"""pum's feedback: progress reports and cancellation for long commands.

Pass a :class:`Feedback` to ``Upgrader.install(feedback=...)`` and the other
commands: the C++ core calls its ``report_progress(message, current, total)``
for each phase, file and hook ("Creating migrations table", "Executing
changelogs/1.2.3/a.sql", "Committing changes"), keeps ``get_progress()`` up to
date through ``set_total_steps``/``increment_step``, and polls
``is_cancelled()`` between statements. A cancelled command raises
:class:`pum.exceptions.PumCancelled` (a ``PumException`` whose message says
"cancelled"); what it did stays in the caller's transaction, to be rolled back.
Just before committing, the core calls ``lock_cancellation()``: from then on
the command can no longer be cancelled.

These classes are plain Python because callers subclass them (a QGIS plugin
moves a progress bar from ``report_progress`` and cancels from a button).
"""

from __future__ import annotations

import abc
import logging

logger = logging.getLogger(__name__)


class Feedback(abc.ABC):
    """Receives progress reports from pum's commands and tells them to stop."""

    def __init__(self) -> None:
        self._is_cancelled = False
        self._cancellation_locked = False
        self._current_step = 0
        self._total_steps = 0

    def set_total_steps(self, total: int) -> None:
        """Starts counting `total` steps (the current step goes back to 0)."""
        self._total_steps = total
        self._current_step = 0

    def increment_step(self) -> None:
        """One more step is done."""
        self._current_step += 1

    def get_progress(self) -> tuple[int, int]:
        """(current step, total steps)."""
        return self._current_step, self._total_steps

    @abc.abstractmethod
    def report_progress(self, message: str, current: int = 0, total: int = 0) -> None:
        """Called by pum for each phase, file and hook it runs."""

    def is_cancelled(self) -> bool:
        """Whether the running command should stop (never once cancellation is locked)."""
        return self._is_cancelled and not self._cancellation_locked

    def cancel(self) -> None:
        """Asks the running command to stop; ignored once it is committing."""
        if not self._cancellation_locked:
            self._is_cancelled = True

    def reset(self) -> None:
        """Clears a cancellation (and its lock) so the object can serve another command."""
        self._is_cancelled = False
        self._cancellation_locked = False
        self._current_step = 0
        self._total_steps = 0

    def lock_cancellation(self) -> None:
        """From now on the command is committing: cancel() has no effect."""
        self._cancellation_locked = True


class LogFeedback(Feedback):
    """Reports progress to the ``pum.feedback`` logger at INFO level."""

    def report_progress(self, message: str, current: int = 0, total: int = 0) -> None:
        if total > 0:
            logger.info("[%d/%d] %s", current, total, message)
        else:
            logger.info("%s", message)


class SilentFeedback(Feedback):
    """Ignores progress reports (cancellation still works)."""

    def report_progress(self, message: str, current: int = 0, total: int = 0) -> None:
        pass


def _begin_command(feedback: Feedback) -> None:
    """A command starts: a lock left by the previous command's commit no longer applies."""
    if isinstance(feedback, Feedback):
        feedback._cancellation_locked = False


__all__ = ["Feedback", "LogFeedback", "SilentFeedback"]
