#!/usr/bin/env python3
"""Checks every row of data/seed/gi_products.csv for the flaws people saw on product pages.

Run by scripts/test.sh (with pypinyin from the venv scripts/setup.sh --tests makes):

    "$GI_CHECK_VENV/bin/python" scripts/check-gi-data.py [path/to/gi_products.csv]

Classes of flaw, each reported with the row's id and name:
- columns: the header, ids, no duplicate (name, type), known types, provinces, categories,
  a year that matches the announcement, no stray whitespace;
- label: a doubled label ("保护范围：保护范围：", "保护范围：保护范围包括…");
- doubled: a place name written twice in a row ("四个社区四个社区", "董浜镇董浜镇");
- truncated: a protection area cut off: no closing "。" or "…", an empty or one-character last
  item ("…合作、吕。", "松多、。"), or a shortened text ("…", the texts are kept under 160
  characters) that does not stop right after a separator ("…黄院村和拴马…" cuts a name);
- pinyin: one toneless syllable per Chinese character of the name (the alias in brackets
  excluded), each one of the character's readings in pypinyin's dictionary; where a character
  has two readings in common use (长 cháng/zhǎng, 参 cān/shēn, 都 dū/dōu…), the reading must be
  the one a dictionary phrase inside the name gives, or the one reviewed for that word in
  data/seed/gi_readings.tsv. Pypinyin's own guess for a whole name is not trusted: it reads
  青皮长茄 as "qing pi zhang qie" because 皮长 is a phrase.
Exit status 1 and one line per flaw when anything fails; 0 and a count when all rows pass.
"""

import collections
import csv
import re
import sys
from pathlib import Path

from pypinyin import Style
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict
from pypinyin.style import convert

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "data/seed/gi_products.csv"
READINGS = ROOT / "data/seed/gi_readings.tsv"
ROWS = 4453

HEADER = ("id,name_zh,name_en,pinyin,province,city,category,gi_type,approved_year,"
          "announcement,description,source").split(",")
GI_TYPES = {"地理标志保护产品", "地理标志商标", "地理标志证明商标", "农产品地理标志",
            "中欧地理标志协定保护名录", "中欧“10+10”地理标志互认互保试点", ""}
CATEGORIES = {"粮油", "茶叶", "酒类", "水果", "干果坚果", "蔬菜", "水产", "畜禽", "中药材",
              "食用菌", "工艺品", "调味品", "加工食品", "蜂产品", "花卉", "饮品", "其他", ""}
PROVINCES = {"北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省",
             "黑龙江省", "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省",
             "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市",
             "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
             "宁夏回族自治区", "新疆维吾尔自治区", ""}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}

HAN = re.compile(r"[\u4e00-\u9fff〇]")
ALIAS = re.compile(r"（[^（）]*）")
LABEL = re.compile(r"^(?:保护|产地)?范围[：:]\s*(?:(?:保护|产地)?范围[：:]|保护范围(?:包括|位于|以|为))")
PLACE = r"(?:省|市|县|区|旗|镇|乡|村|街道|社区|区域)"
DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,}?" + PLACE + r")\s*\1")
# A one-character item that is complete: "…5个县（市）、区。", "…10个街道、乡。".
PLACE_TYPES = set("省市县区旗镇乡村场")
# Separators between the items of a protection area.
SEP = "、，；。"


def toneless(syllable):
    return convert(syllable, Style.NORMAL, strict=True).replace("v", "ü")


def char_readings(char):
    """Every reading pypinyin's character dictionary gives, toneless, ü kept."""
    value = pinyin_dict.get(ord(char))
    return {toneless(s) for s in value.split(",")} if value else set()


def common_readings():
    """Per character, how often each toneless reading occurs in pypinyin's phrase dictionary."""
    seen = collections.defaultdict(collections.Counter)
    for word, syllables in phrases_dict.items():
        for char, options in zip(word, syllables):
            seen[char][toneless(options[0])] += 1
    return seen


def dominant(counts):
    """The reading of at least 70% of at least four phrases, if there is one."""
    total = sum(counts.values())
    if total < 4:
        return None
    reading, n = counts.most_common(1)[0]
    return reading if n / total >= 0.7 else None


def is_heteronym(counts):
    """Two readings each in common use: the second in at least 10 phrases and 5% of them."""
    if len(counts) < 2:
        return False
    (_, _), (_, second) = counts.most_common(2)
    return second >= 10 and second / sum(counts.values()) >= 0.05


def load_readings(path):
    """Reviewed readings: word, toneless pinyin (one syllable per character), a reason."""
    reviewed = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            word, syllables, _reason = line.rstrip("\n").split("\t")
            syllables = syllables.split()
            if len(syllables) != len(word):
                sys.exit(f"{path.name}:{n}: {word} has {len(syllables)} syllables")
            reviewed[word] = syllables
    return reviewed


def reading_of(name, i, reviewed):
    """The reading the reviewed table or the dictionary's phrases give name[i], if any:
    the longest reviewed word covering it wins, else the phrases inside the name if they agree."""
    for length in range(len(name), 0, -1):
        for start in range(max(0, i - length + 1), min(i, len(name) - length) + 1):
            word = name[start:start + length]
            if word in reviewed:
                return {reviewed[word][i - start]}, word
    found = set()
    for length in (2, 3, 4):
        for start in range(max(0, i - length + 1), min(i, len(name) - length) + 1):
            word = name[start:start + length]
            if word in phrases_dict:
                found.add(toneless(phrases_dict[word][i - start][0]))
    return found, None


def check_pinyin(row, reviewed, common):
    name = "".join(HAN.findall(ALIAS.sub("", row["name_zh"])))
    syllables = row["pinyin"].split(" ")
    if not re.fullmatch(r"[a-zü]+( [a-zü]+)*", row["pinyin"]):
        return [f"pinyin {row['pinyin']!r} is not lower-case syllables separated by one space"]
    if len(syllables) != len(name):
        return [f"pinyin has {len(syllables)} syllables for the {len(name)} characters of {name}"]
    problems = []
    for i, (char, syllable) in enumerate(zip(name, syllables)):
        expected, word = reading_of(name, i, reviewed)
        if word is None and syllable not in char_readings(char):
            problems.append(f"pinyin: {char} is not read {syllable}")
        elif word is not None and syllable not in expected:
            problems.append(f"pinyin: {char} in {word} is read {'/'.join(expected)} "
                            f"(gi_readings.tsv), not {syllable}")
        elif word is None and len(expected) == 1 and syllable not in expected:
            problems.append(f"pinyin: {char} in {name} is read {expected.pop()} "
                            f"(dictionary phrase), not {syllable}")
        elif word is None and len(expected) != 1 and is_heteronym(common.get(char, {})):
            problems.append(f"pinyin: {char} has readings {'/'.join(sorted(common[char]))}; "
                            f"the one in {name} ({syllable}) is not reviewed in gi_readings.tsv")
        elif word is None and not expected and dominant(common.get(char, collections.Counter())) \
                not in (None, syllable):
            usual = dominant(common[char])
            problems.append(f"pinyin: {char} is usually read {usual}, in {name} {syllable} "
                            "is not reviewed in gi_readings.tsv")
    return problems


def check_description(row):
    text = row["description"]
    if not text:
        return []
    problems = []
    if LABEL.search(text):
        problems.append("label: doubled label at the start of the protection area")
    for m in DOUBLED.finditer(text):
        problems.append(f"doubled: {m.group(0)!r}")
    if not text.endswith(("。", "…")):
        problems.append(f"truncated: ends with {text[-6:]!r}, neither 。 nor …")
    if re.search(f"[{SEP}][{SEP}]", text):
        problems.append(f"truncated: an empty item in {text[-12:]!r}")
    body = text.rstrip("。…")
    last = re.split(f"[{SEP}]", body)[-1]
    items = [i for i in re.split(f"[{SEP}]", body) if i]
    if text.endswith("。") and len(last) == 1 and len(items) > 1 and last not in PLACE_TYPES:
        problems.append(f"truncated: the last item is one character, {text[-12:]!r}")
    if text.endswith("…") and text[-2:-1] not in tuple("、，；"):
        problems.append(f"truncated: a shortened text must stop after a separator, "
                        f"as in '、…', not {text[-12:]!r}")
    return problems


def check_columns(row, seen_keys):
    problems = []
    if not re.fullmatch(r"GI\d{5}", row["id"]):
        problems.append(f"columns: id {row['id']!r}")
    key = (row["name_zh"], row["gi_type"])
    if key in seen_keys:
        problems.append(f"columns: {key} is a second row for the same name and type")
    seen_keys.add(key)
    for field in ("gi_type", "category", "province"):
        allowed = {"gi_type": GI_TYPES, "category": CATEGORIES, "province": PROVINCES}[field]
        if row[field] not in allowed:
            problems.append(f"columns: {field} {row[field]!r} is not a known value")
    if row["province"] in MUNICIPALITIES and row["city"] not in ("", row["province"]):
        problems.append(f"columns: city {row['city']} in the municipality {row['province']}")
    if row["approved_year"] and row["announcement"].startswith(("国家", "《", "中欧")):
        if row["approved_year"] not in row["announcement"].split("；")[0]:
            problems.append("columns: approved_year is not the main announcement's year")
    for field, value in row.items():
        if field != "source" and value != value.strip():
            problems.append(f"columns: {field} has leading or trailing whitespace")
    if "(" in row["name_zh"] or ")" in row["name_zh"]:
        problems.append("columns: half-width bracket in the name")
    return problems


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CSV
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != HEADER:
            sys.exit(f"{path}: header {reader.fieldnames}")
        rows = list(reader)
    reviewed = load_readings(READINGS)
    common = common_readings()
    flaws = []
    if len(rows) != ROWS:
        flaws.append(f"{len(rows)} rows, expected {ROWS}")
    seen_keys = set()
    for row in rows:
        for problem in (check_columns(row, seen_keys) + check_description(row)
                        + check_pinyin(row, reviewed, common)):
            flaws.append(f"{row['id']} {row['name_zh']}: {problem}")
    for flaw in flaws:
        print(flaw)
    classes = collections.Counter(f.split(": ", 2)[1].split(":")[0] for f in flaws if ": " in f)
    if flaws:
        print(f"GI data check: {len(flaws)} flaws in {len(rows)} rows {dict(classes)}")
        sys.exit(1)
    print(f"GI data check: all {len(rows)} rows pass")


if __name__ == "__main__":
    main()
