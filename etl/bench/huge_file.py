"""Writes one big project-progress county file (GBK, CRLF) for the loader's memory test:
the same shape as `invest-etl sample` project sheets (附件1 and title rows, 填报单位 row, a
two-row header with a line break and full-width brackets, section rows, 小计/合计 rows, notes),
with distinct project codes, until the file reaches the requested size.

    python3 huge_file.py OUT.csv SIZE_MB [SEED]

The file name should carry the month and region (e.g. 2022-06_灵山县_重大项目进度.csv)."""
import random
import sys

path, size_mb = sys.argv[1], int(sys.argv[2])
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20220630
target = size_mb * 1024 * 1024
rng = random.Random(seed)

industries = ["制造业", "交通运输", "水利", "房地产业", "信息技术", "能源", "市政公用", "教育"]
departments = ["灵山县发展和改革局", "灵山县工业和信息化局", "灵山县交通运输局", "灵山县住房和城乡建设局", "灵山县水利局"]
names = ["灵山县工业园区标准厂房（{}期）", "灵山县城南片区市政道路配套工程{}", "灵山县第{}中学教学综合楼",
         "灵山县荔枝产业园冷链物流中心{}号库", "灵山县农村饮水安全巩固提升工程（{}标段）"]
sections = [("一、产业项目", "（一）工业项目"), ("一、产业项目", "（二）服务业项目"),
            ("二、基础设施项目", "（一）交通基础设施项目"), ("二、基础设施项目", "（二）市政基础设施项目")]


def money(cents):
    return "{}.{:02d}".format(cents // 100, cents % 100)


def line(cells):
    out = []
    for c in cells:
        if any(ch in c for ch in ',"\n'):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ",".join(out) + "\r\n"


with open(path, "wb") as f:
    pad = [""] * 13
    head = [
        line(["附件1"] + pad),
        line(["灵山县2022年1-6月重大项目投资进度表"] + pad),
        line(["填报单位：灵山县发展和改革局", "", "", "", "", "", "", "", "", "", "", "单位：万元", "", ""]),
        line(["序号", "项目名称", "统一项目代码", "责任单位", "行业分类", "是否民间投资", "建设性质", "总投资（万元）",
              "年度计划投资（万元）", "投资完成情况", "", "项目状态", "停工原因", "开工时间"]),
        line(["", "", "", "", "", "", "", "", "", "1-6月\n完成投资（万元）", "本月完成投资", "", "", ""]),
    ]
    written = 0
    for h in head:
        data = h.encode("gb18030")
        f.write(data)
        written += len(data)
    number = 0
    grand = [0, 0, 0, 0]
    per_section = 250_000
    section = 0
    last_top = None
    while written < target:
        top, sub = sections[section % len(sections)]
        block = []
        if top != last_top:
            block.append(line([top] + pad))
            last_top = top
        block.append(line([sub] + pad))
        sums = [0, 0, 0, 0]
        for _ in range(per_section):
            number += 1
            total = rng.randint(100_000, 5_000_000_00)
            plan = total // rng.randint(3, 8)
            ytd = plan * rng.randint(10, 70) // 100
            month = "-" if rng.random() < 0.08 else money(ytd // 6)
            block.append(line([
                str(number), rng.choice(names).format(rng.randint(1, 99)),
                "2022-450721-{:02d}-01-{:07d}".format(rng.randint(10, 99), number),
                rng.choice(departments), rng.choice(industries), rng.choice(["是", "否"]),
                rng.choice(["新建", "续建"]), money(total), money(plan), money(ytd), month,
                "停工" if rng.random() < 0.03 else "在建", "", "2021年{}月".format(rng.randint(1, 12)),
            ]))
            sums[0] += total
            sums[1] += plan
            sums[2] += ytd
            if month != "-":
                sums[3] += ytd // 6
            if len(block) >= 5000:
                data = "".join(block).encode("gb18030")
                f.write(data)
                written += len(data)
                block = []
            if written >= target:
                break
        block.append(line(["小计", "", "", "", "", "", "", money(sums[0]), money(sums[1]), money(sums[2]),
                           money(sums[3]), "", "", ""]))
        for k in range(4):
            grand[k] += sums[k]
        data = "".join(block).encode("gb18030")
        f.write(data)
        written += len(data)
        section += 1
    tail = [
        line(["合计", "", "", "", "", "", "", money(grand[0]), money(grand[1]), money(grand[2]), money(grand[3]),
              "", "", ""]),
        line(pad + [""]),
        line(["注：1.本表数据截至2022年6月底。"] + pad),
        line(["填报人：黄某某", "", "", "审核人：李某某", "", "", "联系电话：0777-2812345"] + [""] * 7),
    ]
    for t in tail:
        f.write(t.encode("gb18030"))
print(f"{path}: {number} project rows")
