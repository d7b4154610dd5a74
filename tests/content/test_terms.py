"""Every page follows the termbase: no avoided Chinese variant, no -ise spelling (``make terms``)."""

from __future__ import annotations

from attguide.read import terms as termbase
from attguide.check import termcheck
from attguide.read.registry import load
from sitedata import DOCS


def test_every_page_uses_the_termbase_forms():
    registry = load()
    base = termbase.load(termbase.path_beside(registry.path), registry)
    found = termcheck.check_docs(DOCS, base, registry)
    assert not found, "avoided forms (run `make terms`):\n" + "\n".join(map(str, found[:40]))


# The Chinese variants the 2026-12-03 content review found beside the termbase's forms: each
# must stay out of the pages, so the termbase check has to flag it.
REVIEWED_VARIANTS = {
    "出口批准": "出口许可", "书面批准": "书面许可", "过境批准": "过境许可", "进口批准": "进口许可",
    "不再出口承诺": "未经同意不得再出口的承诺", "发出警报": "发出警示", "额外的文件": "补充文件",
    "通知秘书处": "通报秘书处", "建立国家记录": "保持国家记录", "自愿指导": "自愿指南",
    "诉讼保全": "证据留存指令", "法院或仲裁庭": "法院或法庭",
}


def test_the_termbase_flags_each_variant_the_review_found():
    registry = load()
    base = termbase.load(termbase.path_beside(registry.path), registry)
    for variant, preferred in REVIEWED_VARIANTS.items():
        page = f"# 示例\n\n这一句使用了{variant}。\n"
        found = termcheck.check_page(page, "zh", "docs/x.zh.md", base)
        assert [problem.line for problem in found] == [3], f"{variant}: the termbase check does not flag it"
        clean = f"# 示例\n\n这一句使用了{preferred}。\n"
        assert not termcheck.check_page(clean, "zh", "docs/x.zh.md", base), f"{preferred} is flagged but is the preferred form"
