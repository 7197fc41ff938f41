"""FAQ entries: the schema every entry must meet, and the loader that enforces it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from common.yaml_file import read_list_file

from .errors import ContentError, EntryInvalidError
from .services import Service

MAX_ANSWER_CHARS = 500  # "at most ~500 characters": short enough to read on a phone
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Link(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://\S+$")


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG_PATTERN, max_length=80)
    service: str
    directorate: str
    topic: str = Field(min_length=1)
    title: str = Field(min_length=1, max_length=120)
    # The title in nynorsk and English: clarify buttons show it in the conversation's language.
    title_nn: str | None = Field(default=None, min_length=1, max_length=120)
    title_en: str | None = Field(default=None, min_length=1, max_length=120)
    question: str = Field(min_length=1)
    phrasings: tuple[str, ...] = Field(min_length=6)
    answer: str = Field(min_length=1, max_length=MAX_ANSWER_CHARS)
    answer_nn: str | None = Field(default=None, max_length=MAX_ANSWER_CHARS)
    answer_en: str | None = Field(default=None, max_length=MAX_ANSWER_CHARS)
    links: tuple[Link, ...] = ()
    contact: str | None = None
    checked: Literal["verified", "dated", "uncertain"]
    updated: dt.date

    @field_validator("phrasings")
    @classmethod
    def _phrasings_not_blank(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not phrasing.strip() for phrasing in value):
            raise PydanticCustomError("phrasing_blank", "phrasings must not be blank")
        return value

    @property
    def url(self) -> str | None:
        return self.links[0].url if self.links else None

    def search_texts(self) -> list[str]:
        """The texts a young person's question is matched against by the embedding model: the
        question, the titles in all three languages, the phrasings, and the English answer (the
        model is English, so English questions find the entry through its English text)."""
        optional = (self.title_nn, self.title_en, self.answer_en)
        return [self.question, self.title, *self.phrasings, *(text for text in optional if text)]


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"]) or "(entry)"
        problems.append(f"field '{field}': {error['msg']}")
    return "; ".join(problems)


@dataclass(frozen=True)
class FieldProblem:
    """One field of an entry that breaks a rule: where, which rule (`code`), the details
    (`params`), and an English sentence for logs and error messages."""

    field: str
    code: str
    params: dict[str, Any]
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "code": self.code, "params": self.params, "message": self.message}


def _catalogue_problem(entry: Entry, services: dict[str, Service]) -> FieldProblem | None:
    service = services.get(entry.service)
    if service is None:
        return FieldProblem("service", "unknown_service", {"service": entry.service}, f"unknown service id {entry.service!r}")
    if entry.directorate != service.owner:
        return FieldProblem(
            "directorate", "wrong_directorate", {"directorate": entry.directorate, "service": entry.service, "owner": service.owner},
            f"{entry.directorate!r} does not own {entry.service!r} (the catalogue says {service.owner!r})",
        )
    if entry.checked != service.checked:
        return FieldProblem(
            "checked", "checked_disagrees", {"checked": entry.checked, "catalogue": service.checked},
            f"{entry.checked!r} disagrees with the catalogue ({service.checked!r})",
        )
    return None


def _check_against_catalogue(entry: Entry, services: dict[str, Service]) -> str | None:
    problem = _catalogue_problem(entry, services)
    return f"field '{problem.field}': {problem.message}" if problem else None


def _json_safe(context: dict[str, Any] | None) -> dict[str, Any]:
    """pydantic's error context, only what JSON carries as it is (limits, patterns, expected values)."""
    return {k: v for k, v in (context or {}).items() if isinstance(v, (str, int, float, bool)) or v is None}


def load_file(path: Path, services: dict[str, Service]) -> list[Entry]:
    data = read_list_file(path, "entries", "content", ContentError)
    entries = []
    for position, raw in enumerate(data["entries"], start=1):
        label = raw.get("id") if isinstance(raw, dict) else None
        where = f"{path}: entry {label!r} (#{position})" if label else f"{path}: entry #{position}"
        if not isinstance(raw, dict):
            raise ContentError(f"{where}: expected a mapping")
        try:
            entry = Entry.model_validate(raw)
        except ValidationError as exc:
            raise ContentError(f"{where}: {_describe(exc)}") from exc
        problem = _check_against_catalogue(entry, services)
        if problem:
            raise ContentError(f"{where}: {problem}")
        entries.append(entry)
    return entries


def load_entries(content_dir: Path, services: dict[str, Service]) -> list[Entry]:
    files = sorted(content_dir.glob("*.yml"))
    if not files:
        raise ContentError(f"{content_dir}: no content files (*.yml)")
    entries: list[Entry] = []
    first_seen: dict[str, Path] = {}
    for path in files:
        for entry in load_file(path, services):
            if entry.id in first_seen:
                raise ContentError(
                    f"{path}: entry {entry.id!r}: field 'id': duplicate, "
                    f"already used in {first_seen[entry.id]}"
                )
            first_seen[entry.id] = path
            entries.append(entry)
    return entries


def validate_entry(raw: object, services: dict[str, Service]) -> Entry:
    """An entry from the admin API: the same schema and catalogue checks as files, as a 422
    that names each bad field (the admin pages show the message next to the field)."""
    if not isinstance(raw, dict):
        problem = FieldProblem("(entry)", "not_an_object", {}, "expected an object")
        raise EntryInvalidError("An entry must be a JSON object.", [problem.to_json()])
    try:
        entry = Entry.model_validate(raw)
    except ValidationError as exc:
        fields = [
            FieldProblem(
                ".".join(str(part) for part in error["loc"]) or "(entry)", error["type"], _json_safe(error.get("ctx")),
                error["msg"],
            ).to_json()
            for error in exc.errors()
        ]
        raise EntryInvalidError("The entry is not valid.", fields) from exc
    problem = _catalogue_problem(entry, services)
    if problem:
        raise EntryInvalidError("The entry is not valid.", [problem.to_json()])
    return entry
