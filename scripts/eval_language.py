"""Print language-detection figures on tests/data/eval_language.yml: `make eval` runs it."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from connectors.language import LANGUAGES, guess_language  # noqa: E402


def main() -> int:
    messages = yaml.safe_load((ROOT / "tests/data/eval_language.yml").read_text(encoding="utf-8"))["messages"]
    confusion: Counter = Counter()
    misses = []
    decisive = decisive_right = 0
    for message in messages:
        guess = guess_language(message["text"])
        got = guess.lang
        if guess.decisive:
            decisive += 1
            decisive_right += got == message["lang"]
        confusion[(message["lang"], got)] += 1
        if got != message["lang"]:
            misses.append((message["lang"], got, message["text"]))
    totals = Counter(m["lang"] for m in messages)
    accuracy = sum(confusion[(lang, lang)] for lang in totals) / len(messages)
    print(f"Language detection on {len(messages)} messages: accuracy {accuracy:.3f}")
    for lang in LANGUAGES:
        if totals[lang]:
            print(f"  recall {lang:<6} {confusion[(lang, lang)]:>3}/{totals[lang]:<3} = {confusion[(lang, lang)] / totals[lang]:.3f}")
    print(f"  nb written, nn detected: {confusion[('nb', 'nn')]};  nn written, nb detected: {confusion[('nn', 'nb')]}")
    print(
        f"  decisive (may switch the conversation): {decisive}/{len(messages)} = {decisive / len(messages):.3f}, "
        f"of which right {decisive_right / max(decisive, 1):.3f}"
    )
    print("  confusion, written (rows) by detected (columns):")
    print(f"  {'':<8}" + "".join(f"{lang:>7}" for lang in LANGUAGES))
    for written in LANGUAGES:
        print(f"  {written:<8}" + "".join(f"{confusion[(written, got)]:>7}" for got in LANGUAGES))
    for written, got, text in misses:
        print(f"  MISS [{written} -> {got}] {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
