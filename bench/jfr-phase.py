#!/usr/bin/env python3
"""Allocation and GC of one phase, from a Flight Recorder file taken over exactly that phase.

usage: jfr-phase.py RECORDING.jfr

Reads jdk.ThreadAllocationStatistics (written at the start and the end of a recording with the default
settings) and jdk.GarbageCollection, and prints one line of key=value pairs:
  allocated     bytes allocated by every Java thread during the recording
  http          of which by the threads that serve requests (Jetty's pool and the store-query pool)
  gcs           collections during the recording, longest_pause_ms and pauses_ms (sum) with them
"""
import json
import re
import subprocess
import sys

HTTP_THREADS = re.compile(r"^(JettyServerThreadPool|qtp|uptake-store-query)")


def events(path, kind):
    out = subprocess.run(["jfr", "print", "--json", "--events", kind, path], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def millis(value):
    """A JFR duration: a number of nanoseconds or an ISO-8601 duration such as PT0.0123S."""
    if isinstance(value, (int, float)):
        return value / 1e6
    m = re.fullmatch(r"PT(?:(\d+)M)?([\d.]+)S", value)
    if not m:
        return 0.0
    return int(m.group(1) or 0) * 60_000 + float(m.group(2)) * 1000


def main(path):
    first, last, names = {}, {}, {}
    for e in events(path, "jdk.ThreadAllocationStatistics"):
        v = e["values"]
        thread = v["thread"] or {}
        tid = thread.get("javaThreadId") or thread.get("osThreadId")
        names[tid] = thread.get("javaName") or ""
        first.setdefault(tid, v["allocated"])
        first[tid] = min(first[tid], v["allocated"])
        last[tid] = max(last.get(tid, 0), v["allocated"])
    allocated = http = 0
    for tid, end in last.items():
        # a thread seen only at the end started during the recording: all it allocated counts
        delta = end - first[tid] if first[tid] != end else end
        allocated += delta
        if HTTP_THREADS.match(names[tid]):
            http += delta
    gcs = events(path, "jdk.GarbageCollection")
    pauses = [millis(g["values"]["longestPause"]) for g in gcs]
    total = sum(millis(g["values"]["sumOfPauses"]) for g in gcs)
    print(f"allocated={allocated} http={http} gcs={len(gcs)} longest_pause_ms={max(pauses, default=0):.1f} pauses_ms={total:.1f}")


if __name__ == "__main__":
    main(sys.argv[1])
