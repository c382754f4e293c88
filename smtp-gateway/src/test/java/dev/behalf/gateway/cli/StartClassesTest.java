package dev.behalf.gateway.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartClassesTest {

    private static List<String> listed() throws IOException {
        try (InputStream in = StartClasses.class.getResourceAsStream(StartClasses.LIST)) {
            assertTrue(in != null, StartClasses.LIST + " is missing from the jar");
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    @Test
    void everyListedClassIsOnTheClassPathOnceSoTheListIsNotStale() throws IOException {
        List<String> names = listed();
        assertTrue(names.size() > 500, "a serve start loads about a thousand classes the JDK's archive lacks: " + names.size());
        Set<String> seen = new HashSet<>();
        List<String> gone = new ArrayList<>();
        for (String n : names) {
            assertTrue(seen.add(n), "listed twice: " + n);
            try {
                Class.forName(n, false, StartClasses.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                gone.add(n);
            }
        }
        assertEquals(List.of(), gone, "classes the start no longer has: run bench/start-classes.sh to write the list again");
        assertTrue(names.contains("dev.behalf.policy.config.DirectoryLoader"), "the directory's loading is on the list");
        int firstNetty = names.indexOf(names.stream().filter(n -> n.startsWith("io.netty.")).findFirst().orElseThrow());
        assertTrue(names.subList(firstNetty, names.size()).stream().allMatch(n -> n.startsWith("io.netty.")),
                "Netty's classes last: HttpServer.preload initialises them meanwhile");
    }

    @Test
    void preloadingLoadsEveryListedClass() throws IOException {
        assertEquals(listed().size(), StartClasses.preload());
    }

    @Test
    void preloadingLoadsWithoutInitialisingAndSkipsWhatIsNotThere() throws IOException {
        String list = Probe.class.getName() + "\nno.such.Clazz\n";
        int loaded = StartClasses.preload(new java.io.ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)),
                StartClassesTest.class.getClassLoader());
        assertEquals(1, loaded);
        assertEquals(0, Counter.initialised, "preloading ran a static initialiser");
        assertEquals("probe", Probe.touch());
        assertEquals(1, Counter.initialised, "the probe counts its initialisation");
    }

    static final class Counter {
        static int initialised;
    }

    static final class Probe {
        static {
            Counter.initialised++;
        }

        static String touch() {
            return "probe";
        }
    }
}
