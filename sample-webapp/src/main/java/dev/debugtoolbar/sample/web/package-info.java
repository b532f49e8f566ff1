/**
 * What every page shares: the Thymeleaf {@link dev.debugtoolbar.sample.web.Pages} renderer (templates on
 * the classpath under {@code templates/}) and the pages that need no data.
 */
package dev.debugtoolbar.sample.web;
