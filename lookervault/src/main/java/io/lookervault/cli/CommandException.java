package io.lookervault.cli;

/**
 * A failure a command has already explained: the mapper prints the message as is (no stack trace) and
 * exits with the given code. Use it for "what went wrong and what to do" errors found by a command.
 */
public class CommandException extends RuntimeException {
    private final int exitCode;

    public CommandException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CommandException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
