package io.lookervault.cli;

/** What {@code --output} asks for: human tables or one JSON document per command. */
public enum OutputFormat {
    TABLE, JSON
}
