#!/usr/bin/env python3
"""Writes the demo bureaus' monthly figures (demo/figures-<year>.csv).

Zhuji's 2023 year totals come from its 2023 summary (shared/seeds/001_c52e4e52ffe873af.txt):
交通有效投资 61.4亿元 against a task of 39.8亿元, +69.9% year on year; 6385 approvals; 2145 penalty
cases and 685.02万元 of fines; 837 construction-safety hazards found and rectified. The summary
gives years, not months: the monthly split is synthetic and every row says so. Shaoxing's other
five county-level divisions are synthetic peers; their figures are invented so that the demo's
ranking tells the summary's story (Zhuji second from January to September, first from October).
Run from the repository root: python3 tenants/synthetic-figures.py
"""

SHARES = [4, 5, 8, 8, 9, 9, 8, 8, 9, 10, 10, 12]          # back-loaded year, in %
FRONT = [7, 7, 9, 9, 9, 9, 10, 10, 10, 6, 6, 8]           # a peer that starts fast and slows
EVEN = [8] * 11 + [12]
SEED = "诸暨市交通运输局2023年工作总结"
SPLIT = "全年数出自" + SEED + "，按月分摊为合成数据"
SYNTHETIC = "合成演示数据"


def split(total, shares, decimals=0):
    values, acc = [], 0
    for i, s in enumerate(shares):
        v = round(total - acc, decimals) if i == 11 else round(total * s / 100, decimals)
        if i < 11:
            acc += v
        values.append(v)
    return values


def fmt(v):
    return ("%.2f" % v).rstrip("0").rstrip(".")


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("指标编码,月份,数值,单位,来源\n")
        for code, month, value, unit, source in rows:
            f.write(",".join([code, str(month), fmt(value), unit, source]) + "\n")


def monthly(code, total, shares, unit, source, decimals=0):
    return [(code, m, v, unit, source) for m, v in enumerate(split(total, shares, decimals), 1)]


zhuji = monthly("invest.effective", 614000, SHARES, "万元", SPLIT)
zhuji.append(("invest.effective", "目标", 398000, "万元", SEED + "（任务39.8亿元）"))
zhuji += monthly("approvals.handled", 6385, EVEN, "件", SPLIT)
zhuji += monthly("enforcement.cases", 2145, EVEN, "件", SPLIT)
zhuji += monthly("enforcement.fines", 685.02, EVEN, "万元", SPLIT, 2)
zhuji += monthly("safety.hazards_found", 837, EVEN, "处", SPLIT)
zhuji += monthly("safety.hazards_rectified", 837, EVEN, "处", SPLIT)
write("tenants/zhuji/demo/figures-2023.csv", zhuji)
write("tenants/zhuji/demo/figures-2022.csv", monthly(
    "invest.effective", round(614000 / 1.699, 2), SHARES, "万元",
    "由" + SEED + "“同比增长69.9%”倒推的全年数，按月分摊为合成数据", 2))

for code, total in {"yuecheng": 300000, "keqiao": 540000, "shangyu": 400000,
                    "xinchang": 200000, "shengzhou": 260000}.items():
    shares = FRONT if code == "keqiao" else SHARES
    rows = monthly("invest.effective", total, shares, "万元", SYNTHETIC)
    rows.append(("invest.effective", "目标", round(total * 0.8), "万元", SYNTHETIC))
    rows += monthly("approvals.handled", round(total / 100), EVEN, "件", SYNTHETIC)
    write(f"tenants/{code}/demo/figures-2023.csv", rows)
    write(f"tenants/{code}/demo/figures-2022.csv",
          monthly("invest.effective", round(total * 0.85), shares, "万元", SYNTHETIC))
