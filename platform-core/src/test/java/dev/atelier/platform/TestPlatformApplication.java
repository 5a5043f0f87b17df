package dev.atelier.platform;

/** The shared kernel booted on its own, for its integration tests. */
@AtelierApplication
public class TestPlatformApplication {
}
