package dev.atelier.infra.servers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM shutdown hook for everything this module starts: registered resources are closed in reverse order of
 * registration (last started, first stopped), one after the other, so apps stop before the servers they use.
 */
public final class ShutdownHooks {

    private static final Logger log = LoggerFactory.getLogger(ShutdownHooks.class);
    private static final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private static boolean hookInstalled;
    private static boolean shuttingDown;

    private ShutdownHooks() {
    }

    /** Closes {@code resource} when the JVM exits, unless it was {@link #unregister unregistered} before. */
    public static synchronized void register(AutoCloseable resource) {
        if (shuttingDown) {
            throw new IllegalStateException("the JVM is shutting down");
        }
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHooks::closeAll, "atelier-shutdown"));
            hookInstalled = true;
        }
        resources.push(resource);
    }

    /** Forgets {@code resource} (it was closed by its owner). */
    public static synchronized void unregister(AutoCloseable resource) {
        resources.removeIf(r -> r == resource);
    }

    /** Whether the JVM shutdown hook is running. */
    public static synchronized boolean shuttingDown() {
        return shuttingDown;
    }

    private static void closeAll() {
        List<AutoCloseable> toClose;
        synchronized (ShutdownHooks.class) {
            shuttingDown = true;
            toClose = new ArrayList<>(resources);
            resources.clear();
        }
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not close {} at shutdown: {}", resource, e.toString());
            }
        }
    }
}
