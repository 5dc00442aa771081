#!/usr/bin/env python3
"""Run a command and write its wall time, CPU time and peak RSS as JSON.

    python3 bench/measure.py RESULT.json [--timeout SECONDS] -- COMMAND [ARG...]

The figures come from wait4(2)'s rusage of the command's own process, the same source
`/usr/bin/time -v` reads, so no Debian package is needed. ru_maxrss (KiB) is the peak resident
set size of that process. The command's stdout and stderr pass through; its stdin is
/dev/null. Exit status: the command's, or 124 after a timeout (its process group is killed).
Linux only; Python 3 standard library only.

Why not simply spawn the command: at exec the kernel keeps the replaced image's peak RSS as
the process's, so a command exec'd straight from Python reports Python's ~14 MiB as its
floor. Here a small /bin/sh forks the command in the background and exits; this process is
a child subreaper (prctl PR_SET_CHILD_SUBREAPER), so the orphaned command becomes its child and
its own rusage is collected, starting from sh's ~1.5 MiB rather than Python's.
"""

import ctypes
import json
import os
import signal
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main():
    args = sys.argv[1:]
    if len(args) < 3 or "--" not in args:
        print(__doc__, file=sys.stderr)
        return 2
    result = args[0]
    sep = args.index("--")
    timeout = float(args[args.index("--timeout") + 1]) if "--timeout" in args[1:sep] else None
    cmd = args[sep + 1:]
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("measure: prctl(PR_SET_CHILD_SUBREAPER) failed", file=sys.stderr)
        return 2
    start = time.monotonic()
    sh = os.posix_spawn("/bin/sh", ["/bin/sh", "-c", '"$@" & exit 0', "sh"] + cmd, dict(os.environ),
                        setsid=True)
    timed_out = []

    def on_alarm(signum, frame):
        timed_out.append(True)
        os.killpg(sh, signal.SIGKILL)  # the command is in sh's process group

    if timeout is not None:
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    while True:  # blocking waits: no polling, so no CPU taken from the command
        pid, status, usage = os.wait4(-1, 0)
        if pid != sh:
            break  # sh (the launcher) exits first; then the command, now our child
    signal.setitimer(signal.ITIMER_REAL, 0)
    timed_out = bool(timed_out)
    wall = time.monotonic() - start
    rc = 124 if timed_out else os.waitstatus_to_exitcode(status)
    out = {"cmd": cmd, "wall_s": round(wall, 3), "user_s": round(usage.ru_utime, 3),
           "sys_s": round(usage.ru_stime, 3), "maxrss_kib": usage.ru_maxrss, "rc": rc, "timed_out": timed_out,
           "inblock": usage.ru_inblock, "oublock": usage.ru_oublock, "nvcsw": usage.ru_nvcsw,
           "nivcsw": usage.ru_nivcsw}
    with open(result, "w") as f:
        json.dump(out, f)
        f.write("\n")
    return rc


if __name__ == "__main__":
    sys.exit(main())
