"""Facts a text may state: phone numbers and links that services.yml lists."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES_FILE = ROOT / "knowledge_base" / "services.yml"

PHONE_LIKE = re.compile(r"\b\d{2,3}(?: \d{2,3}){1,3}\b")
URL_LIKE = re.compile(r"https://[^\s)]+")


def load_catalogue(path: Path = SERVICES_FILE) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["services"]


def known_phone_numbers(catalogue: list[dict]) -> set[str]:
    numbers = set()
    for service in catalogue:
        phone = service.get("phone") or ""
        texts = phone.values() if isinstance(phone, dict) else [phone]
        numbers.update(str(text).replace(" ", "") for text in texts)
    return numbers


def known_urls(catalogue: list[dict]) -> set[str]:
    return {str(service["url"]) for service in catalogue if str(service.get("url", "")).startswith("https://")}


def unknown_facts(text: str, catalogue: list[dict]) -> list[str]:
    """Phone numbers and links in `text` that services.yml does not list."""
    phones = known_phone_numbers(catalogue)
    urls = known_urls(catalogue)
    problems = [n for n in PHONE_LIKE.findall(text) if n.replace(" ", "") not in phones]
    problems += [u for u in URL_LIKE.findall(text) if u.rstrip(".,") not in urls]
    return problems
