package dev.behalf.policy.reply;

/**
 * An RFC 3463 enhanced status code, {@code class.subject.detail} (e.g. {@code 5.7.60}).
 */
public record EnhancedStatus(int klass, int subject, int detail) {

    public EnhancedStatus {
        if (klass != 2 && klass != 4 && klass != 5) {
            throw new IllegalArgumentException("enhanced status class must be 2, 4 or 5: " + klass);
        }
        if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
            throw new IllegalArgumentException("enhanced status subject and detail must be 0..999: " + subject + "." + detail);
        }
    }

    /** Parses {@code "5.7.60"}; throws with the text when it is not one. */
    public static EnhancedStatus parse(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an enhanced status code (class.subject.detail): '" + text + "'");
        }
        try {
            return new EnhancedStatus(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an enhanced status code (class.subject.detail): '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return klass + "." + subject + "." + detail;
    }
}
