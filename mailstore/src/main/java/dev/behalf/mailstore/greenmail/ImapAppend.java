package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapRequestLineReader;
import com.icegreen.greenmail.imap.ImapResponse;
import com.icegreen.greenmail.imap.ImapSession;
import com.icegreen.greenmail.imap.ProtocolException;
import com.icegreen.greenmail.imap.commands.CommandParser;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import dev.behalf.message.LineRule;
import jakarta.mail.Flags;

import java.util.Date;
import java.util.Optional;

/**
 * {@code APPEND} (RFC 3501 §6.3.11), storing the literal's octets as the client sent them.
 *
 * <p>Why not GreenMail's: 2.1.13's {@code AppendCommand} reads the literal into a Jakarta Mail
 * {@code MimeMessage}, so the store kept what Jakarta wrote back: a header section split into lines by
 * Jakarta's line reader (which ends a line at LF, at CR and at CR LF) and written out with CR LF. The
 * header the store's parser read was then Jakarta's reading of the client's, not the client's: two parsers
 * over the same bytes. Here the arguments are read with GreenMail's own parser, the literal is kept as it
 * came, and the one line rule ({@link LineRule}, the rule SMTP submission enforces) decides whether it may
 * be stored: a literal with a bare CR, a bare LF or a NUL is refused with where it is, and nothing is stored.
 * Replies are GreenMail's: {@code APPENDUID}, {@code TRYCREATE} for a folder that does not exist.
 */
final class ImapAppend {
    static final String SYNTAX = "<tag> APPEND <mailbox> [<flag_list>] [<date_time>] literal";

    private final Arguments parser = new Arguments();

    /**
     * Answers the command at the reader (its tag, {@code APPEND}, its arguments and literal) up to the end of
     * its line, which it leaves for the caller to consume. The session must be signed in.
     */
    void run(ImapRequestLineReader request, ImapResponse response, ImapSession session) throws ProtocolException {
        response.setTag(parser.tag(request));
        parser.atom(request);
        String mailbox;
        Flags flags;
        Date internalDate;
        byte[] literal;
        try {
            mailbox = parser.mailbox(request);
            flags = request.nextWordChar() == '(' ? parser.flagList(request) : new Flags();
            internalDate = request.nextWordChar() == '"' ? parser.dateTime(request) : new Date();
            request.nextWordChar();
            literal = parser.literal(request);
            parser.endLine(request);
        } catch (ProtocolException e) {
            response.commandError(e.getMessage() + " Command should be '" + SYNTAX + "'");
            return;
        }
        Optional<LineRule.Breach> breach = LineRule.firstBreach(literal, 0, literal.length);
        if (breach.isPresent()) {
            response.taggedResponse("NO APPEND failed. The message breaks the line rule (CR LF ends a line and nothing "
                    + "else does, no NUL; RFC 5322 2.3): " + breach.get().detail() + "; nothing was stored");
            return;
        }
        MailFolder folder;
        try {
            folder = session.getHost().getFolder(session.getUser(), mailbox, true);
        } catch (FolderException e) {
            response.taggedResponse("NO [TRYCREATE] APPEND failed. " + e.getMessage());
            return;
        }
        try {
            long uid = ((ImapFolder) folder).append(literal, flags, internalDate);
            session.unsolicitedResponses(response);
            response.taggedResponse("OK [APPENDUID " + folder.getUidValidity() + " " + uid + "] APPEND completed.");
        } catch (FolderException e) {
            response.taggedResponse("NO APPEND failed. " + e.getMessage());
        }
    }

    /** GreenMail's argument parser, with its literal reader (protected there) in reach. */
    private static final class Arguments extends CommandParser {
        byte[] literal(ImapRequestLineReader request) throws ProtocolException {
            return consumeLiteralAsBytes(request);
        }
    }
}
