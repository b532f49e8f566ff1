package dev.debugtoolbar.core;

/** Objects that fail wherever the toolbar might touch them, for the tests of its guarded hooks. */
public final class Hostile {

    private Hostile() {
    }

    /** A failure whose own message cannot be read. */
    public static final class Unspeakable extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage");
        }
    }

    /** An object that cannot be printed, hashed or compared. */
    public static final class Unprintable {
        @Override
        public String toString() {
            throw new Unspeakable();
        }

        @Override
        public int hashCode() {
            throw new Unspeakable();
        }

        @Override
        public boolean equals(Object other) {
            throw new Unspeakable();
        }
    }
}
