#!/usr/bin/env bash
# Scale figures (issue 8), Behalf and GreenMail standalone side by side in one run:
#  1. IMAP latency as the mailbox grows (STEPS, default 1,000 ... 50,000 messages in jimh's INBOX):
#     SELECT, FETCH 1:* (FLAGS), FETCH of one body and STORE 1:* +FLAGS (\Seen), with a raw-socket
#     client (ImapTimer, benchmarks module: its own cost is a few ms) and with Python imaplib
#     (bench/imap-latency.py: parsing 50,000 FETCH lines alone takes it ~0.3 s). GreenMail 2.1.13's
#     FETCH and STORE are quadratic in the mailbox size (every one walks all UIDs and copies the UID list
#     for each), so GreenMail's largest steps run fewer repeats and, at 50,000, SELECT only. Behalf runs
#     every operation at every step.
#  2. heap per stored message at TOTAL messages (default 100,000): used heap after a full GC
#     (jcmd GC.run, then GC.heap_info) minus the same before any mail, divided by the count.
# The same ~2.4 KB message (2,048-byte body), terrya -> jimh, delivered over SMTP by the load client
# (10 connections). Behalf keeps the message once, placed in jimh's INBOX and terrya's Sent Items
# (spec §6), and one decision record; GreenMail keeps one copy. Both JVMs get the same SCALE_JAVA_OPTS.
#
#   bench/scale.sh                                     # TOTAL=100000
#   STEPS="1000 5000" TOTAL=10000 bench/scale.sh       # a quick look
source "$(dirname "$0")/lib.sh"
TOTAL="${TOTAL:-100000}"
STEPS="${STEPS:-1000 2000 5000 10000 20000 50000}"
SERVER_JAVA_OPTS="${SCALE_JAVA_OPTS:--Xmx8g}"
need_jars
start_behalf behalf
start_greenmail greenmail

used_kb() { # used heap in KB after a full GC
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1
}
deliver() { # deliver N messages to both servers (10 connections each, one after the other)
  # shellcheck disable=SC2086
  java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.SmtpLoad \
      --target "behalf=$behalf_SMTP:terrya:P@ssw0rd" --target "greenmail=$greenmail_SMTP:terrya:secret" \
      --levels 10 --total "$1" --rounds 1 --warmup 0 --size 2048 --deadline 1200
}
behalf_inbox() {
  curl -s "http://127.0.0.1:$behalf_HTTP/api/mailboxes" | python3 -c '
import json, sys
b = {m["address"]: {f["name"]: f["messages"] for f in m["folders"]} for m in json.load(sys.stdin)}
print(b["jimh@contoso.com"]["INBOX"], b["terrya@contoso.com"]["Sent Items"])'
}

echo "# Scale run $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1), servers with \`$SERVER_JAVA_OPTS\`"
echo
echo "- load average at start: $(load_average)"
b0=$(used_kb "$behalf_PID"); g0=$(used_kb "$greenmail_PID")
echo "- used heap before any mail (after GC): Behalf ${b0} KB, GreenMail ${g0} KB"
echo
echo '```'
have=0
for step in $STEPS; do
  deliver $((step - have)) | grep -v '^total'
  have=$step
  if [ "$step" -le 10000 ]; then repeats=3; ops=select,flags,body,store
  elif [ "$step" -le 20000 ]; then repeats=1; ops=select,flags,body,store
  else repeats=1; ops=select; fi
  echo "step $step: load average $(load_average); Behalf jimh INBOX / terrya Sent Items: $(behalf_inbox)"
  # shellcheck disable=SC2086
  java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.imap.ImapTimer behalf "$behalf_IMAP" jimh@contoso.com 'P@ssw0rd' 5 select,flags,body,store
  python3 "$ROOT/bench/imap-latency.py" behalf "$behalf_IMAP" jimh@contoso.com 'P@ssw0rd' 3 select,flags,body,store
  # shellcheck disable=SC2086
  java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.imap.ImapTimer greenmail "$greenmail_IMAP" jimh secret "$repeats" "$ops"
done
# Only what the steps left (none when TOTAL is the last step: the load client sends at least one a connection).
if [ "$TOTAL" -gt "$have" ]; then deliver $((TOTAL - have)) | grep -v '^total'; fi
echo '```'
echo
read -r inbox sent <<<"$(behalf_inbox)"
gm=$(python3 - "$greenmail_IMAP" <<'PY'
import imaplib, sys
c = imaplib.IMAP4("127.0.0.1", int(sys.argv[1])); c.login("jimh", "secret")
typ, data = c.select("INBOX", readonly=True); print(int(data[0])); c.logout()
PY
)
b1=$(used_kb "$behalf_PID"); g1=$(used_kb "$greenmail_PID")
echo "- load average at the heap reading: $(load_average)"
echo "- stored: Behalf jimh INBOX $inbox, terrya Sent Items $sent; GreenMail jimh INBOX $gm"
echo "- used heap after GC: Behalf ${b1} KB, GreenMail ${g1} KB"
echo "- peak RSS: Behalf $(( $(vmhwm_kb "$behalf_PID") / 1024 )) MiB, GreenMail $(( $(vmhwm_kb "$greenmail_PID") / 1024 )) MiB"
echo
echo "Behalf's largest live classes at $TOTAL messages (\`jmap -histo:live\`), to tell the store's share from the rest:"
echo
echo '```'
jmap -histo:live "$behalf_PID" | head -24
echo '```'
echo
echo "| heap per message at $TOTAL | Behalf | GreenMail | Behalf / GreenMail |"
echo "|---|---|---|---|"
awk -v b0="$b0" -v b1="$b1" -v g0="$g0" -v g1="$g1" -v n="$TOTAL" 'BEGIN {
  b = (b1 - b0) * 1024 / n; g = (g1 - g0) * 1024 / n
  printf "| bytes per accepted message | %.0f | %.0f | %.2f× |\n", b, g, b / g }'
[ "$inbox" = "$TOTAL" ] && [ "$sent" = "$TOTAL" ] && [ "$gm" = "$TOTAL" ] || { echo "**INVALID: a server holds a different number of messages than were delivered**"; exit 1; }
