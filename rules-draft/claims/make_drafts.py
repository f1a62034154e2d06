#!/usr/bin/env python3
"""Writes the claim lexicon drafts (rules-draft/claims/*.json) from the lists below.

Chinese phrases are written here in Simplified script, separated by white space; each also gets
its Traditional forms from the OpenCC command-line tool (configurations s2t, s2tw, s2hk and
s2twp; the last also swaps Taiwan vocabulary, e.g. 数据 -> 資料). English phrases are separated
by commas. OpenCC is Apache-2.0; its tables are facts about the two scripts.

The lists were written for chaff, in our own words, from two public norms:
- English: the "unsupported attributions" (weasel words) section of Wikipedia's Manual of
  Style / Words to watch: claims about what people say, think or believe, and about what has
  been shown or proved, should say who says so.
- Chinese: news-writing practice on sourcing (消息来源要具体): anonymous attributions such as
  据悉、据了解、知情人士、业内人士、有关部门、网友表示 need an outlet that vouches for them, and a
  figure needs the body that produced it.

Usage: make_drafts.py [--check]   (--check exits 1 when a committed file differs)
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# "always": the phrase itself hides the source (有…, 据悉, "some say"); only a citation or a
#   named attribution elsewhere in the sentence clears it.
# "unlessNamed": the phrase has a subject slot (…研究表明, "… studies show"); it is vague when
#   the words right before it name no one.
# "frames": an opening and a closing word joined by …, reported when the words between name no one
#   (据某知名机构统计, "according to a new survey").
# "exceptions": longer texts that contain a phrase but are not claims (数据显示屏).
GROUPS = [
    {
        "file": "unnamed-counting.json",
        "category": "unnamed-counting",
        "missing": "names no source for its figures",
        "zh_always": """
据不完全统计 据不完全的统计 据相关统计 据有关统计 据权威统计 据官方统计 据非官方统计 据初步统计 据粗略统计
据保守统计 据保守估计 据粗略估计 据初步估计 据不完全估计 据估计 据估算 据测算 据推算 据业内统计 据业内估计
据行业统计 据市场统计 据第三方统计 据网友统计 据民间统计 据坊间统计 据有关数据 据相关数据 据权威数据
据最新数据 据最新统计 据调查 据调查显示 据一项调查 据抽样调查 据一项统计 据大数据统计 据大数据显示 据统计数据
据数据显示 据数据统计 据统计显示 据有关方面统计 据有关部门统计 据相关部门统计 据不完全数据
有数据统计 有数据显示 有数据表明 有数据称 有数据指出 有统计显示 有统计表明 有统计称 有统计数据显示
有调查显示 有调查表明 有调查发现 有调查指出 有民调显示 有估计称 有测算显示
""",
        "zh_unlessNamed": """
据统计 数据显示 数据表明 数据证明 数据指出 数据称 数据统计显示 统计显示 统计表明 统计数据显示 统计数据表明
统计结果显示 统计结果表明 调查显示 调查表明 调查发现 调查指出 调查结果显示 调查结果表明 调研显示 调研发现
民调显示 民意调查显示 数字显示 数字表明 相关数据显示 相关数据表明 相关统计显示 有关数据显示 有关数据表明
有关统计显示 权威数据显示 权威数据表明 最新数据显示 最新数据表明 最新统计显示 大数据显示 大量数据显示
大量数据表明 调查数据显示 调查数据表明 公开数据显示 网络数据显示 第三方数据显示 市场数据显示 行业数据显示
官方数据显示 一组数据显示 一项数据显示 一份数据显示 多项数据显示 多组数据显示 一项调查显示 一项调查发现
估计显示 测算显示
""",
        "en_always": """
according to some estimates, according to estimates, according to some statistics, according to statistics,
according to the statistics, according to official statistics, according to official figures, according to figures,
according to the figures, according to the data, according to data, according to recent data,
according to recent figures, according to some figures, according to some data, according to one estimate,
according to some surveys, by some estimates, by one estimate, by most estimates, by many estimates,
by conservative estimates, by some counts, by one count, by some measures, it is estimated that,
it has been estimated that, it was estimated that, some estimates suggest, some estimates put, some figures suggest,
some statistics show, some surveys show, some polls show
""",
        "en_unlessNamed": """
statistics show, statistics shows, statistics suggest, statistics indicate, statistics prove, statistics reveal,
figures show, figures suggest, figures indicate, figures reveal, data show, data shows, data suggest, data suggests,
data indicate, data indicates, data reveal, data reveals, data prove, data proves, numbers show, numbers suggest,
surveys show, surveys suggest, surveys indicate, surveys have shown, survey shows, survey found, survey finds,
survey suggests, polls show, polls suggest, poll shows, poll found, poll finds, estimates suggest, estimates show
""",
        "zh_frames": "据…统计 据…估计 据…估算 据…测算 据…推算 据…调查 据…数据 根据…统计 根据…数据 根据…调查 根据…估算 根据…估计",
        "en_frames": """
according to…estimate, according to…estimates, according to…survey, according to…poll, according to…data,
according to…figures, according to…statistics
""",
        "exceptions": """
数据显示屏 数据显示器 数据显示板 数据显示模块 数据显示界面 数据显示区 统计显示屏 调查发现的 调查显示的 数据显示的
本调查显示 本调查发现 本次调查显示 本次调查发现 我们的调查显示
""",
    },
    {
        "file": "unnamed-reports.json",
        "category": "unnamed-reports",
        "missing": "names no source",
        "zh_always": """
据悉 据了解 据知情人士 据知情人士透露 据知情者透露 据消息人士 据消息人士透露 据相关人士透露 据有关人士透露
据业内人士透露 据业内人士介绍 据业内人士称 据业内人士分析 据内部人士透露 据接近 据圈内人士 据权威人士
据有关方面 据有关方面透露 据有关部门 据相关部门 据有关部门透露 据报道 据媒体报道 据外媒报道 据国外媒体报道
据多家媒体报道 据相关报道 据有关报道 据网络消息 据网传 据传 据传闻 据说 据称 据闻 据消息 据最新消息
据可靠消息 据内部消息 据小道消息 据坊间传闻 据爆料 据网友爆料 据网友反映 据网友透露 据知情网友
有报道称 有报道指出 有报道说 有报道显示 有媒体报道 有媒体称 有媒体指出 有外媒报道 有外媒称 有消息称
有消息指出 有消息人士 有知情人士 有业内人士 有内部人士 有相关人士 有网友表示 有网友称 有网友爆料
有网友指出 有网友说 有网友认为 有人说 有人表示 有人认为 有人指出 有人称 有人士指出 有分析人士 有分析称
有分析指出 有分析认为 有评论称 有评论指出 有观点认为 有声音认为 有传言称 有传闻称 有爆料称
业内人士透露 业内人士表示 业内人士指出 业内人士认为 业内人士称 业内人士预计 业内人士分析 业内人士估计
业内人士介绍 业内人士坦言 业界人士透露 业界人士表示 业界人士认为 知情人士透露 知情人士称 知情人士表示
知情人士说 知情人士指出 消息人士透露 消息人士称 消息人士表示 内部人士透露 内部人士称 内部人士表示
圈内人士透露 圈内人士称 相关人士透露 相关人士表示 相关人士称 有关人士表示 有关人士透露 有关人士指出
权威人士透露 权威人士表示 不愿透露姓名的 不愿具名的 不愿意透露姓名的 匿名人士 一位知情人士 多位知情人士
网友表示 网友称 网友认为 网友纷纷表示 网友爆料 网友指出 网友透露 不少网友表示 很多网友表示 众多网友表示
网传 坊间传闻 坊间流传 传闻称 传言称 分析人士认为 分析人士指出 分析人士称 分析人士表示 观察人士认为
观察人士指出 评论人士认为 市场人士认为 市场人士表示 市场人士指出 有关方面表示 有关方面透露
""",
        "zh_unlessNamed": """
媒体报道 媒体报道称 外媒报道 外媒称 外媒报道称 报道称 报道指出 报道显示 消息称 消息指出 报告称 报告显示
报告指出 一份报告显示 一份报告指出
""",
        "en_always": """
it is reported that, it was reported that, it has been reported that, it is reported, it has been reported,
reportedly, according to reports, according to some reports, according to media reports, according to news reports,
according to press reports, according to local reports, according to unconfirmed reports, according to sources,
according to some sources, according to a source, according to one source, according to insiders,
according to an insider, according to people familiar, according to persons familiar, according to rumors,
according to rumours, according to unnamed sources, according to anonymous sources, according to some observers,
according to observers, according to critics, according to many observers, some reports, media reports say,
news reports say, press reports say, unconfirmed reports, sources say, sources said, sources claim, sources told,
sources suggest, sources indicate, sources close to, a source close to, a source familiar with,
sources familiar with, people familiar with the matter, people familiar with, a person familiar with,
persons familiar with, people close to, insiders say, insiders said, insiders claim, insiders believe,
industry insiders, an insider said, an insider says, one insider, anonymous sources, unnamed sources,
an unnamed source, an anonymous source, anonymous officials, unnamed officials, rumor has it, rumour has it,
word has it, it is rumored, it is rumoured, it is said that, it is claimed that, it has been claimed,
it was claimed, critics say, critics argue, critics claim, critics believe, some critics, many critics,
some observers, netizens say, netizens claim, people on social media say, word on the street
""",
        "en_unlessNamed": """
report says, report said, report shows, report showed, report found, report finds, report suggests, report claims,
reports say, reports said, reports show, reports suggest, reports indicate, reports claim, officials say,
officials said, officials believe, officials claim, observers say, observers believe, observers note,
commentators say, pundits say
""",
        # Taiwan and Hong Kong spellings that OpenCC does not produce (報導 beside 報道, 了解).
        "zh_extra_always": "據了解 據報導 據媒體報導 據外媒報導 據相關報導 據有關報導 有報導稱 有報導指出 有報導說 有報導顯示",
        "zh_extra_unlessNamed": "媒體報導 外媒報導 報導稱 報導指出 報導顯示",
        "zh_frames": "据…报道 据…透露 据…消息 据…介绍 根据…报道 根据…消息",
        "en_frames": "according to…report, according to…reports, according to…sources, according to…insiders, according to…accounts",
        "exceptions": "报道称号 消息称号",
    },
    {
        "file": "unnamed-research.json",
        "category": "unnamed-research",
        "missing": "names no study",
        "zh_always": """
有研究表明 有研究显示 有研究发现 有研究指出 有研究称 有研究认为 有研究证实 有研究证明 有研究报告 有研究人员
有研究者 有实验表明 有实验证明 有实验发现 有试验表明 有报告显示 有报告指出 有报告称 有论文指出 有文献表明
有文献指出 有资料显示 有资料表明 有调查研究 据研究 据研究表明 据研究显示 据研究发现 据科学研究 据有关研究
据相关研究 据最新研究 据一项研究 据国外研究 据医学研究 据研究人员 科学证明 科学已经证明 科学早已证明
科学研究证明 早有研究 早就有研究 已有研究 已有大量研究 已有研究表明 无数研究 无数实验 大量研究证实 大量研究证明
""",
        "zh_unlessNamed": """
研究表明 研究显示 研究发现 研究证实 研究证明 研究指出 研究称 研究认为 研究揭示 研究报告显示 研究报告指出
研究结果显示 研究结果表明 研究人员发现 研究人员表示 研究人员指出 研究人员认为 研究者发现 研究者认为
研究团队发现 科学研究表明 科学研究发现 科研人员发现 实验表明 实验证明 实验发现 试验表明 论文指出 文献表明
资料显示 资料表明 医学研究表明 临床研究表明 多项研究表明 大量研究表明 一项研究表明 一项研究发现 一项研究显示
最新研究表明 最新研究发现 最新研究显示 国外研究表明 新研究发现 新研究表明
""",
        "en_always": """
science says, science has proven, science has proved, science shows, science tells us, scientifically proven,
clinically proven, it has been shown, it has been proven, it has been proved, it was proven, it was proved,
it is proven, it is scientifically proven, it has been demonstrated, it was shown that, there is evidence that,
there is growing evidence, there is increasing evidence, there is strong evidence, there is mounting evidence,
a growing body of research, a growing body of evidence, a large body of research, a large body of evidence,
a body of research, numerous studies, many studies, several studies, countless studies, multiple studies,
some studies, recent studies, a recent study, one study, a new study, new research, recent research, some research,
according to research, according to studies, according to a study, according to one study,
according to a recent study, according to recent studies, according to new research,
according to scientific research, according to researchers, according to some research
""",
        "en_unlessNamed": """
studies show, studies have shown, studies suggest, studies have suggested, studies indicate, studies found,
studies have found, studies prove, studies have proven, studies confirm, studies have confirmed, studies reveal,
study shows, study showed, study found, study finds, study suggests, study suggested, study reveals, study revealed,
study indicates, study concluded, study concludes, study proves, study proved, research shows, research showed,
research has shown, research suggests, research has suggested, research indicates, research proves,
research has proven, research found, research finds, research has found, research confirms, research reveals,
research has revealed, researchers found, researchers find, researchers have found, researchers say,
researchers believe, researchers discovered, researchers have discovered, researchers claim, researchers concluded,
researchers suggest, evidence suggests, evidence shows, evidence indicates, evidence proves
""",
        "zh_frames": "据…研究 根据…研究",
        "en_frames": "according to…study, according to…research, according to…analysis, according to…paper",
        "exceptions": """
研究发现的 研究发现之一 研究发现。 研究发现和 研究发现与 研究表明的 实验发现的 本研究发现 本研究表明 本研究显示 本研究证实
本研究指出 本次研究发现 本次研究表明
""",
    },
    {
        "file": "unnamed-experts.json",
        "category": "unnamed-experts",
        "missing": "names no expert",
        "zh_always": """
有专家 有专家指出 有专家表示 有专家认为 有专家称 有学者 有学者指出 有学者认为 有科学家 有医生 有分析师
有经济学家 有教授 有营养师 据专家 据专家介绍 据专家分析 据专家称 据有关专家 据相关专家 据业内专家
据权威专家 据医学专家 据科学家 据分析师 一位专家 一位不愿透露姓名的专家 多位专家 众多专家 专家一致认为
专家普遍认为 专家们普遍认为 学者普遍认为 科学家普遍认为 医生普遍认为
""",
        "zh_unlessNamed": """
专家指出 专家表示 专家认为 专家称 专家说 专家介绍 专家提醒 专家建议 专家预计 专家预测 专家分析 专家解释
专家强调 专家估计 专家警告 专家坦言 专家透露 专家呼吁 专家们认为 专家们表示 专家们指出 有关专家 相关专家
权威专家 业内专家 学者指出 学者认为 学者表示 科学家认为 科学家发现 科学家表示 科学家指出 科学家称
科学家证实 科学家警告 科学家们认为 科学家们发现 医生表示 医生提醒 医生建议 医生指出 医学专家表示
医学专家指出 营养专家建议 营养专家指出 营养学家认为 营养师建议 经济学家认为 经济学家指出 经济学家预计
分析师认为 分析师指出 分析师预计 分析师表示 专家都认为 专家都说 专家也认为 专家们都认为 学者都认为 科学家都认为
医生都说 医生都建议 专家一般认为
""",
        "zh_frames": "据…专家 根据…专家",
        "en_frames": "according to…experts, according to…analysts, according to…scientists, according to…doctors",
        "en_always": """
some experts, many experts, most experts, leading experts, top experts, experts in the field, industry experts,
according to experts, according to some experts, according to many experts, according to most experts,
according to scientists, according to some scientists, according to analysts, according to economists,
according to doctors, according to health experts, according to medical experts, according to specialists,
one expert, a leading expert, a top expert, some scientists, many scientists, most scientists, some doctors,
many doctors, most doctors, some researchers, many researchers, some analysts, many analysts, some economists,
many economists, some scholars, many scholars, experts agree that
""",
        "en_unlessNamed": """
experts say, experts said, experts believe, experts agree, experts warn, experts predict, experts estimate,
experts suggest, experts recommend, experts argue, experts claim, experts note, experts point out, experts caution,
experts contend, experts think, experts have said, experts have warned, scientists say, scientists said,
scientists believe, scientists agree, scientists claim, scientists warn, scientists think, scientists suggest,
scientists have found, scientists found, scientists discovered, scientists have discovered, scientists have shown,
analysts say, analysts said, analysts believe, analysts expect, analysts predict, analysts estimate, analysts warn,
economists say, economists believe, economists predict, economists expect, economists warn, economists agree,
doctors say, doctors recommend, doctors believe, doctors warn, doctors agree, physicians recommend, physicians say,
dentists recommend, nutritionists say, nutritionists recommend, specialists say, specialists recommend,
psychologists say, psychologists believe, academics say, scholars say, scholars believe, scholars agree,
historians believe, historians say, health experts say, medical experts say
""",
        "exceptions": "",
    },
    {
        "file": "anonymous-consensus.json",
        "category": "anonymous-consensus",
        "missing": "names no one who holds this view",
        "zh_always": """
众所周知 众所皆知 大家都知道 大家都清楚 大家都明白 人人都知道 谁都知道 我们都知道 人们普遍认为 人们通常认为
人们常说 人们都说 人们一般认为 普遍认为 一般认为 通常认为 公认的是 举世公认 普遍公认 被公认为 公认为
业内普遍认为 业界普遍认为 业内公认 业界公认 社会普遍认为 舆论普遍认为 很多人认为 许多人认为 不少人认为
大多数人认为 绝大多数人认为 多数人认为 很多人说 许多人说 不少人说 大家普遍认为 大家公认 事实证明
实践证明 历史证明 无数事实证明 大量事实证明 无数案例证明 不争的事实 毋庸置疑的是 人尽皆知
""",
        "zh_unlessNamed": "",
        "en_always": """
some say, some people say, some people think, some people believe, some would say, some argue, some claim,
some believe, some have said, some have argued, some have claimed, some have suggested, many say, many people say,
many people think, many people believe, many believe, many argue, many claim, many feel, many would argue,
many are of the opinion, most people believe, most people think, most people agree, most feel, most believe,
it is believed, it is widely believed, it is commonly believed, it is generally believed, it is often said,
it is said, it is sometimes said, it is commonly said, it is widely held, it is widely thought, it is thought that,
it is generally thought, it is widely accepted, it is generally accepted, it is commonly accepted,
it is widely known, it is well known, it is well-known, it is common knowledge, it is known that,
it is understood that, it is widely considered, it is generally considered, it has been said, it has been argued,
it has been suggested, it has been noted, is widely regarded as, are widely regarded as, is widely considered,
are widely considered, is widely believed, are widely believed, is generally considered, are generally considered,
is considered by many, are considered by many, is regarded by many, widely regarded as, widely considered to be,
widely believed to be, everyone knows, everybody knows, we all know, as we all know, as everyone knows,
as everybody knows, as is well known, as is widely known, conventional wisdom holds, conventional wisdom says,
the consensus is, common sense tells us, people often say, people generally believe, people tend to believe
""",
        "en_unlessNamed": "",
        "exceptions": "公认会计",
    },
]


def chinese_words(text):
    return [w for w in text.split() if w]


def english_phrases(text):
    return [" ".join(p.split()) for p in text.split(",") if p.strip()]


def opencc(lines, config):
    if not lines:
        return []
    out = subprocess.run(["opencc", "-c", config], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    return out.split("\n")[: len(lines)]


def with_traditional(simplified):
    """Each Simplified phrase followed by its distinct Traditional forms, first-seen order."""
    tables = [simplified] + [opencc(simplified, c) for c in ("s2t.json", "s2tw.json", "s2hk.json", "s2twp.json")]
    result, seen = [], set()
    for i in range(len(simplified)):
        for table in tables:
            word = table[i].strip()
            if word and word not in seen:
                seen.add(word)
                result.append(word)
    return result


def english_with_apostrophes(phrases):
    """A phrase written with ' also gets the typographic ’ form."""
    out = []
    for p in phrases:
        out.append(p)
        if "'" in p:
            out.append(p.replace("'", "\u2019"))
    return out


def phrase_lists(group):
    always = with_traditional(chinese_words(group["zh_always"])) + chinese_words(group.get("zh_extra_always", ""))
    always += english_with_apostrophes(english_phrases(group["en_always"]))
    unless = with_traditional(chinese_words(group["zh_unlessNamed"])) + chinese_words(group.get("zh_extra_unlessNamed", ""))
    unless += english_with_apostrophes(english_phrases(group["en_unlessNamed"]))
    frames = with_traditional(chinese_words(group.get("zh_frames", ""))) + english_phrases(group.get("en_frames", ""))
    exceptions = with_traditional(chinese_words(group["exceptions"]))
    source = set(chinese_words(group["zh_always"]) + chinese_words(group["zh_unlessNamed"]))
    source |= set(chinese_words(group.get("zh_extra_always", "")) + chinese_words(group.get("zh_extra_unlessNamed", "")))
    source |= set(english_phrases(group["en_always"]) + english_phrases(group["en_unlessNamed"]))
    return always, unless, frames, exceptions, source


def render(group, always, unless, frames, exceptions):
    lines = ["{"]
    lines.append(f'  "category": {json.dumps(group["category"])},')
    lines.append(f'  "missing": {json.dumps(group["missing"])},')
    entries = [("always", always), ("unlessNamed", unless)] + ([("frames", frames)] if frames else [])
    entries += [("exceptions", exceptions)] if exceptions else []
    for n, (key, values) in enumerate(entries):
        comma = "," if n + 1 < len(entries) else ""
        if not values:
            lines.append(f'  "{key}": []{comma}')
            continue
        lines.append(f'  "{key}": [')
        for m, value in enumerate(values):
            lines.append(f"    {json.dumps(value, ensure_ascii=False)}{',' if m + 1 < len(values) else ''}")
        lines.append(f"  ]{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    differs = False
    owner = {}  # lower-cased phrase -> file that lists it first
    for group in GROUPS:
        always, unless, frames, exceptions, source = phrase_lists(group)
        kept = {"always": [], "unlessNamed": []}
        for key, values in (("always", always), ("unlessNamed", unless)):
            for phrase in values:
                if phrase.lower() in owner:
                    # A converted form may coincide with another phrase (s2twp turns 数据 into
                    # 資料, the word for 资料): the first listing wins. A repeated source phrase
                    # is an authoring mistake.
                    if phrase in source and owner[phrase.lower()][1]:
                        sys.exit(f"{phrase!r} is listed twice ({owner[phrase.lower()][0]} and {group['file']})")
                    continue
                owner[phrase.lower()] = (group["file"], phrase in source)
                kept[key].append(phrase)
        text = render(group, kept["always"], kept["unlessNamed"], frames, exceptions)
        path = os.path.join(HERE, group["file"])
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        print(f"{group['file']} is out of date", file=sys.stderr)
                        differs = True
            except FileNotFoundError:
                print(f"{group['file']} is missing", file=sys.stderr)
                differs = True
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    sys.exit(1 if differs else 0)


if __name__ == "__main__":
    main()
