package com.example.shop;

/** Stands for an application's own code in tests: a package the toolbar does not know as a library's. */
public final class Checkout {

    private Checkout() {
    }

    /** Fails the way application code does: wrapping a low-level failure. */
    public static void placeOrder(String orderId) {
        try {
            Integer.parseInt(orderId);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Order " + orderId + " could not be placed", e);
        }
    }
}
