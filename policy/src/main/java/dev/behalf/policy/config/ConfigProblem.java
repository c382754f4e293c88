package dev.behalf.policy.config;

/**
 * One thing wrong in a config file, with where it is: {@code config/directory.yaml:14
 * grants.sendAs[2].trustee: 'raymond' matches no recipient; did you mean 'raymonds'?}.
 *
 * @param line 1-based; 0 when the problem concerns the whole file
 */
public record ConfigProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (field.isEmpty() ? "" : " " + field) + ": " + message;
    }
}
