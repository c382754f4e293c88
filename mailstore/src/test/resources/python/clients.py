"""Python's own IMAP and POP3 clients against a Behalf store, for PythonClientsIT.

usage: clients.py imap-login PORT USER PASSWORD        (the user quoted, as a careful script does)
       clients.py imap-login-raw PORT USER PASSWORD    (imaplib's login() as it is: the user unquoted)
       clients.py imap-plain PORT AUTHZID AUTHCID PASSWORD
       clients.py pop3 PORT USER PASSWORD
       clients.py imap-sections PORT USER PASSWORD    (message 1's HEADER, TEXT and BODY[] octets, hex)
Prints what the session saw, or "REFUSED <server text>" with exit status 1.
"""
import imaplib
import poplib
import sys


def imap_quote(s):
    # imaplib sends LOGIN arguments as they are; a backslash needs an IMAP quoted string.
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def imap_report(m):
    typ, data = m.select("INBOX", readonly=True)
    count = int(data[0])
    typ, folders = m.list()
    names = sorted(f.decode().rsplit(' "." ', 1)[1].strip('"') for f in folders)
    subjects = []
    if count:
        typ, data = m.fetch("1:*", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        subjects = [part[1].decode().strip().split(": ", 1)[1] for part in data if isinstance(part, tuple)]
    print("INBOX", count, "|".join(subjects))
    print("FOLDERS", "|".join(names))
    m.logout()


def main(argv):
    cmd, port = argv[1], int(argv[2])
    try:
        if cmd == "imap-login":
            m = imaplib.IMAP4("127.0.0.1", port, timeout=10)
            m.login(imap_quote(argv[3]), argv[4])
            imap_report(m)
        elif cmd == "imap-login-raw":
            m = imaplib.IMAP4("127.0.0.1", port, timeout=10)
            m.login(argv[3], argv[4])
            imap_report(m)
        elif cmd == "imap-plain":
            m = imaplib.IMAP4("127.0.0.1", port, timeout=10)
            token = ("%s\0%s\0%s" % (argv[3], argv[4], argv[5])).encode("utf-8")
            m.authenticate("PLAIN", lambda _challenge: token)
            imap_report(m)
        elif cmd == "imap-sections":
            m = imaplib.IMAP4("127.0.0.1", port, timeout=10)
            m.login(imap_quote(argv[3]), argv[4])
            m.select("INBOX", readonly=True)
            typ, data = m.fetch("1", "(BODY.PEEK[HEADER] BODY.PEEK[TEXT] BODY.PEEK[])")
            octets = {}
            for part in data:
                if isinstance(part, tuple):
                    octets[part[0].split()[-2].decode().lstrip("(")] = part[1]
            header, text, whole = octets["BODY[HEADER]"], octets["BODY[TEXT]"], octets["BODY[]"]
            print("HEADER+TEXT==BODY[]", header + text == whole)
            print("BODY[]", whole.hex())
            m.logout()
        elif cmd == "pop3":
            p = poplib.POP3("127.0.0.1", port, timeout=10)
            p.user(argv[3])
            p.pass_(argv[4])
            print("STAT", p.stat()[0])
            p.quit()
        else:
            raise SystemExit("unknown command " + cmd)
    except (imaplib.IMAP4.error, poplib.error_proto) as e:
        print("REFUSED", e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
