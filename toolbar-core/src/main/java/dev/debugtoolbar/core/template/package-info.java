/**
 * The Templates panel. {@link dev.debugtoolbar.core.template.ThymeleafRecorder} wraps a Thymeleaf engine's
 * context factory: while a request is recorded, each engine context it creates follows the levels Thymeleaf
 * walks through and notes where a fragment's template data is set (the host element of a {@code th:insert}
 * or {@code th:replace}) and where that level is left again. That gives every template and fragment with its
 * nesting, times, origin and variables, in the request's log, without any change to the templates.
 * {@link dev.debugtoolbar.core.template.TemplatesPanel} summarises the log when the request ends.
 *
 * <p>Thymeleaf is an optional dependency: only {@code ThymeleafRecorder} and the classes it creates refer to
 * it, so the rest of the toolbar works without it on the classpath.
 */
package dev.debugtoolbar.core.template;
