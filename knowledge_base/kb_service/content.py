"""FAQ entries: the schema every entry must meet, and the loader that enforces it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

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
            raise ValueError("phrasings must not be blank")
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


def _check_against_catalogue(entry: Entry, services: dict[str, Service]) -> str | None:
    service = services.get(entry.service)
    if service is None:
        return f"field 'service': unknown service id {entry.service!r}"
    if entry.directorate != service.owner:
        return (
            f"field 'directorate': {entry.directorate!r} does not own {entry.service!r} "
            f"(the catalogue says {service.owner!r})"
        )
    if entry.checked != service.checked:
        return (
            f"field 'checked': {entry.checked!r} disagrees with the catalogue ({service.checked!r})"
        )
    return None


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
        raise EntryInvalidError("An entry must be a JSON object.", [{"field": "(entry)", "message": "expected an object"}])
    try:
        entry = Entry.model_validate(raw)
    except ValidationError as exc:
        fields = [
            {"field": ".".join(str(part) for part in error["loc"]) or "(entry)", "message": error["msg"]}
            for error in exc.errors()
        ]
        raise EntryInvalidError("The entry is not valid.", fields) from exc
    problem = _check_against_catalogue(entry, services)
    if problem:
        field = problem.split("'")[1] if problem.startswith("field '") else "(entry)"
        raise EntryInvalidError("The entry is not valid.", [{"field": field, "message": problem}])
    return entry
