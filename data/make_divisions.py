#!/usr/bin/env python3
"""Regenerates divisions.tsv from cpca's adcodes.csv (pip download cpca==0.5.5; unzip the wheel).

usage: make_divisions.py adcodes.csv 56_nations.csv jieba/dict.txt > divisions.tsv

The last column flags short names that are also common words (振兴, 大兴, 武功, 长安): they are
only recognised with their suffix. A word counts as common when jieba's dictionary (pip download
jieba==0.42.1) gives it a frequency of 100 or more, unless it is a city or province tagged as a
place name; a few generic names are flagged whatever their frequency.
"""
import csv, sys

SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "县", "区", "盟", "旗"]

def short_name(name, nations):
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                changed = True
                while changed:   # 恩施土家族苗族自治州 → 恩施
                    changed = False
                    for n in nations:
                        # 内蒙古自治区 → 内蒙古: a nation's name is stripped only when two
                        # characters of the place's own name remain.
                        if stem.endswith(n) and len(stem) - len(n) >= 2:
                            stem, changed = stem[: -len(n)], True
                    if not changed and stem.endswith("族") and len(stem) > 3:
                        stem, changed = stem[:-2], True
            return stem if len(stem) >= 2 else name
    return name

GENERIC = {"城区", "郊区", "矿区", "市中", "新区", "城中", "城关", "市南", "市北", "河口", "江口", "新华", "和平", "长安", "永定"}

def common_words(path):
    words = {}
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) == 3:
            words[parts[0]] = (int(parts[1]), parts[2])
    return words

def ambiguous(short, level, words):
    if short in GENERIC:
        return True
    freq, pos = words.get(short, (0, ""))
    return freq >= 100 and (level == "county" or pos != "ns")

def main():
    adcodes, nations_file, jieba_dict = sys.argv[1], sys.argv[2], sys.argv[3]
    words = common_words(jieba_dict)
    nations = sorted((l.strip() for l in open(nations_file, encoding="utf-8") if l.strip()), key=len, reverse=True)
    nations += [n[:-1] for n in nations if n.endswith("族") and len(n) > 2]
    rows = []
    for r in csv.DictReader(open(adcodes, encoding="utf-8")):
        name, code = r["name"], r["adcode"][:6]
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") or "海域" in name:
            continue
        level = "province" if code[2:] == "0000" else ("prefecture" if code[4:] == "00" else "county")
        short = short_name(name, nations)
        rows.append((code, name, short, level, "1" if ambiguous(short, level, words) else "0"))
    rows.sort()
    print("# Administrative divisions of China (GB/T 2260 codes): code, name, name without its suffix, level,")
    print("# 1 where the short name is also a common word (recognised only with its suffix).")
    print("# Source: adcodes.csv of the cpca 0.5.5 package (https://github.com/DQinYuan/chinese_province_city_area_mapper),")
    print("# MIT License, Copyright (c) 2018 QinYuan Du. Common words from jieba 0.42.1 dict.txt (MIT License).")
    print("# Regenerate with make_divisions.py.")
    for row in rows:
        print("\t".join(row))

main()
