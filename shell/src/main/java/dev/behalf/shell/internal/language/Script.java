package dev.behalf.shell.internal.language;

import java.util.List;

/** A parsed command text: its command lines (pipelines) in order. */
public record Script(List<Pipeline> pipelines) {

    public Script {
        pipelines = List.copyOf(pipelines);
    }
}
