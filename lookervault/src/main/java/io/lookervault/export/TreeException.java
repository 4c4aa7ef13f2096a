package io.lookervault.export;

/** A tree that cannot be imported: the message names the file and, where known, the line, column and field. */
public final class TreeException extends RuntimeException {
    public TreeException(String message) {
        super(message);
    }

    static TreeException at(String path, long line, long column, String what) {
        return new TreeException(path + (line > 0 ? ":" + line + ":" + column : "") + ": " + what);
    }
}
