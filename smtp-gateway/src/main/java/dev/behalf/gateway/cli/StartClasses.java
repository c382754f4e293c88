package dev.behalf.gateway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads, on a second thread, the classes a {@code serve} start loads, in the order it loads them
 * ({@value #LIST}, written by {@code bench/start-classes.sh}), while the main thread reads the directory and
 * starts the servers: the main thread then finds most of its classes read from the jar and defined already.
 * What a class-data-sharing archive would give, for a jar that can't name one on {@code java -jar}. Loading
 * only: no class is initialised here, so no static initialiser runs on two threads at once. A name the jar
 * no longer has is skipped (and {@code StartClassesTest} fails until the list is written again); a class the
 * list lacks is loaded by the main thread, as without the list. Netty's classes come last: {@code
 * HttpServer.preload} initialises most of them on its own thread meanwhile, and this loads the rest before the
 * HTTP server starts.
 *
 * <p>Measured side by side (docs/benchmarks.md): a start to healthy about 40 ms shorter on two cores.
 */
final class StartClasses {
    static final String LIST = "/META-INF/behalf/start-classes.txt";

    private StartClasses() {
    }

    static void preloadInBackground() {
        Thread t = new Thread(StartClasses::preload, "behalf-preload-classes");
        t.setDaemon(true);
        t.start();
    }

    /** Loads every class of the list that the class path has; how many it loaded. */
    static int preload() {
        try (InputStream in = StartClasses.class.getResourceAsStream(LIST)) {
            return in == null ? 0 : preload(in, StartClasses.class.getClassLoader());
        } catch (IOException e) {
            // The list only saves time: without it the main thread loads every class, as it would anyway.
            return 0;
        }
    }

    /** Loads, without initialising, each class named on a line of {@code list}; how many it loaded. */
    static int preload(InputStream list, ClassLoader loader) throws IOException {
        int loaded = 0;
        BufferedReader lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8));
        for (String name = lines.readLine(); name != null; name = lines.readLine()) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // The main thread loads it, or does not need it: either way the start goes on as without the list.
            }
        }
        return loaded;
    }
}
