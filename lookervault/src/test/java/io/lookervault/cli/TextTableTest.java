package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private static String render(TextTable t, int width) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        t.render(new PrintStream(b, true, StandardCharsets.UTF_8), width);
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void alignsColumns() {
        String s = render(TextTable.of("A", "BB").row("xxx", "y").row("z", "wwww"), 80);
        assertThat(s.lines()).containsExactly("A    BB", "---  ----", "xxx  y", "z    wwww");
    }

    @Test
    void wrapsTheLastColumnToFitTheWidth() {
        String detail = "word ".repeat(30).strip();
        String s = render(TextTable.of("CHECK", "DETAIL").row("login", detail), 50);
        assertThat(s.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(50));
        assertThat(s.replaceAll("\\s+", " ")).contains(detail);
    }

    @Test
    void cutsAnOtherColumnOnlyWhenWrappingIsNotEnough() {
        String s = render(TextTable.of("NAME", "X", "D").row("n".repeat(80), "x", "d".repeat(40)), 60);
        assertThat(s.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(s).contains("…");
    }

    @Test
    void widthComesFromColumnsWithASaneFloor() {
        assertThat(TextTable.width(Map.of("COLUMNS", "100"))).isEqualTo(100);
        assertThat(TextTable.width(Map.of("COLUMNS", "5"))).isEqualTo(40);
        assertThat(TextTable.width(Map.of())).isEqualTo(120);
    }
}
