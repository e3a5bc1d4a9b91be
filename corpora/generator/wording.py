"""Text of a generated report: sentences built from templates, with the figures of `Facts`.

Functions here return text plus the figures they printed (as `NarrFig` or printed
tokens), so gold can record exactly what the text says. Spacing habits of Word exports
("2024 年 10月", "45.65分" beside "45.65 分") are reproduced here, in running text only.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

from corpora.generator.facts import TOTAL, Facts, NarrFig, cn_num, num_str, vocab

NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def sp(rng: random.Random, p: float = 0.6) -> str:
    """A space where Word exports usually have one, missing now and then."""
    return " " if rng.random() < p else ""


def fmt_date(d: dt.date, rng: random.Random) -> str:
    return (
        f"{d.year}{sp(rng, 0.8)}年{sp(rng)}{d.month}{sp(rng)}月{sp(rng)}{d.day}{sp(rng)}日".replace(
            "  ", " "
        )
    )


def count_token(n: int, rng: random.Random, p_cn: float = 0.25) -> str:
    """A head count as printed: mostly digits, sometimes Chinese (两 for 2)."""
    if 0 < n <= 10 and rng.random() < p_cn:
        return "两" if n == 2 else cn_num(n)
    return str(n)


def numbers_in(text: str) -> list[float]:
    return [float(m) for m in NUMBER_RE.findall(text)]


def headline(text: str) -> str:
    """Up to the first 。 when short, else up to the first ，."""
    first = text.split("。", 1)[0]
    if len(first) < 60:
        return first
    return text.split("，", 1)[0]


@dataclass
class Filled:
    text: str
    figures: list[NarrFig] = field(default_factory=list)


_FIGURE = re.compile(r"\{(\w+):(\w+)\}\s*(人次|人|名|个|次)?")


def fill(template: str, facts: Facts, rng: random.Random, scope: str | None = None) -> Filled:
    """Fill a vocab template; approximate placeholders become approx figures, and a
    placeholder written `{n:indicator}` is a figure of that indicator (its unit follows)."""
    v = vocab()
    figs: list[NarrFig] = []
    wan = f"{rng.uniform(0.6, 3.5):.1f}"
    money = f"{rng.uniform(8, 80):.1f}"
    values = {
        "n": str(rng.randint(2, 40)),
        "m": str(rng.randint(2, 20)),
        "k": str(rng.randint(2, 15)),
        "hours": str(rng.randint(800, 9000)),
        "money": f"{rng.uniform(5000, 250000):.1f}",
        "street": facts.meta.street,
        "areas": str(len(facts.areas)),
        "communities": str(sum(len(a.communities) for a in facts.areas)),
        "slogan": rng.choice(v["theme_slogans"]),
        "hotline": rng.choice(v["hotline_names"]),
        "project_a": v["project_names"][facts.index % len(v["project_names"])],
        "project_b": rng.choice(v["project_names"]),
        "approx_wan": wan,
        "approx_money": money,
    }
    if "{approx_wan}" in template:
        figs.append(
            NarrFig(
                None, None, "other", wan, "万人次", approx=True, qualifier="超", value=float(wan)
            )
        )
    if "{approx_money}" in template:
        figs.append(
            NarrFig(
                None, None, "other", money, "万元", approx=True, qualifier="约", value=float(money)
            )
        )
    for m in _FIGURE.finditer(template):
        figs.append(
            NarrFig(m.group(2), "count", "done", values[m.group(1)], m.group(3), scope=scope)
        )
    text = _FIGURE.sub(
        lambda m: "{" + m.group(1) + "}" + m.group(0)[len(m.group(1)) + len(m.group(2)) + 3 :],
        template,
    )
    text = text.format(**values)
    for f in figs:
        f.sentence = text
    return Filled(text, figs)


# --- 服务指标完成情况 -------------------------------------------------------------------

GROUPS: tuple[tuple[str, tuple[tuple[str, str, str, str], ...]], ...] = (
    # indicator group: (indicator, measure, lead words, unit)
    (
        "basic",
        (
            ("registered", "count", "完成困难群众和特殊群体建档", "个"),
            ("phone_visits", "count", "电访", "个"),
            ("home_visits", "count", "探访", "个"),
        ),
    ),
    ("consult", (("consult_cases", "count", "咨询个案", "个"),)),
    (
        "casework",
        (
            ("casework", "opened", "个案接案", "个"),
            ("casework", "sessions", "开展", "节"),
            ("casework", "closed", "结案", "个"),
        ),
    ),
    (
        "groups",
        (
            ("groups", "count", "完成小组", "个"),
            ("groups", "sessions", "开展", "节"),
            ("groups", "attendances", "服务人次", "人次"),
        ),
    ),
    (
        "community",
        (
            ("community_events", "count", "完成社区活动", "个"),
            ("community_events", "attendances", "服务人次", "人"),
        ),
    ),
    (
        "small",
        (
            ("small_events", "count", "开展中小型活动", "次"),
            ("small_events", "attendances", "服务人次", "人次"),
        ),
    ),
)


def station_figures(facts: Facts) -> list[NarrFig]:
    """The station-level figures of 服务指标完成情况, copied from the 合计 row as printed."""
    t = facts.table
    figs = [NarrFig("staff", "count", "done", t.staff[TOTAL], "名")]
    for _, items in GROUPS:
        if not t.column(f"{items[0][0]}/{items[0][1]}").applicable:
            continue
        for ind, meas, _, unit in items:
            figs.append(NarrFig(ind, meas, "done", t.cells[(TOTAL, f"{ind}/{meas}")].done, unit))
        for ind, meas, _, _ in items:
            figs.append(NarrFig(ind, meas, "pct", t.cells[(TOTAL, f"{ind}/{meas}")].pct, "%"))
    return figs


def indicator_paragraph(facts: Facts, rng: random.Random) -> str:
    """The 服务指标完成情况 paragraph; sets each station figure's sentence to its clause."""
    figs = {(f.indicator, f.measure, f.kind): f for f in facts.narrative if f.scope is None}
    period = "本年度" if facts.meta.kind == "末期" else "评估期内"
    staff = figs[("staff", "count", "done")]
    first = f"评估期末月，社工站投入符合资质的社工 {staff.printed}{sp(rng)}名。"
    staff.sentence = first
    parts: list[str] = []
    lead_pct = rng.choice(["分别完成协议指标量的", "完成率分别为"])
    for _, items in GROUPS:
        key = (items[0][0], items[0][1], "done")
        if key not in figs:
            continue
        dones = [figs[(i, m, "done")] for i, m, _, _ in items]
        pcts = [figs[(i, m, "pct")] for i, m, _, _ in items]
        counts = "，".join(
            f"{w} {f.printed}{sp(rng)}{u}" for (_, _, w, u), f in zip(items, dones, strict=True)
        )
        lead = lead_pct if len(items) > 1 else "完成协议指标量的"
        sep = rng.choice(["，", "，", "、"])
        clause = f"{counts}，{lead} {sep.join(p.printed for p in pcts)}"
        for f in dones + pcts:
            f.sentence = clause
        parts.append(clause)
    body = "；".join(parts)
    tail = (
        f"（以上数据统计共计 {facts.meta.months}{sp(rng)}个考核月份，由社工服务站提供，"
        "各片区指标完成情况见附件 1）"
    )
    return f"{first}{period}{body}；{tail}"


# --- staffing items (六、（一）项目管理) ---------------------------------------------------


@dataclass
class StaffText:
    praise: list[str]
    concern: list[str]
    printed: dict[str, tuple[str, str]]  # Staffing field -> (token, unit)


def staffing_items(facts: Facts, rng: random.Random) -> StaffText:
    st = facts.staffing
    m = facts.meta.months
    p: dict[str, tuple[str, str]] = {}
    cert_req = st.required_certified * m
    full_req = st.required_fulltime * m
    cs = st.certified_actual - cert_req
    fs = st.fulltime_actual - full_req
    p["certified_required"] = (str(cert_req), "人次")
    p["certified_actual"] = (num_str(st.certified_actual), "人次")
    p["fulltime_required"] = (str(full_req), "人次")
    p["fulltime_actual"] = (num_str(st.fulltime_actual), "人次")
    cert_tail = f"，超配 {num_str(cs)} 人次" if cs > 0 else ""
    full_tail = f"，超配 {num_str(fs)}{sp(rng)}人次" if fs > 0 else ""
    if cs > 0:
        p["certified_surplus"] = (num_str(cs), "人次")
    if fs > 0:
        p["fulltime_surplus"] = (num_str(fs), "人次")
    cc = count_token(st.certified_count, rng)
    uc = count_token(st.uncertified_count, rng)
    tc = str(st.certified_count + st.uncertified_count)
    p["certified_count"], p["uncertified_count"], p["total_count"] = (
        (cc, "名"),
        (uc, "名"),
        (tc, "名"),
    )
    item1 = (
        f"社工到岗情况符合社工服务站管理办法相关规定和协议要求。在人员到岗方面，持证社工应到岗 "
        f"{cert_req} 人次，实到岗 {num_str(st.certified_actual)} 人次{cert_tail}；"
        f"全职社工（含持证社工和非持证社工）应到岗 {full_req} 人次，"
        f"实到岗 {num_str(st.fulltime_actual)} 人次{full_tail}；"
        f"非持证社工均能按要求接受社会工作行业组织管理、培训且取得相关培训证书。截至评估末月，"
        f"社工站共配备 {cc}{sp(rng)}名持证社工，{uc} 名非持证社工，共计 {tc} 名社工。"
    )
    mid = count_token(st.mid_level, rng)
    asst = count_token(st.assistant_level, rng)
    p["mid_level_count"], p["assistant_level_count"] = (mid, "名"), (asst, "名")
    item2 = (
        f"在人员资质方面，截至评估末月，社工站配备了 {mid} 名中级社工师、{asst} 名助理级社工师；"
        f"社工站项目负责人持有中级社工师证书，并具有 {rng.randint(3, 9)} 年以上的社工服务管理经验。"
        "以上各项在评估期内均符合评估指标体系要求，落实情况良好。"
    )
    re_, lp = count_token(st.resigned_early, rng), count_token(st.left_in_probation, rng)
    ti, nh = count_token(st.transferred_in, rng), count_token(st.new_hires, rng)
    stable = count_token(st.stable, rng, 0.1)
    p["resigned_early"], p["left_in_probation"] = (re_, "名"), (lp, "名")
    p["transferred_in"], p["new_hires"], p["stable_count"] = (ti, "名"), (nh, "名"), (stable, "名")
    p["retention_rate"] = (st.retention_rate, "%")
    p["retention_requirement"] = ("80.00%", "%")
    meets = Decimal(st.retention_rate[:-1]) >= 80
    retention = (
        f"评估期内，社工站共有 {re_} 名社工提前解除劳动合同，{lp} 名社工在试用期离职。另外，有 "
        f"{ti} 名社工调入，{nh} 名社工新入职。在稳岗率方面，协议要求在岗社工 "
        f"{st.required_fulltime} 名，评估期内共有 {stable} 名社工持续稳定在岗，稳岗率为 "
        f"{st.retention_rate}，{'满足' if meets else '未能满足'}评估指标体系关于人员稳岗率不低于 "
        "80.00%的要求。"
    )
    if not meets:
        retention = "建议承接机构和社工站加大对服务团队稳定性的关注力度。" + retention
    p["experienced_person_months"] = (num_str(st.experienced_total), "人次")
    p["experienced_share"] = (st.experienced_share, "%")
    exp_ok = Decimal(st.experienced_share[:-1]) >= 50
    experienced = (
        f"在社工从业经验方面，拥有 2 年以上社会工作从业经历的社工在岗人次为 "
        f"{num_str(st.experienced_total)} 人次，占总在岗社工人次的 {st.experienced_share}，"
        f"{'符合' if exp_ok else '暂未符合'}占比 50%的要求。"
    )
    if not exp_ok:
        experienced += (
            "建议社工站加大对社工团队专业能力培育的投入力度，确保团队能够满足各项工作要求。"
        )
    praise: list[str] = [item1, item2]
    concern: list[str] = []
    (praise if meets else concern).append(retention)
    (praise if exp_ok else concern).append(experienced)
    return StaffText(praise, concern, p)


# --- 片区 items ------------------------------------------------------------------------


def area_figure_items(facts: Facts, area: str, rng: random.Random) -> list[Filled]:
    """Items for one 片区 that repeat its table row (scope = the 片区 label)."""
    t = facts.table
    out: list[Filled] = []
    comms = next(a for a in facts.areas if a.label == area).communities
    staff = t.staff[area]
    reg = t.cells[(area, "registered/count")].done
    text1 = (
        f"社工站共为{'、'.join(c.removesuffix('社区') for c in comms)}"
        f"{'等' if len(comms) > 3 else ''}{cn_num(len(comms))}个社工点配置 {staff}{sp(rng)}名社工，"
        "做到专人驻点、专人对接。整体来说，人员配置合理，社工的精神面貌好，服务意识强。"
    )
    out.append(
        Filled(text1, [NarrFig("staff", "count", "done", staff, "名", scope=area, sentence=text1)])
    )
    n = int(reg)
    l2 = rng.randint(0, max(0, n // 20))
    l3 = rng.randint(0, n - l2)
    l4 = n - l2 - l3
    text2 = (
        f"片区{cn_num(len(comms))}个社区的困难群众和特殊群体共 {reg}{sp(rng)}人，"
        "每个社区都建立有详细的《服务对象家庭信息汇总表》，建档全覆盖，"
        f"做到底数清、每月定期跟进并更新台账。现有二级对象 {l2} 人，三级 {l3} 人，四级 {l4} 人。"
    )
    out.append(
        Filled(
            text2, [NarrFig("registered", "count", "done", reg, "人", scope=area, sentence=text2)]
        )
    )
    figs = []
    parts = []
    for key, word, unit in (
        ("phone_visits/count", "电访", "次"),
        ("home_visits/count", "入户探访", "次"),
        ("casework/opened", "个案", "个"),
        ("groups/count", "小组", "个"),
        ("community_events/count", "社区活动", "个"),
    ):
        done = t.cells[(area, key)].done
        ind, meas = key.split("/")
        parts.append(f"{word} {done}{sp(rng)}{unit}")
        figs.append(NarrFig(ind, meas, "done", done, unit, scope=area))
    text3 = (
        "社工的专业服务较规范，服务中能够重视角色和作用发挥。"
        f"{'本年度' if facts.meta.kind == '末期' else '评估期内'}完成{'、'.join(parts)}，"
        "取得了一定的服务成效。"
    )
    for f in figs:
        f.sentence = text3
    out.append(Filled(text3, figs))
    return out


def basic_paragraph(facts: Facts, rng: random.Random) -> tuple[str, dict[str, str]]:
    m = facts.meta
    start, end = fmt_date(m.contract_start, rng), fmt_date(m.contract_end, rng)
    n = len(facts.areas)
    areas = cn_num(n) + "个" if rng.random() < 0.6 else f"{n} 个"
    funding = str(m.funding_wan)
    text = (
        f"{m.station}（以下简称“社工站”）位于{m.address}，由{m.operator}承接运营。经{m.city}"
        f"{m.district}{m.buyer}采购，本年度服务协议期自 {start}至 {end}，年度项目服务经费为 "
        f"{funding}{sp(rng)}万元。社工站本年度按照新管理办法，根据辖区实际情况和购买方需求，划分了"
        f"{areas}片区开展社会工作专业服务。"
    )
    return text, {
        "contract": f"{start}至 {end}",
        "funding": funding,
        "area_count": areas.strip().removesuffix("个").strip(),
    }
