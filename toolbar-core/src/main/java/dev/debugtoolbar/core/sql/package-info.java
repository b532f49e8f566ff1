/**
 * The SQL panel: a datasource-proxy listener records each statement run while a request is bound into
 * the request's {@link dev.debugtoolbar.core.sql.SqlLog}; {@link dev.debugtoolbar.core.sql.SqlPanel}
 * summarises the log once when the request ends.
 */
package dev.debugtoolbar.core.sql;
