#!/usr/bin/env python3
"""Generate policies/regions.yaml from scripts/data/{provinces,cities}.csv.

Inputs are copies of dist/provinces.csv and dist/cities.csv from the public
dataset modood/Administrative-divisions-of-China (derived from the National
Bureau of Statistics 统计用区划代码). Codes there are 2-digit (province) and
4-digit (prefecture); they are padded with zeros to six-digit GB/T 2260 codes.

Pinyin comes from pypinyin (`pip install pypinyin`); polyphonic names are fixed
by the PINYIN_OVERRIDES table below, which was checked by hand.

Usage:  python3 scripts/data/gen_regions.py            # writes policies/regions.yaml
        python3 scripts/data/gen_regions.py --check    # only validate, print stats
"""
import csv
import os
import re
import sys
from collections import defaultdict

from pypinyin import Style, lazy_pinyin

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = HERE
OUT = os.path.join(ROOT, "policies", "regions.yaml")

MUNICIPALITIES = {"11", "12", "31", "50"}
# Placeholder rows of the municipalities (市辖区 / 县) and the groups of
# province-administered county-level units (省直辖县级行政区划, e.g. 济源 419001,
# 仙桃 429004, the 4690xx of Hainan, 石河子 659001) are not prefecture-level.
SKIP_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Autonomous regions: short name given explicitly (avoids 内蒙古 -> 内).
PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
}

# Ethnic-group names that may precede 自治州 (stripped repeatedly from the end).
ETHNIC = [
    "朝鲜族", "土家族", "苗族", "藏族", "羌族", "彝族", "布依族", "侗族",
    "哈尼族", "壮族", "傣族", "白族", "景颇族", "傈僳族", "回族", "蒙古族",
    "蒙古", "柯尔克孜", "哈萨克",
]

# Hand-checked pinyin for names where pypinyin's default reading is wrong or
# where the ASCII spelling needs a convention (keyed by short name).
PINYIN_OVERRIDES = {
    "重庆": "Chongqing",
    "厦门": "Xiamen",
    "蚌埠": "Bengbu",
    "六安": "Luan",       # Lu'an, apostrophe dropped (ASCII letters only)
    "长沙": "Changsha",
    "长春": "Changchun",
    "长治": "Changzhi",
    "乐山": "Leshan",
    "大理": "Dali",
    "朝阳": "Chaoyang",
    "曲靖": "Qujing",
    "莆田": "Putian",
    "亳州": "Bozhou",
    "泸州": "Luzhou",
    "阿勒泰": "Aletai",
    "阿坝": "Aba",
    "阿里": "Ali",
    "阿克苏": "Akesu",
    "阿拉善": "Alashan",
    "喀什": "Kashi",
    "和田": "Hetian",
    "巴音郭楞": "Bayinguoleng",
    "黔东南": "Qiandongnan",
    "大兴安岭": "Daxinganling",  # Da Hinggan Ling; no apostrophe
    "兴安": "Xingan",             # 兴安盟 Xing'an
    "西安": "Xian",               # Xi'an
    "吉安": "Jian",               # Ji'an
    "泰安": "Taian",
    "淮安": "Huaian",
    "延安": "Yanan",              # Yan'an
    "雅安": "Yaan",               # Ya'an
    "广安": "Guangan",            # Guang'an
    "吕梁": "Lvliang",            # Lüliang; ü written as v
    "葫芦岛": "Huludao",
    "石家庄": "Shijiazhuang",
    "东莞": "Dongguan",
    "濮阳": "Puyang",
    "漯河": "Luohe",
    "郴州": "Chenzhou",
    "衢州": "Quzhou",
    "丽水": "Lishui",
    "丽江": "Lijiang",
    "台州": "Taizhou",
    "陕西": "Shaanxi",            # conventional spelling, distinct from 山西 Shanxi
    "内蒙古": "Neimenggu",
    "宿州": "Suzhou",
    "宿迁": "Suqian",
    "南充": "Nanchong",
    "巴中": "Bazhong",
    "那曲": "Naqu",
    "日喀则": "Rikaze",
    "昌都": "Changdu",
    "克孜勒苏": "Kezilesu",
    "博尔塔拉": "Boertala",
    "塔城": "Tacheng",
    "伊犁": "Yili",
    "乌鲁木齐": "Wulumuqi",
    "哈密": "Hami",
    "怒江": "Nujiang",
    "迪庆": "Diqing",
    "德宏": "Dehong",
    "红河": "Honghe",
    "楚雄": "Chuxiong",
    "西双版纳": "Xishuangbanna",
    "普洱": "Puer",               # Pu'er
    "临沧": "Lincang",
    "果洛": "Guoluo",
    "玉树": "Yushu",
    "海东": "Haidong",
    "呼和浩特": "Huhehaote",
    "鄂尔多斯": "Eerduosi",
    "巴彦淖尔": "Bayannaoer",
    "锡林郭勒": "Xilinguole",
    "呼伦贝尔": "Hulunbeier",
    "齐齐哈尔": "Qiqihaer",
    "佳木斯": "Jiamusi",
    "七台河": "Qitaihe",
    "双鸭山": "Shuangyashan",
    "荆门": "Jingmen",
    "鄂州": "Ezhou",
    "十堰": "Shiyan",
    "襄阳": "Xiangyang",
    "恩施": "Enshi",
    "湘西": "Xiangxi",
    "攀枝花": "Panzhihua",
    "眉山": "Meishan",
    "六盘水": "Liupanshui",
}


def short_name(name, is_province):
    if is_province and name in PROVINCE_SHORT:
        return PROVINCE_SHORT[name]
    if name.endswith("自治州"):
        s = name[: -len("自治州")]
        changed = True
        while changed:
            changed = False
            for e in sorted(ETHNIC, key=len, reverse=True):
                if s.endswith(e) and len(s) > len(e):
                    s = s[: -len(e)]
                    changed = True
                    break
        return s
    for suf in ("地区", "省", "市", "盟"):
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    raise ValueError("no known suffix: " + name)


def pinyin(short):
    if short in PINYIN_OVERRIDES:
        return PINYIN_OVERRIDES[short]
    p = "".join(lazy_pinyin(short, style=Style.NORMAL, v_to_u=False))
    return p[:1].upper() + p[1:]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build():
    provinces = read_csv(os.path.join(DATA, "provinces.csv"))
    cities = read_csv(os.path.join(DATA, "cities.csv"))
    regions = []
    for p in provinces:
        code = p["code"].ljust(6, "0")
        s = short_name(p["name"], True)
        regions.append(dict(code=code, name=p["name"], short=s,
                            pinyin=pinyin(s), level="province"))
    for c in cities:
        if c["name"] in SKIP_NAMES or c["provinceCode"] in MUNICIPALITIES:
            continue
        code = c["code"].ljust(6, "0")
        s = short_name(c["name"], False)
        regions.append(dict(code=code, name=c["name"], short=s,
                            pinyin=pinyin(s), level="city",
                            parent=c["provinceCode"].ljust(6, "0")))
    regions.sort(key=lambda r: r["code"])
    return regions


def check(regions):
    by_code = {r["code"]: r for r in regions}
    provs = [r for r in regions if r["level"] == "province"]
    cities = [r for r in regions if r["level"] == "city"]
    assert len(provs) == 31, len(provs)
    assert len(by_code) == len(regions), "duplicate code"
    assert len({r["name"] for r in regions}) == len(regions), "duplicate name"
    for r in regions:
        assert re.fullmatch(r"\d{6}", r["code"]), r
        assert re.fullmatch(r"[A-Z][a-z]+", r["pinyin"]), r
        assert r["short"] and len(r["short"]) >= 2, r
    for c in cities:
        par = by_code.get(c["parent"])
        assert par is not None and par["level"] == "province", c
        assert c["parent"][:2] not in MUNICIPALITIES, c
        assert c["code"][:2] == c["parent"][:2], c
    must = {"南京市": "320100", "厦门市": "350200", "郑州市": "410100",
            "广州市": "440100", "深圳市": "440300", "乌鲁木齐市": "650100",
            "杭州市": "330100", "成都市": "510100"}
    by_name = {r["name"]: r["code"] for r in regions}
    for n, code in must.items():
        assert by_name.get(n) == code, (n, by_name.get(n))
    return provs, cities


def fmt(r):
    parts = ['code: "%s"' % r["code"], "name: " + r["name"],
             "short: " + r["short"], "pinyin: " + r["pinyin"],
             "level: " + r["level"]]
    if "parent" in r:
        parts.append('parent: "%s"' % r["parent"])
    return "  - {" + ", ".join(parts) + "}"


HEADER = """\
# yaml-language-server: $schema=../schemas/regions.schema.json
# Mainland China province-level (31) and prefecture-level ({ncity}) divisions, GB/T 2260 codes.
# Source: CODES (modood/Administrative-divisions-of-China, dist/provinces.csv + dist/cities.csv,
#   derived from NBS 统计用区划代码); pinyin: pypinyin, checked by hand.
# Generated by scripts/data/gen_regions.py from scripts/data/*.csv; edit the script, not this file.
# Not listed:
#   - the placeholder rows 市辖区/县 of the four municipalities (110100, 120100, 310100,
#     500100, 500200): 北京/天津/上海/重庆 have no prefecture level;
#   - province-administered county-level units (省直辖县级行政区划 4190, 4290, 4690 and
#     自治区直辖县级行政区划 6590: e.g. 济源 419001, 仙桃 429004, 潜江, 天门, 神农架,
#     Hainan's 4690xx such as 五指山/琼海/文昌, Xinjiang's 石河子 659001 and other XPCC cities);
#   - Hong Kong, Macao and Taiwan.
# Pinyin is the short name's, ASCII only: apostrophes dropped (六安 Luan, 西安 Xian), ü as v (吕梁 Lvliang).
sources: [CODES]
regions:
"""


def main():
    regions = build()
    provs, cities = check(regions)
    byp = defaultdict(list)
    for r in regions:
        byp[r["pinyin"]].append(r["name"])
    dups = {k: v for k, v in byp.items() if len(v) > 1}
    print("provinces:", len(provs), "cities:", len(cities), file=sys.stderr)
    for k, v in sorted(dups.items()):
        print("duplicate pinyin:", k, " ".join(v), file=sys.stderr)
    if "--check" in sys.argv:
        return
    # Provinces each followed by their cities; codes sort that way already.
    lines = [fmt(r) for r in regions]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(HEADER.format(ncity=len(cities)))
        f.write("\n".join(lines) + "\n")
    print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()
