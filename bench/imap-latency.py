#!/usr/bin/env python3
"""IMAP latency on a large mailbox, with Python's imaplib (a real client, one connection).

    bench/imap-latency.py NAME PORT USER PASSWORD [REPEATS] [OPS]

Logs in once, then REPEATS times (default 5): SELECT INBOX, FETCH 1:* (FLAGS), FETCH of one message
body (BODY.PEEK[] of the middle message, so no flag changes between repeats), and STORE 1:* +FLAGS
(\Seen) (after an untimed STORE 1:* -FLAGS.SILENT (\Seen), so every repeat changes every message).
OPS (default select,flags,body) picks which of the last three run after each SELECT. Prints one line per
operation with the median, min and max in milliseconds, and the message count SELECT reported.
Any single reply may take up to 30 minutes (GreenMail's FETCH is quadratic in the mailbox size). Timings include imaplib's parsing of the response (the same for every server).
"""
import imaplib
import statistics
import sys
import time


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return (time.perf_counter() - t0) * 1000, result


def main():
    name, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    ops = (sys.argv[6] if len(sys.argv) > 6 else "select,flags,body").split(",")
    imaplib._MAXLINE = 10_000_000  # FETCH 1:* answers one line per message; imaplib caps a line, not the reply
    c = imaplib.IMAP4("127.0.0.1", port, timeout=1800)
    c.login(user, password)
    times = {"SELECT INBOX": [], "FETCH 1:* (FLAGS)": [], "FETCH n (BODY.PEEK[])": []}
    if "flags" not in ops:
        del times["FETCH 1:* (FLAGS)"]
    if "body" not in ops:
        del times["FETCH n (BODY.PEEK[])"]
    if "store" in ops:
        times["STORE 1:* +FLAGS (\\Seen)"] = []
    exists = None
    for _ in range(repeats):
        ms, (typ, data) = timed(lambda: c.select("INBOX"))
        assert typ == "OK", (typ, data)
        exists = int(data[0])
        times["SELECT INBOX"].append(ms)
        if "flags" in ops:
            ms, (typ, data) = timed(lambda: c.fetch("1:*", "(FLAGS)"))
            assert typ == "OK" and len(data) == exists, (typ, len(data), exists)
            times["FETCH 1:* (FLAGS)"].append(ms)
        if "body" in ops:
            middle = str(max(1, exists // 2))
            ms, (typ, data) = timed(lambda: c.fetch(middle, "(BODY.PEEK[])"))
            assert typ == "OK" and len(data[0][1]) > 2000, (typ, data[:1])
            times["FETCH n (BODY.PEEK[])"].append(ms)
        if "store" in ops:
            typ, data = c.store("1:*", "-FLAGS.SILENT", "(\\Seen)")
            assert typ == "OK", (typ, data)
            ms, (typ, data) = timed(lambda: c.store("1:*", "+FLAGS", "(\\Seen)"))
            assert typ == "OK" and len(data) == exists, (typ, len(data), exists)
            times["STORE 1:* +FLAGS (\\Seen)"].append(ms)
        c.close()
    c.logout()
    for op, ms in times.items():
        print(f"imap server={name} op={op!r} messages={exists} median_ms={statistics.median(ms):.1f} "
              f"min_ms={min(ms):.1f} max_ms={max(ms):.1f} repeats={repeats}")


if __name__ == "__main__":
    main()
