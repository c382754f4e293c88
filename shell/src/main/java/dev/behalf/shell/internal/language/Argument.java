package dev.behalf.shell.internal.language;

import java.util.Optional;

/**
 * A value given to one parameter.
 *
 * @param at    the parameter token ({@code -User}), or the value itself when given by position
 * @param value empty for a switch given without {@code :value}
 */
record Argument(Parameter parameter, Token at, Optional<Value> value) {
}
