#!/usr/bin/env python3
"""Writes the two character tables the GI search reads (crates/server/src/gi/data/):

- hanzi_readings.txt: per toneless pinyin syllable (ü folded to u, as the search folds it),
  every character of the basic CJK block that pypinyin's dictionary reads so: first those for
  which it is the first (usual) reading, then after a `|` those for which it is another one.
  The search matches typed characters by sound (海按大米 → 海安大米) and spells aliases;
- hanzi_simplified.txt: traditional → simplified, one character each, from OpenCC's
  TSCharacters table (first choice only): 啓東 → 启东.

Run by hand when the tables should change (not by the tests), in a venv with the pinned
versions: pip install pypinyin==0.55.0 opencc-python-reimplemented==0.1.7
"""

import collections
import os
from pathlib import Path

import opencc
from pypinyin import Style
from pypinyin.pinyin_dict import pinyin_dict
from pypinyin.style import convert

OUT = Path(__file__).resolve().parent.parent / "crates/server/src/gi/data"


def folded(syllable):
    return convert(syllable, Style.NORMAL, strict=True).replace("ü", "u").replace("v", "u")


def main():
    usual = collections.defaultdict(list)
    other = collections.defaultdict(list)
    for code in range(0x4E00, 0xA000):
        value = pinyin_dict.get(code)
        if not value:
            continue
        readings = [s for s in dict.fromkeys(folded(s) for s in value.split(","))
                    if s.isascii() and s.isalpha()]
        for n, syllable in enumerate(readings):
            (usual if n == 0 else other)[syllable].append(chr(code))
    with open(OUT / "hanzi_readings.txt", "w", encoding="utf-8") as f:
        for syllable in sorted(set(usual) | set(other)):
            f.write(f"{syllable}\t{''.join(usual[syllable])}|{''.join(other[syllable])}\n")

    table = Path(os.path.dirname(opencc.__file__)) / "dictionary" / "TSCharacters.txt"
    pairs = []
    for line in table.read_text(encoding="utf-8").splitlines():
        trad, simp = line.split("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            pairs.append(trad + simp)
    with open(OUT / "hanzi_simplified.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(pairs)) + "\n")


if __name__ == "__main__":
    main()
