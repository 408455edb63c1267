"""The toolkit's errors: one base, a few kinds, each mapped once per surface.

Views show a GOV.UK error summary, the API answers ``{"code", "message"}`` with a 4xx status,
and the command line prints the message and exits non-zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ToolkitError(Exception):
    """A failure a person can act on; ``message`` is a translated sentence."""

    code = "error"
    status = 400

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = str(message)
        if code:
            self.code = code

    def __str__(self) -> str:
        return self.message


class NotPermitted(ToolkitError):
    code = "not_permitted"
    status = 403


class NotFound(ToolkitError):
    code = "not_found"
    status = 404

    def __init__(
        self, message: str, code: str | None = None, candidates: list[str] | None = None
    ) -> None:
        super().__init__(message, code)
        self.candidates = list(candidates or [])


class InvalidTransition(ToolkitError):
    code = "invalid_transition"
    status = 409


class Conflict(ToolkitError):
    """Someone else changed the thing first; nothing was overwritten."""

    code = "conflict"
    status = 409


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an uploaded file, located as precisely as the file allows."""

    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message}

    def __str__(self) -> str:
        where = ", ".join(
            part for part in (
                f"sheet {self.sheet}" if self.sheet else "",
                f"row {self.row}" if self.row is not None else "",
                f"column {self.column}" if self.column else "",
            ) if part
        )
        return f"{where}: {self.message}" if where else self.message


class ImportRejected(ToolkitError):
    """A file was refused whole; ``problems`` lists every fault found, and nothing changed."""

    code = "import_rejected"
    status = 422

    def __init__(
        self,
        message: str,
        code: str | None = None,
        *,
        problems: list[Problem] | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(message, code)
        self.problems: list[Problem] = list(problems or [])
        if not self.problems and (sheet or row is not None or column):
            self.problems = [Problem(message=self.message, sheet=sheet, row=row, column=column)]
        first = self.problems[0] if self.problems else None
        self.sheet = first.sheet if first else sheet
        self.row = first.row if first else row
        self.column = first.column if first else column


class DocumentRejected(ToolkitError):
    """An uploaded document could not be accepted (wrong type, corrupt, empty, too large...)."""

    code = "document_rejected"
    status = 422


@dataclass
class ProblemList:
    """Collects problems while a file is read, so that all of them can be reported at once."""

    problems: list[Problem] = field(default_factory=list)
    limit: int = 500

    def add(self, message: str, *, sheet: str | None = None, row: int | None = None,
            column: str | None = None) -> None:
        if len(self.problems) < self.limit:
            self.problems.append(Problem(message=message, sheet=sheet, row=row, column=column))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __len__(self) -> int:
        return len(self.problems)
