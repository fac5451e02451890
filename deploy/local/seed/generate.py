#!/usr/bin/env python3
"""Generates the local run's seed CSVs (deterministic: run it again, get the same files).

Two operators (op-a, op-b), 150 units each in 330106 (杭州市西湖区), every category, with
buildings, one UITD and one fire alarm panel per unit and a point list per panel.
Device address of unit <op><nnn>: "<op number, 2 digits>330106<nnnn>", e.g. op-a unit 1 ->
013301060001 (see README.md).

Units 1-18 of each operator are the original demo units (their names, addresses, buildings and
points are unchanged, tests and screenshots name them); units 19-150 fill 西湖区's streets with
further units of every category, 10-30 points per UITD.
"""
import csv, os

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

def credit_code(body17):
    s = sum(ALPHABET.index(c) * w for c, w in zip(body17, WEIGHTS))
    return body17 + ALPHABET[(31 - s % 31) % 31]

OPERATORS = [("op-a", 1, "A"), ("op-b", 2, "B")]
CATEGORIES = ["KEY_UNIT", "CROWDED_PLACE", "FLAMMABLE_EXPLOSIVE", "OTHER"]
NAMES = {
    "KEY_UNIT": ["西湖区人民医院", "文三路高层写字楼", "西溪养老院", "浙大附属中学宿舍楼", "黄龙体育中心", "西湖区档案馆"],
    "CROWDED_PLACE": ["西湖文化广场商场", "古荡影城", "翠苑农贸市场", "文二路KTV", "西溪印象城", "转塘酒店"],
    "FLAMMABLE_EXPLOSIVE": ["天目山路加油站", "留下燃气储配站", "三墩化工仓库", "蒋村加气站"],
    "OTHER": ["西湖区小学", "灵隐寺管理处", "转塘物流仓库", "文新街道办事处"],
}
UNITS_PER_OPERATOR = 150
ORIGINAL = 18
# Units 19-150: a place of 西湖区 and a kind of unit of the category.
AREAS = ["文新", "翠苑", "古荡", "西溪", "蒋村", "留下", "转塘", "三墩", "灵隐", "北山", "西湖", "双浦",
         "龙坞", "文三", "黄龙", "紫金港", "之江", "九莲", "申花", "益乐", "五联", "华星", "骆家庄", "振华"]
KINDS = {
    "KEY_UNIT": ["社区卫生服务中心", "中医院", "实验学校", "中学", "养老服务中心", "科技大厦", "图书馆",
                 "数据中心", "高层住宅小区", "博物馆", "学生公寓", "变电站"],
    "CROWDED_PLACE": ["商业综合体", "农贸市场", "影城", "大酒店", "网吧", "KTV", "超市", "游泳馆", "剧院",
                      "美食城", "宾馆", "健身中心"],
    "FLAMMABLE_EXPLOSIVE": ["加油站", "液化气供应站", "燃气调压站", "危化品仓库", "涂料仓库", "加气站"],
    "OTHER": ["小学", "幼儿园", "物流仓库", "街道办事处", "派出所", "社区服务中心", "厂房", "停车库"],
}
# Roads of 西湖区 for the addresses of units 19-150.
ROADS = ["文一西路", "文二西路", "文三路", "教工路", "学院路", "古墩路", "丰潭路", "紫金港路", "余杭塘路",
         "天目山路", "西溪路", "灵隐路", "曙光路", "保俶路", "莫干山路", "留和路", "之江路", "转塘科技路",
         "三墩路", "振华路", "五常大道", "益乐路", "花蒋路", "竞舟路"]

STREETS = ["文三路", "文二路", "天目山路", "古墩路", "余杭塘路", "西溪路", "灵隐路", "转塘街道", "留下街道", "三墩镇"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林"
GIVEN = ["建国", "明", "伟", "芳", "强", "敏", "静", "磊", "洋", "艳", "勇", "军"]

def person(i, k):
    return SURNAMES[(i * 3 + k) % len(SURNAMES)] + GIVEN[(i + k * 5) % len(GIVEN)]

def phone(i, k):
    return "139%08d" % (i * 10 + k)

here = os.path.dirname(os.path.abspath(__file__))
units, buildings, devices, systems, fleet = [], [], [], [], []
used = {c: 0 for c in CATEGORIES}
taken = set()

def new_name(cat, i):
    """A name for unit i (>= 19) of a category: a place and a kind, unique in the seed."""
    kinds = KINDS[cat]
    k = 0
    while True:
        area = AREAS[(i * 7 + k) % len(AREAS)]
        kind = kinds[(i + k // len(AREAS)) % len(kinds)]
        name = area + kind
        if name not in taken:
            taken.add(name)
            return name
        k += 1

# The original units first (n = 1..36 as before), then the further ones (n = 37..300).
plan = [(op, opnum, letter, seq) for op, opnum, letter in OPERATORS for seq in range(1, ORIGINAL + 1)]
plan += [(op, opnum, letter, seq) for op, opnum, letter in OPERATORS
         for seq in range(ORIGINAL + 1, UNITS_PER_OPERATOR + 1)]
n = 0
for op, opnum, letter, seq in plan:
        n += 1
        original = seq <= ORIGINAL
        cat = CATEGORIES[(seq - 1) % 4]
        if original:
            names = NAMES[cat]
            name = names[used[cat] % len(names)] + ("" if used[cat] < len(names) else "（二期）")
            used[cat] += 1
            taken.add(name)
        else:
            name = new_name(cat, n)
        name = name + "（%s）" % op.upper() if op == "op-b" else name
        uid = "U-330106-%s%03d" % (letter, seq)
        if original:
            street = STREETS[n % len(STREETS)]
            addr = "浙江省杭州市西湖区%s%d号" % (street, 10 + n * 7)
        else:
            road = ROADS[(n * 5) % len(ROADS)]
            addr = "浙江省杭州市西湖区%s%d号" % (road, 1 + (n * 37) % 480)
        if original:
            lat = 30.25 + (n % 9) * 0.007
            lon = 120.08 + (n % 11) * 0.009
        else:
            lat = 30.22 + ((n * 7) % 53) * 0.0017
            lon = 120.04 + ((n * 11) % 71) * 0.0015
        code = credit_code("91330106MA2%s%05d" % (letter, seq))
        staff = 20 + (n * 37) % 600
        contacts = ";".join("%s/%s/%s" % (person(n, k), role, phone(n, k)) for k, role in enumerate(["值班员", "保安队长"], start=3))
        units.append({
            "id": uid, "operator_id": op, "name": name, "credit_code": code, "category": cat,
            "district_code": "330106", "address": addr, "latitude": "%.4f" % lat, "longitude": "%.4f" % lon,
            "phone": "0571-8%07d" % n, "control_room_phone": "0571-8%07d" % (n + 5000),
            "legal_rep_name": person(n, 0), "legal_rep_phone": phone(n, 0),
            "responsible_name": person(n, 1), "responsible_phone": phone(n, 1),
            "manager_name": person(n, 2), "manager_phone": phone(n, 2),
            "contacts": contacts, "staff_count": staff, "floor_area": "%d" % (2000 + n * 850),
            "operator_contract_from": "2026-01-01", "operator_contract_to": "2028-12-31",
            "maintenance_company": ["杭州安消维保有限公司", "浙江众安消防技术服务有限公司"][n % 2],
            "maintenance_phone": "0571-8700%04d" % (n % 2), "maintenance_from": "2026-01-01",
            "maintenance_to": "2026-12-31",
        })
        if original:
            nb = 2 if cat in ("KEY_UNIT", "CROWDED_PLACE") else 1
            floors = {"KEY_UNIT": 12, "CROWDED_PLACE": 6, "FLAMMABLE_EXPLOSIVE": 1, "OTHER": 3}[cat]
            below = {"KEY_UNIT": 2, "CROWDED_PLACE": 2, "FLAMMABLE_EXPLOSIVE": 0, "OTHER": 1}[cat]
        else:
            # 10-30 points per UITD: two per floor and building.
            nb = {"KEY_UNIT": 1, "CROWDED_PLACE": 2, "FLAMMABLE_EXPLOSIVE": 2, "OTHER": 1}[cat]
            floors = {"KEY_UNIT": 8 + n % 5, "CROWDED_PLACE": 3 + n % 3,
                      "FLAMMABLE_EXPLOSIVE": 2 + n % 2, "OTHER": 4 + n % 3}[cat]
            below = {"KEY_UNIT": 1 + n % 2, "CROWDED_PLACE": 1, "FLAMMABLE_EXPLOSIVE": 0, "OTHER": 1}[cat]
        for b in range(1, nb + 1):
            buildings.append({
                "unit_id": uid, "name": "%d号楼" % b, "use": {"KEY_UNIT": "综合", "CROWDED_PLACE": "商业", "FLAMMABLE_EXPLOSIVE": "站房", "OTHER": "办公"}[cat],
                "structure": "STEEL" if cat == "FLAMMABLE_EXPLOSIVE" else "REINFORCED_CONCRETE",
                "fire_resistance_grade": "I" if cat == "KEY_UNIT" else "II",
                "height_m": "%.1f" % (floors * 3.6 + 1), "floors_above": floors, "floors_below": below,
                "floor_area": floors * 900,
            })
        address = "%02d330106%04d" % (opnum, seq)
        devices.append({"unit_id": uid, "address": address, "model": "FH-UITD-1",
                        "profile": "standard", "installed_on": "2026-01-%02d" % (1 + seq % 28),
                        "location": "1号楼1层消防控制室"})
        systems.append({"unit_id": uid, "device": address, "system_type": 1, "system_address": 1,
                        "name": "1号楼火灾报警控制器"})
        # Points: per building and floor a smoke detector and a manual call point; underground
        # floors get a heat detector. Component address = loop << 16 | point.
        rows = []
        for b in range(1, nb + 1):
            for f in [-x for x in range(below, 0, -1)] + list(range(1, floors + 1)):
                loop = b
                fl = f if f > 0 else 100 + (-f)
                base = fl * 10
                label = ("地下%d层" % -f) if f < 0 else ("%d层" % f)
                rows.append({"component_address": (loop << 16) | (base + 1), "component_type": 31 if f < 0 else 42,
                             "location": "%d号楼%s%s" % (b, label, "车库" if f < 0 else "走廊"),
                             "building": "%d号楼" % b, "floor": f, "zone": "%d-%s" % (b, "B%d" % -f if f < 0 else "%dF" % f)})
                rows.append({"component_address": (loop << 16) | (base + 2), "component_type": 23,
                             "location": "%d号楼%s楼梯口手动报警按钮" % (b, label),
                             "building": "%d号楼" % b, "floor": f, "zone": "%d-%s" % (b, "B%d" % -f if f < 0 else "%dF" % f)})
        # The simulated fleet of the local run: the same device and points, with a description
        # short enough for the 31 GB 18030 bytes of GB/T 26875.3's component description.
        for r in rows:
            kind = {31: "感温", 42: "感烟", 23: "手报"}[r["component_type"]]
            short = r["location"].replace("楼梯口手动报警按钮", "楼梯口")
            fleet.append({"device_address": address, "system_type": 1, "system_address": 1,
                          "component_type": r["component_type"], "component_address": r["component_address"],
                          "description": short + kind})
        with open(os.path.join(here, "points", "%s.csv" % uid), "w", newline="", encoding="utf-8") as out:
            w = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
            w.writeheader(); w.writerows(rows)

def write(name, rows):
    with open(os.path.join(here, name), "w", newline="", encoding="utf-8") as out:
        w = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader(); w.writerows(rows)

# Every file in unit id order: op-a's units, then op-b's (sorts are stable).
order = {u["id"]: i for i, u in enumerate(sorted(units, key=lambda u: u["id"]))}
units.sort(key=lambda u: order[u["id"]])
buildings.sort(key=lambda r: order[r["unit_id"]])
devices.sort(key=lambda r: order[r["unit_id"]])
systems.sort(key=lambda r: order[r["unit_id"]])
unit_of = {d["address"]: d["unit_id"] for d in devices}
fleet.sort(key=lambda r: order[unit_of[r["device_address"]]])
write("units.csv", units)
write("buildings.csv", buildings)
write("devices.csv", devices)
write("systems.csv", systems)
write("fleet.csv", fleet)
print("units %d, buildings %d, devices %d, systems %d" % (len(units), len(buildings), len(devices), len(systems)))
