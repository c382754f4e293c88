package dev.behalf.gateway.audit;

/**
 * The door a message came in by: SMTP submission, or Microsoft Graph's {@code sendMail}. Both go through the
 * one submission pipeline (the same header parse, decision, routing and delivery); the decision record keeps
 * which one, as its {@link #label()}.
 */
public enum Surface {
    SMTP("SMTP"),
    GRAPH("Graph");

    private final String label;

    Surface(String label) {
        this.label = label;
    }

    /** As the decision record, the API and the web UI show it: {@code SMTP} or {@code Graph}. */
    public String label() {
        return label;
    }
}
