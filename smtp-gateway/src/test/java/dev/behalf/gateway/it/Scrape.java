package dev.behalf.gateway.it;

import java.util.HashMap;
import java.util.Map;

/** A Prometheus text-format page read as a scraper does: each sample line's name{labels} and value. */
final class Scrape {
    private final Map<String, Double> samples = new HashMap<>();
    final String text;

    Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    /** The sample's value, 0 when absent (a counter never incremented has no series yet). */
    double value(String series) {
        return samples.getOrDefault(series, 0.0);
    }

    boolean has(String series) {
        return samples.containsKey(series);
    }
}
