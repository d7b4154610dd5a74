"""Benchmark: the cross-reference hook's cost on synthetic sites, measured side by side.

For 500, 1,000 and 2,000 topic pages per language (both languages built), it generates a
site whose pages carry about ten references each, then builds it with and without the
hook, alternating the two so that machine noise hits both alike, and prints the median
build times and the hook's overhead as a ratio, and the time spent inside the hook's
events (measured directly by ``timed_hooks.py``, free of the noise of comparing two whole
builds) per 1,000 pages, which shows whether its cost grows linearly. Usage:

    python tests/bench/bench_hook.py [--sizes 500 1000 2000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from attguide.editions import scaffold  # noqa: E402

PHASES = list("bcdefghi")


class ConfigLoader(yaml.SafeLoader):
    """The project's mkdocs.yml as plain data for a synthetic site."""


def _env_default(loader: ConfigLoader, node: yaml.Node):
    """``!ENV [NAME, default]`` (or ``!ENV NAME``) read as its default: the synthetic sites are
    built without the host's settings (no site or repository address, not offline)."""
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    return values[-1] if len(values) > 1 else None


ConfigLoader.add_constructor("!ENV", _env_default)


def generate(folder: Path, topics_per_language: int, with_hook: bool) -> Path:
    """Write a synthetic site of ``topics_per_language`` topics; return its mkdocs.yml."""
    registry = yaml.safe_load((ROOT / "hooks" / "data" / "registry.yml").read_text(encoding="utf-8"))
    per_phase = -(-topics_per_language // len(PHASES))
    phases, nav, docs = [], [], folder / "docs"
    docs.mkdir(parents=True)
    counter = 0
    for phase in registry["phases"]:
        count = per_phase if phase["id"] in PHASES else 0
        count = min(count, topics_per_language - counter)
        topics = [{"id": f"topic-{i:04d}", "en": f"Topic {i} of {phase['id']}", "zh": f"专题{i}"}
                  for i in range(counter, counter + count)]
        counter += count
        phases.append(dict(phase, topics=topics))
        children = [f"{phase['dir']}/index.md"] + [f"{phase['dir']}/{t['id']}.md" for t in topics]
        nav.append({phase["en"]["short"]: children})
        for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
            (docs / phase["dir"]).mkdir(exist_ok=True)
            (docs / phase["dir"] / f"index{suffix}").write_text(
                f"---\nphase: {phase['id']}\narticles: [5]\nstatus: draft\n---\n\n# {phase[lang]['name']}\n\nOverview.\n",
                encoding="utf-8")
    all_topics = [(p, t) for p in phases for t in p["topics"]]
    for index, (phase, topic) in enumerate(all_topics):
        other = all_topics[(index + 7) % len(all_topics)]
        refs_en = (f"See [](art:7.3), [](art:11), [](art:5.2), [](phase:e), [](phase:{other[0]['id']}), "
                   f"[](topic:{other[0]['id']}/{other[1]['id']}), [](art:12.1), [](art:13), [](art:15.4) "
                   f"and [](topic:{phase['id']}/{topic['id']}).")
        for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
            filler = ("A paragraph of guidance text about practice and options. " * 20 if lang == "en"
                      else "关于实践和做法的指南文字段落。" * 20)
            sections = {key: f"{filler}\n\n{refs_en}" if key == "scope" else filler
                        for key, _ in scaffold.TOPIC_SECTIONS}
            text = scaffold.topic_page(phase["id"], topic["id"], topic[lang], lang, [5.2, 7.3, 11],
                                       [f"{other[0]['id']}/{other[1]['id']}"], sections)
            (docs / phase["dir"] / f"{topic['id']}{suffix}").write_text(text, encoding="utf-8")
    for article in registry["articles"]:
        for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
            (docs / "articles").mkdir(exist_ok=True)
            (docs / "articles" / f"article-{article['number']}{suffix}").write_text(
                f"---\narticle: {article['number']}\nstatus: draft\n---\n\n# {article[lang]}\n\nText.\n",
                encoding="utf-8")
    for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
        (docs / f"index{suffix}").write_text("---\nstatus: reference\n---\n\n# Home\n\nText.\n", encoding="utf-8")
    registry["phases"] = phases
    (folder / "registry.yml").write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    config["nav"] = [{"Home": "index.md"}] + nav + [{"Articles": [f"articles/article-{a['number']}.md"
                                                                  for a in registry["articles"]]}]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra_css"] = []
    config["extra_javascript"] = []
    config["extra"] = {"att_registry": "registry.yml"}
    config.pop("watch", None)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and ("mike" in p or "offline" in p))]
    if with_hook:
        config["hooks"] = [str(Path(__file__).resolve().parent / "timed_hooks.py")]
    else:
        config.pop("hooks", None)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_seconds(config: Path, hook_log: Path | None = None) -> float:
    """Wall time of one build of ``config``; the hook's own seconds go to ``hook_log``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if hook_log is not None:
        env["ATT_HOOK_SECONDS"] = str(hook_log)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                             "--site-dir", str(config.parent / "site")], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def read_hook_log(path: Path) -> tuple[float, dict[str, float]]:
    """The hook's seconds written by ``timed_hooks.py`` (one line per process): total and per event."""
    total, events = 0.0, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields:
            continue
        total += float(fields[0])
        for field in fields[1:]:
            name, seconds = field.split("=")
            events[name] = events.get(name, 0.0) + float(seconds)
    return total, events


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            with_hook = generate(Path(tmp) / f"{size}-with", size, True)
            without = generate(Path(tmp) / f"{size}-without", size, False)
            build_seconds(with_hook)  # warm caches (jieba dictionary, bytecode)
            timings = {"with": [], "without": [], "inside": [], "events": []}
            for run in range(args.repeats):
                timings["without"].append(build_seconds(without))
                hook_log = Path(tmp) / f"{size}-hook-{run}.txt"
                timings["with"].append(build_seconds(with_hook, hook_log))
                total, events = read_hook_log(hook_log)
                timings["inside"].append(total)
                timings["events"].append(events)
            median_with = statistics.median(timings["with"])
            median_without = statistics.median(timings["without"])
            inside = statistics.median(timings["inside"])
            rows.append((size, median_without, median_with, median_with / median_without, inside))
            sys.stdout.write(f"{size:>6} topics/lang  without {median_without:7.1f} s  with {median_with:7.1f} s  "
                             f"ratio {median_with / median_without:5.3f}  inside the hook {inside:6.2f} s "
                             f"({inside / median_with:.1%} of the build)\n")
            per_event = {name: statistics.median(run.get(name, 0.0) for run in timings["events"])
                         for name in {name for run in timings["events"] for name in run}}
            sys.stdout.write("        per event: " + ", ".join(
                f"{name} {seconds:.2f} s" for name, seconds in sorted(per_event.items(), key=lambda item: -item[1])
                if seconds >= 0.01) + "\n")
            sys.stdout.flush()
            shutil.rmtree(Path(tmp) / f"{size}-with")
            shutil.rmtree(Path(tmp) / f"{size}-without")
    sys.stdout.write("\nHook overhead (median of %d, both languages built):\n" % args.repeats)
    sys.stdout.write("| topic pages per language | without hook | with hook | ratio "
                     "| inside the hook | share of the build | inside the hook per 1,000 pages |\n")
    sys.stdout.write("|---:|---:|---:|---:|---:|---:|---:|\n")
    for size, without, with_hook, ratio, inside in rows:
        per_thousand = inside / (2 * size) * 1000
        sys.stdout.write(f"| {size:,} | {without:.1f} s | {with_hook:.1f} s | {ratio:.3f} "
                         f"| {inside:.2f} s | {inside / with_hook:.1%} | {per_thousand:.2f} s |\n")


if __name__ == "__main__":
    main()
