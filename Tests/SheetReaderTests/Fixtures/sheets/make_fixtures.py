#!/usr/bin/env python3
"""Writes the realistic county-sheet fixtures next to this script.

The sheets imitate what Excel/WPS export on Chinese Windows: GB18030 bytes, CRLF, quoted
cells with line breaks, merged cells exported as empty cells, full-width brackets and digits,
title rows above the header, section/subtotal/note rows. Run `python3 make_fixtures.py` to
regenerate; the generated files are committed so the tests do not need Python.
"""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def to_csv(rows, delimiter=","):
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow(r)
    return out.getvalue()


def write(name, text, encoding):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(text.encode(encoding))


W = 13  # width of the project sheet


def pad(row, width=W):
    return row + [""] * (width - len(row))


# 1. GBK project-progress sheet from a county: 附件1 + title + 填报单位, two-row merged header
#    with line breaks in quoted cells and full-width brackets, sections, 小计/合计 (one 小计
#    wrong), a bad cell, a missing code, a ragged row, a repeated header, blank and note rows.
header1 = ["序号", "项目名称", "统一项目\n代码", "建设性质", "总投资\n（万元）", "2022年计划投资（万元）",
           "1-6月\n完成投资（万元）", "", "是否民间投资", "项目状态", "开工时间", "责任单位", "备注"]
header2 = ["", "", "", "", "", "", "本年累计", "其中：本月", "", "", "", "", ""]
project = [
    pad(["附件1"]),
    pad(["2022年1-6月钦州市重大项目投资进度表"]),
    pad(["填报单位：灵山县发展和改革局\u3000\u3000单位：万元"]),
    header1,
    header2,
    pad(["一、产业项目"]),
    pad(["（一）工业项目"]),
    ["1", "灵山县荔枝深加工项目", "2020-450721-13-03-012345", "续建", "12,000.00", "3000.00", "1600.50", "300.00", "是", "在建", "2020/3/15", "县工业和信息化局", ""],
    ["2", "灵山县新材料产业园（一期）", "２０２１－４５０７２１－３０－０１－０００８８８", "新建", "25000.00", "8000.00", "2,400.00", "500.00", "否", "在建", "2022年3月", "县工业和信息化局", ""],
    pad(["", "小计", "", "", "37000.00", "11000.00", "4000.50", "800.00"]),
    pad(["（二）服务业项目"]),
    ["3", "灵山县冷链物流中心", "2021-450721-59-01-000123", "新建", "8000", "2000", "800.00", "120.00", "是", "在建", "2021.11", "县商务局", ""],
    ["4", "灵山县文旅综合体", "2021-450721-72-01-000456", "续建", "15000", "5000", "待核实", "", "是", "在建", "2021-08-01", "县文化旅游局", "数据待核实"],
    ["5", "灵山县农贸市场改造", "2022-450721-52-01-000789", "新建", "600", "300", "150.00", "50.00", "否"],
    pad(["", "小计", "", "", "", "", "1000.00", "170.00"]),
    pad(["二、基础设施项目"]),
    ["6", "灵山县城区污水管网工程", "2019-450721-77-01-000321", "续建", "9,800.00", "2,500.00", "1.2E+03", "200.00", "否", "在建", "44635", "县住房城乡建设局", ""],
    ["7", "灵山县乡村道路提级改造", "", "新建", "3000", "1000", "300.00", "100.00", "否", "在建", "2022-04-01", "县交通运输局", "代码未赋"],
    header1,
    ["8", "灵山县第二水厂", "2020-450721-46-01-000654", "续建", "6000", "1500", "(0.00)", "—", "否", "停工", "2020年5月", "县水利局", "征地受阻"],
    pad(["", "合计", "", "", "", "", "6150.50", "1170.00"]),
    pad([]),
    pad(["注：1.本表数据截至2022年6月30日；2.完成投资以统计部门数据为准。"]),
    pad(["填报人：张三", "", "审核人：李四", "", "联系电话：0777-6512345"]),
]
write("project_progress_lingshan_gbk.csv", to_csv(project), "gb18030")

# 2. Indicator summary, wide, two-row merged header, amounts in 亿元 (title), UTF-8 with BOM.
wide = [
    ["2022年1-6月全市固定资产投资主要指标完成情况", "", "", "", "", "", ""],
    ["单位：亿元", "", "", "", "", "", ""],
    ["县区", "固定资产投资", "", "工业投资", "", "民间投资", ""],
    ["", "累计", "同比增长（%）", "累计", "同比±%", "累计", "增速"],
    ["全市合计", "420.00", "12.5", "150.00", "30.1", "160.00", "8.2"],
    ["钦南区", "120.50", "15.2%", "40.25", "28.0", "50.00", "-3.5"],
    ["钦北区", "98.30", "(2.1)", "30.00", "35.5", "40.00", "10.0"],
    ["灵山县", "１０５．２０", "9.8", "45.00", "#DIV/0!", "40.00", "12.3"],
    ["浦北县", "96.00", "18.0", "34.75", "-", "30.00", "7.7"],
    ["钦州港片区", "—", "—", "—", "—", "—", "—"],
    ["注：全市合计含市本级。", "", "", "", "", "", ""],
]
write("indicator_summary_wide.csv", "\ufeff" + to_csv(wide), "utf-8")

# 3. Indicator summary, long (指标 column), month from the file name, no title rows.
long_rows = [
    ["地区", "指标", "1-3月累计\n（万元）", "上年同期\n（万元）", "同比增长\n（%）"],
    ["钦南区", "固定资产投资", "356,789.50", "300,000.00", "18.9"],
    ["钦南区", "其中：工业投资", "120000", "90000", "33.3"],
    ["钦南区", "民间投资", "80000.5", "", ""],
    ["钦北区", "固定资产投资", "２５０，０００．００", "260000", "(3.8)"],
    ["钦北区", "GDP", "1000", "900", "11.1"],
    ["钦北区", "制造业投资", "-100", "50", "1"],
]
write("indicator_summary_long_202203.csv", to_csv(long_rows), "utf-8")

# 4. Transfer payments: amounts in 元 (title), a 合计 row that matches, UTF-8 without BOM.
transfer = [
    ["2022年1-6月争取上级转移支付资金情况表", "", "", "", "", ""],
    ["单位：元", "", "", "", "", ""],
    ["序号", "单位", "资金类别", "本年累计争取", "上年同期", "同比增长"],
    ["1", "钦南区", "一般性转移支付", "123,456,789.00", "110,000,000.00", "12.23%"],
    ["2", "灵山县", "专项转移支付", "98,765,432.10", "100,000,000.00", "-1.23%"],
    ["3", "市财政局", "共同财政事权转移支付", "50,000,000", "", ""],
    ["", "合计", "", "272,222,221.10", "", ""],
]
write("transfer_payments_2022-06.csv", to_csv(transfer), "utf-8")

# 5. Targets: year only in the title, monthly amounts 1月…12月 (accumulated by the reader).
months = [f"{m}月" for m in range(1, 13)]
targets = [
    ["2022年全市固定资产投资目标任务分解表"] + [""] * 15,
    ["单位", "指标", "全年目标任务（万元）", "目标增速"] + months,
    ["钦南区", "固定资产投资", "1200000", "15%"] + ["100000"] * 12,
    ["灵山县", "工业投资", "600000", "30%", "", "60000"] + ["54000"] * 10,
    ["浦北县", "固定资产投资", "", "15"] + [""] * 12,
]
write("targets_2022.csv", to_csv(targets), "utf-8")

# 6. Excel "Unicode text": UTF-16LE with BOM, tab-separated, one-row header, amounts in 亿元
#    (header cells), region and month from the title.
utf16 = [
    ["浦北县2022年1-5月重大项目进展情况"],
    ["项目代码", "项目名称", "所属县区", "本年累计完成投资（亿元）", "本月完成投资（亿元）", "投资主体", "开工日期", "项目状态", "停工原因"],
    ["2021-450722-44-01-000111", "浦北县光伏发电项目", "浦北县", "1.2345", "0.2", "民营企业", "2021-10-08", "在建", ""],
    ["2022-450722-48-01-000222", "浦北县城南大道", "浦北县", "0.5", "0.1", "国有企业", "2022年2月16日", "停工", "资金未到位"],
    ["2022-450722-48-01-000333", "浦北县污水处理厂", "浦北县", "12.3%", "0.1", "政府投资", "2022/2/30", "在建", ""],
]
write("project_progress_pubei_utf16.txt", to_csv(utf16, delimiter="\t"), "utf-16")
