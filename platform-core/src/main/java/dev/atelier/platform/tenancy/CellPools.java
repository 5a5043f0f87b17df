package dev.atelier.platform.tenancy;

import java.util.Set;
import javax.sql.DataSource;

/**
 * The connection pool of each cell, for work done per cell rather than per tenant (the outbox relay): each cell's own
 * schemas (such as {@code relay}), reached by qualified names.
 */
public interface CellPools {

    /** The cells' names, as configured. */
    Set<String> names();

    /**
     * The pool of cell {@code name}.
     *
     * @throws IllegalStateException if there is no such cell
     */
    DataSource cell(String name);
}
