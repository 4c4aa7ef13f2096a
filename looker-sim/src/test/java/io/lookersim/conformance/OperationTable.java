package io.lookersim.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

/** The rows of spec/looker-api/looker-4.0-backup-subset-operations.tsv: the operations the simulator must serve. */
public final class OperationTable {
    private static final String PREFIX = "/api/4.0";

    /** One row; {@code path} is without the /api/4.0 prefix, {@code queryParams} as in the file ({@code *} = required). */
    public record Row(String tier, String operationId, String method, String path, List<String> queryParams) {
        public boolean isRead() {
            return "GET".equals(method);
        }
    }

    private OperationTable() {}

    public static List<Row> rows() {
        try {
            List<String> lines = Files.readAllLines(SpecLocation.sharedFile(SpecLocation.OPERATIONS_TSV),
                    StandardCharsets.UTF_8);
            return lines.stream().skip(1).filter(l -> !l.isBlank()).map(OperationTable::row)
                    .collect(Collectors.toUnmodifiableList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(String line) {
        String[] c = line.split("\t", -1);
        String path = c[3].startsWith(PREFIX) ? c[3].substring(PREFIX.length()) : c[3];
        List<String> params = c[6].isBlank() ? List.of() : List.of(c[6].split(","));
        return new Row(c[0], c[1], c[2], path, params);
    }
}
