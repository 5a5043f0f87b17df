package dev.atelier.platform.tenancy.internal;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code cells} in {@code /actuator/health}: up only when every configured cell answers. */
@Component("cells")
class CellsHealthIndicator extends AbstractHealthIndicator {

    private final CellDataSources cells;

    CellsHealthIndicator(CellDataSources cells) {
        super("a cell is unreachable");
        this.cells = cells;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> states = new LinkedHashMap<>();
        boolean allUp = true;
        for (String name : cells.names()) {
            try (Connection connection = cells.cell(name).getConnection()) {
                boolean valid = connection.isValid(2);
                states.put(name, valid ? "UP" : "DOWN");
                allUp &= valid;
            } catch (Exception e) {
                states.put(name, "DOWN");
                allUp = false;
            }
        }
        (allUp ? builder.up() : builder.down()).withDetails(states);
    }
}
