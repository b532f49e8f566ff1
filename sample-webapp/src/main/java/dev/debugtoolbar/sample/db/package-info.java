/**
 * The bookshop's in-memory H2 database: schema ({@code db/schema.sql}), deterministic seed data and a
 * small JDBC helper that binds every parameter.
 */
package dev.debugtoolbar.sample.db;
