package dev.behalf.gateway.smtp;

import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

import java.util.List;

/**
 * The connect stage: its checks, in order, before the greeting. A check here is SubEthaSMTP's own
 * {@link SessionHandler}, already one method that answers with a refusal value; the first refusal closes
 * the connection, and the checks that had admitted it are told that it ended, so their counts stay right.
 */
final class ConnectStage implements SessionHandler {
    private final List<SessionHandler> checks;

    ConnectStage(List<SessionHandler> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public SessionAcceptance accept(Session session) {
        for (int i = 0; i < checks.size(); i++) {
            SessionAcceptance a = checks.get(i).accept(session);
            if (!a.accepted()) {
                for (int j = i - 1; j >= 0; j--) {
                    checks.get(j).onSessionEnd(session);
                }
                return a;
            }
        }
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
        for (int i = checks.size() - 1; i >= 0; i--) {
            checks.get(i).onSessionEnd(session);
        }
    }
}
