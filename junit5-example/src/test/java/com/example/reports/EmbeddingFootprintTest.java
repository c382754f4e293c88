package com.example.reports;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What depending on behalf-junit5 puts on a user's test class path: the engine, and none of the
 * runnable jar's command line (picocli, JLine), logging backend (logback) or web UI files. The same
 * is enforced on junit5's dependency tree at build time (maven-enforcer, junit5/pom.xml); this test
 * checks the class path a user really gets, resources included.
 */
class EmbeddingFootprintTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void theEngineIsThere() throws Exception {
        assertNotNull(Class.forName("dev.behalf.gateway.app.Behalf", false, loader));
        assertNotNull(Class.forName("dev.behalf.gateway.junit.BehalfExtension", false, loader));
    }

    @Test
    void noCommandLineNoConsoleNoLoggingBackend() {
        for (String name : new String[] {"picocli.CommandLine", "org.jline.reader.LineReader",
                "ch.qos.logback.classic.Logger", "dev.behalf.gateway.cli.Main"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, loader), name);
        }
    }

    @Test
    void noWebUiFiles() {
        for (String resource : new String[] {"ui/index.html", "ui/app.css", "ui/js/api.js"}) {
            assertNull(loader.getResource(resource), resource);
        }
    }
}
