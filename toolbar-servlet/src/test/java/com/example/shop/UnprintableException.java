package com.example.shop;

/** An application's exception whose {@code toString} throws, as a badly written one can. */
public final class UnprintableException extends RuntimeException {

    public UnprintableException(String message) {
        super(message);
    }

    @Override
    public String toString() {
        throw new IllegalStateException("this exception cannot be printed");
    }
}
