package dev.behalf.policy.directory;

/** The three delegation rights (spec §3). */
public enum Right {
    FullAccess("Full Access"), SendAs("Send As"), SendOnBehalf("Send on Behalf");

    private final String label;

    Right(String label) {
        this.label = label;
    }

    /** The name the documentation and the EAC use, e.g. "Send on Behalf". */
    public String label() {
        return label;
    }
}
