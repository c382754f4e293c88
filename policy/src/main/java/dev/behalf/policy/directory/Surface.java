package dev.behalf.policy.directory;

/** Where a grant is made: the admin center offers fewer combinations than the Shell (spec §3). */
public enum Surface {
    EAC("the EAC"), Shell("the Shell");

    private final String label;

    Surface(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
