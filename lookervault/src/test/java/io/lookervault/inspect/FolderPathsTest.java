package io.lookervault.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FolderPathsTest {
    private final FolderPaths tree = new FolderPaths(Map.of(
            "1", new String[] {"Shared", null},
            "2", new String[] {"Sales", "1"},
            "3", new String[] {"EMEA", "2"},
            "4", new String[] {"Ops", "1"},
            "8", new String[] {"Loop A", "9"},
            "9", new String[] {"Loop B", "8"}));

    @Test
    void pathsWalkUpToTheRoot() {
        assertThat(tree.path("3")).isEqualTo("/Shared/Sales/EMEA");
        assertThat(tree.path("1")).isEqualTo("/Shared");
        assertThat(tree.path(null)).isEmpty();
    }

    @Test
    void unknownFoldersAndCyclesDoNotHang() {
        assertThat(tree.path("77")).isEqualTo("/[77]");
        assertThat(tree.path("8")).isEqualTo("/Loop B/Loop A");
    }

    @Test
    void scopeIsTheFoldersOrTheirWholeSubtrees() {
        assertThat(tree.scope(List.of("2"), false)).containsExactly("2");
        assertThat(tree.scope(List.of("1"), true)).containsExactlyInAnyOrder("1", "2", "3", "4");
    }
}
