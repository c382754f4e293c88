package dev.behalf.shell.internal.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An object a cmdlet outputs: a type name, named properties in display order, and a default view.
 * Property names are matched ignoring case, as PowerShell does. A property's value is a
 * {@code String}, {@code Boolean}, {@code Integer}, a {@code List} of those, or null for {@code $null}.
 */
public record ShellObject(String typeName, List<Property> properties, View view) implements Item {

    /** One property; {@code value} may be null. */
    public record Property(String name, Object value) {
    }

    public ShellObject {
        properties = Collections.unmodifiableList(new ArrayList<>(properties));
    }

    public Optional<Property> property(String name) {
        return properties.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The value of a property, or null when the object has no such property (PowerShell gives $null). */
    public Object value(String name) {
        return property(name).map(Property::value).orElse(null);
    }

    public List<String> names() {
        return properties.stream().map(Property::name).toList();
    }

    public static Builder builder(String typeName) {
        return new Builder(typeName);
    }

    /** Collects properties in order. */
    public static final class Builder {
        private final String typeName;
        private final List<Property> properties = new ArrayList<>();

        private Builder(String typeName) {
            this.typeName = typeName;
        }

        public Builder add(String name, Object value) {
            properties.add(new Property(name, value));
            return this;
        }

        public ShellObject build(View view) {
            return new ShellObject(typeName, properties, view);
        }
    }
}
