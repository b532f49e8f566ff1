package com.example.shop;

import java.util.logging.Logger;

/** Stands for an application's own code in the integration tests: logs through each framework, and fails. */
public final class Orders {

    private static final Logger JUL = Logger.getLogger("com.example.shop.Orders");

    private Orders() {
    }

    /** Logs one line through java.util.logging, SLF4J (Logback) and Log4j 2. */
    public static void logThroughEveryFramework(String order) {
        JUL.warning("stock low for order " + order);
        org.slf4j.LoggerFactory.getLogger("com.example.shop.Payments").info("charged order {}", order);
        org.apache.logging.log4j.LogManager.getLogger("com.example.shop.Shipping")
                .error("label printer offline for order " + order, new IllegalStateException("printer offline"));
    }

    /** Refuses an order the way application code does, with an exception of its own. */
    public static void reserve(String order) {
        throw new IllegalStateException("Order " + order + " is out of stock");
    }

    /** Fails as application code does, with a low-level cause. */
    public static void place(String order) {
        try {
            Integer.parseInt(order);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Order " + order + " cannot be placed", e);
        }
    }
}
