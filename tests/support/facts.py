"""Facts a text may state: phone numbers and links that the service catalogue lists
(knowledge_base/services.yml and services-added.yml)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from common.catalogue import read_catalogue

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_FILES = (ROOT / "knowledge_base" / "services.yml", ROOT / "knowledge_base" / "services-added.yml")

PHONE_LIKE = re.compile(r"\b\d{2,3}(?: \d{2,3}){1,3}\b")
URL_LIKE = re.compile(r"https://[^\s)]+")


def load_catalogue(paths: Iterable[Path] = CATALOGUE_FILES) -> list[dict]:
    return read_catalogue(paths).services


def known_phone_numbers(catalogue: list[dict]) -> set[str]:
    numbers = set()
    for service in catalogue:
        phone = service.get("phone") or ""
        texts = [str(text) for text in (phone.values() if isinstance(phone, dict) else [phone])]
        numbers.update(text.replace(" ", "") for text in texts)
        # "400 00 777 (call or SMS)": the number without the note
        numbers.update(number.replace(" ", "") for text in texts for number in PHONE_LIKE.findall(text))
    return numbers


def known_urls(catalogue: list[dict]) -> set[str]:
    """Each service's own link, and the pages its facts were read in (`sources`, services-added.yml)."""
    urls = {str(service.get("url", "")) for service in catalogue}
    urls.update(str(source.get("url", "")) for service in catalogue for source in service.get("sources") or [])
    return {url for url in urls if url.startswith("https://")}


def unknown_facts(text: str, catalogue: list[dict]) -> list[str]:
    """Phone numbers and links in `text` that the catalogue does not list."""
    phones = known_phone_numbers(catalogue)
    urls = known_urls(catalogue)
    problems = [n for n in PHONE_LIKE.findall(text) if n.replace(" ", "") not in phones]
    problems += [u for u in URL_LIKE.findall(text) if u.rstrip(".,") not in urls]
    return problems
