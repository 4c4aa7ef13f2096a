package io.lookervault.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A plain-text table that fits the terminal: when too wide, the last column wraps onto continuation
 * lines, and if that is not enough the widest other column is cut (with "…"). Not thread-safe; build,
 * then render once.
 */
public final class TextTable {
    private static final int MIN_COLUMN = 6;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> headers) {
        this.headers = headers;
    }

    public static TextTable of(String... headers) {
        return new TextTable(List.of(headers));
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "" : String.valueOf(c)).toList());
        return this;
    }

    /** The terminal width from {@code COLUMNS}, else 120. */
    public static int width(Map<String, String> env) {
        try {
            int w = Integer.parseInt(env.getOrDefault("COLUMNS", "120").strip());
            return Math.max(40, w);
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    public void render(PrintStream out, int maxWidth) {
        int[] w = fit(maxWidth);
        out.println(line(headers, w));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        out.println(rule);
        for (List<String> r : rows) {
            printRow(out, r, w);
        }
    }

    private static void printRow(PrintStream out, List<String> r, int[] w) {
        int last = w.length - 1;
        List<String> pieces = wrap(r.get(last), w[last]);
        List<String> cells = new ArrayList<>(r);
        cells.set(last, pieces.get(0));
        out.println(line(cells, w));
        String indent = " ".repeat(Arrays.stream(w).limit(last).sum() + 2 * last);
        for (int i = 1; i < pieces.size(); i++) {
            out.println(indent + pieces.get(i));
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            cut = cut <= 0 ? width : cut;
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    int[] fit(int maxWidth) {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        int total = Arrays.stream(w).sum() + 2 * (w.length - 1);
        int last = w.length - 1;
        int lastFloor = Math.max(Math.min(w[last], 30), headers.get(last).length());
        if (total > maxWidth && w[last] > lastFloor) {
            int shrink = Math.min(total - maxWidth, w[last] - lastFloor);
            w[last] -= shrink;
            total -= shrink;
        }
        while (total > maxWidth) {
            int widest = 0;
            for (int i = 1; i < last; i++) {
                widest = w[i] > w[widest] ? i : widest;
            }
            if (w[widest] <= MIN_COLUMN) {
                break;
            }
            w[widest]--;
            total--;
        }
        return w;
    }

    private static String line(List<String> cells, int[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            if (c.length() > w[i]) {
                c = c.substring(0, w[i] - 1) + "…";
            }
            b.append(i == 0 ? "" : "  ").append(c);
            if (i < w.length - 1) {
                b.append(" ".repeat(w[i] - c.length()));
            }
        }
        return b.toString();
    }
}
