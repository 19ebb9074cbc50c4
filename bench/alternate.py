#!/usr/bin/env python3
"""Times whole processes side by side, alternating runs, and prints medians and ratios.

    alternate.py [--runs N] [--warmup N] [--title TEXT] [--markdown FILE] \
        NAME=COMMAND NAME=COMMAND ...

Each round runs every command once, starting from a different command each round, so a
machine that slows down or speeds up during the measurement affects every command alike.
A command is run directly when it has no shell syntax, else by `sh -c 'exec COMMAND'`; its
output goes to /dev/null. For every command it reports the median, min and max wall time, the
median CPU time (user + system, children included), the ratio of its median to the first
command's median, and the peak resident memory of one more run under `/usr/bin/time` (wait4's
figure would include this script's own memory, which a forked child keeps across exec).
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time

SHELL_SYNTAX = set("*?[]|&;<>()$`\\\"'{}~")


def argv_of(command):
    if any(ch in SHELL_SYNTAX for ch in command):
        return ["sh", "-c", "exec " + command]
    return shlex.split(command)


def run_once(command):
    """Runs `command`; returns (wall seconds, cpu seconds, exit status)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv_of(command),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, process.returncode


def peak_rss_kib(command):
    """Peak resident set size of one run, in KiB, as GNU time reports it (None without it)."""
    if not os.access("/usr/bin/time", os.X_OK):
        return None
    completed = subprocess.run(
        ["/usr/bin/time", "-f", "%M"] + argv_of(command),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    last = completed.stderr.strip().splitlines()[-1:] or [""]
    return int(last[0]) if last[0].isdigit() else None


def seconds(value):
    if value < 1e-3:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.3f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--title", default="")
    parser.add_argument("--markdown", help="append the table to this file")
    parser.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()

    commands = []
    for item in args.commands:
        name, sep, command = item.partition("=")
        if not sep or not name or not command:
            parser.error(f"expected NAME=COMMAND, got {item!r}")
        commands.append((name, command))

    for _ in range(args.warmup):
        for name, command in commands:
            run_once(command)

    results = {name: [] for name, _ in commands}
    for round_index in range(args.runs):
        shift = round_index % len(commands)
        for name, command in commands[shift:] + commands[:shift]:
            results[name].append(run_once(command))

    base = statistics.median(r[0] for r in results[commands[0][0]])
    lines = []
    if args.title:
        lines.append(f"{args.title} ({args.runs} alternating runs, median)")
        lines.append("")
    lines.append("| command | median | min | max | CPU (median) | peak RSS | × first | exit |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, _ in commands:
        runs = results[name]
        walls = [r[0] for r in runs]
        median = statistics.median(walls)
        cpu = statistics.median(r[1] for r in runs)
        rss = peak_rss_kib(dict(commands)[name])
        exits = sorted({r[2] for r in runs})
        memory = "?" if rss is None else f"{rss / 1024:.1f} MiB"
        lines.append(
            f"| {name} | {seconds(median)} | {seconds(min(walls))} | {seconds(max(walls))} "
            f"| {seconds(cpu)} | {memory} | {median / base:.2f} "
            f"| {','.join(map(str, exits))} |"
        )
    lines.append("")
    for name, command in commands:
        shown = command if len(command) <= 300 else command[:300] + " …"
        lines.append(f"- {name}: `{shown}`")
    lines.append("")
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as out:
            out.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
