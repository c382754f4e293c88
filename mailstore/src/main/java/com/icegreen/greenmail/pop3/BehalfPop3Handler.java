package com.icegreen.greenmail.pop3;

import com.icegreen.greenmail.pop3.commands.Pop3CommandRegistry;
import com.icegreen.greenmail.user.UserManager;

import java.net.Socket;

/**
 * GreenMail's POP3 connection with Behalf's greeting instead of "+OK POP3 GreenMail Server v2.1.13
 * ready", matching the IMAP one ("Behalf IMAP4rev1 service ready"). In GreenMail's package because
 * {@code Pop3Handler.sendGreetings} is package-private; compiled against GreenMail 2.1.13, so an
 * upgrade that changes it breaks the build here.
 */
public final class BehalfPop3Handler extends Pop3Handler {
    public static final String GREETING = "+OK Behalf POP3 service ready";

    public BehalfPop3Handler(Pop3CommandRegistry registry, UserManager manager, Socket socket) {
        super(registry, manager, socket);
    }

    @Override
    void sendGreetings() {
        conn.println(GREETING);
    }
}
