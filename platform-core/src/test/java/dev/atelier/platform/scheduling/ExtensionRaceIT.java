package dev.atelier.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.testing.TestCells;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Tenant schemas migrate in parallel, and the first tenant changeset to need btree_gist creates it in the cell's
 * database: run by many tenants at once on a database without it, every one succeeds and one extension exists. (The
 * local stack hit "duplicate key … pg_extension_name_index" before the changeset took an advisory lock.)
 */
class ExtensionRaceIT {

    @Test
    void manyTenantsCreatingBtreeGistAtOnceAllSucceed() throws Exception {
        TestCells cells = TestCells.create("btree_race");
        String changeset = changeset("0004-btree-gist");
        int tenants = 8;
        CyclicBarrier start = new CyclicBarrier(tenants);
        ExecutorService pool = Executors.newFixedThreadPool(tenants);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            outcomes.add(pool.submit(() -> {
                try (Connection connection = TestCells.connect(cells.cellA())) {
                    connection.setAutoCommit(false);
                    start.await();
                    try (Statement statement = connection.createStatement()) {
                        for (String sql : changeset.split(";")) {
                            if (!sql.isBlank()) {
                                statement.execute(sql);
                            }
                        }
                    }
                    connection.commit();
                    return "ok";
                } catch (SQLException e) {
                    return e.getSQLState() + " " + e.getMessage();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        assertThat(results).containsOnly("ok");
        try (Connection connection = TestCells.connect(cells.cellA());
                ResultSet rows = connection.createStatement().executeQuery(
                        "select count(*) from pg_extension where extname = 'btree_gist'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    /** The statements of one changeset of the tenant changelog, without comments. */
    private static String changeset(String id) throws IOException {
        try (InputStream in = ExtensionRaceIT.class.getClassLoader()
                .getResourceAsStream("db/tenant/0004-catalog-schedules-bookings.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int from = text.indexOf("--changeset atelier:" + id);
            int to = text.indexOf("--changeset", from + 1);
            StringBuilder statements = new StringBuilder();
            for (String line : text.substring(from, to).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    statements.append(line).append('\n');
                }
            }
            return statements.toString();
        }
    }
}
