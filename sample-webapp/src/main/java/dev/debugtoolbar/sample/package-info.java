/**
 * The sample bookshop: an embedded Jetty 12 server on an in-memory H2 database whose pages each show
 * one debug toolbar panel at work.
 *
 * <p>{@link dev.debugtoolbar.sample.SampleApp} wires everything: the toolbar filter in front of every
 * request, the wrapped {@code DataSource} behind every repository, the wrapped JCache {@code CacheManager}
 * (Caffeine's) behind the cached ranking, and the instrumented Thymeleaf engine behind every page. Features
 * live in their own packages: {@code books} (lists, detail, search, popular), {@code stats} (the JSON
 * endpoint the AJAX page calls), {@code web} (templates and the pages without data), {@code db} (schema,
 * seed and JDBC helper).
 */
package dev.debugtoolbar.sample;
