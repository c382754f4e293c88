package dev.behalf.policy.shell;

import java.util.List;

/** A parsed command text: its command lines (pipelines) in order. */
record Script(List<Pipeline> pipelines) {

    Script {
        pipelines = List.copyOf(pipelines);
    }
}
