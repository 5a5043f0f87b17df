package dev.atelier.platform.outbox;

/**
 * Something that follows the outbox of every tenant through the {@link OutboxRelay}: it gets each event written after
 * it first registered, at least once (again after a failure or a crash before its handling was recorded), and the
 * events of one aggregate in the order they were written. So it must be idempotent: {@link RelayedEvent#key()} says
 * which event it has seen.
 */
public interface OutboxConsumer {

    /** The consumer's lasting name (at most 40 characters): what the relay keeps its progress under. */
    String name();

    /**
     * Handles one event. Returning is success; an exception is a failure, tried again later (with a growing pause,
     * the aggregate's later events waiting) until the relay gives up and keeps it among the dead.
     */
    void handle(RelayedEvent event) throws Exception;
}
