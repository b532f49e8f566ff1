/*
 * Servlet Debug Toolbar: the browser side.
 *
 * Loaded by the tag the filter puts where the page's body ends:
 *   <script src="//{host}{context}/__toolbar/static/toolbar.js?v=H" data-tb-id="{requestId}" data-tb-css-v="H2"
 *           [data-tb-style-nonce="{the page's style nonce}"] [nonce="{the page's script nonce}"] defer></script>
 *
 * Nothing the page's markup can forge decides where this script fetches from or whom it trusts: it finds its
 * own element through the Document.prototype getter of currentScript (an element named "currentScript"
 * cannot shadow that), and every URL it fetches is made from that element's resolved src ({base} is what
 * precedes "/static/toolbar.js"), never from a relative URL that a <base> element would redirect. The
 * src names the host itself, so a <base> cannot send the script elsewhere either. When a Trusted Types policy
 * is required, the fetched HTML goes through the toolbar's own policy, named "debug-toolbar"; where the page's
 * Content-Security-Policy does not allow that name, the toolbar stays off and says so in the console.
 *
 * One plain file, no framework, no build step. Written in the ES5 subset that both Chromium and
 * HtmlUnit (Rhino) run: var and function, XMLHttpRequest, no arrow functions or template strings.
 *
 * What it builds, inside an open Shadow DOM root of <div class="tb-host"> (or inside that div itself
 * where there is no Shadow DOM, as in HtmlUnit):
 *
 *   <link rel="stylesheet" href="{base}/static/toolbar.css?v={data-tb-css-v}" nonce="{data-tb-style-nonce}">
 *   <div class="tb-app" data-tb-open="true|false">
 *     <button class="tb-handle" data-tb-action="toggle" aria-expanded>DT</button>
 *     <aside class="tb-bar" hidden>            the toolbar fragment ({base}/requests/{id}) goes here
 *     <div class="tb-backdrop" data-tb-action="close-panel" hidden>   behind the overlay; a click closes it
 *     <section class="tb-overlay" hidden>      one panel at a time
 *       <header class="tb-overlay-header"> .tb-overlay-title, .tb-overlay-subtitle,
 *                                          button.tb-overlay-close[data-tb-action="close-panel"]
 *       <div class="tb-overlay-body" tabindex="-1">
 *         <div class="tb-panel-content" data-tb-panel-content="{panelId}">   one per panel, cached
 *
 * Panels the user switched off are kept in the cookie tb-off (ids joined by "|", Path=/, SameSite=Lax, a
 * year), which the server reads to skip their collection on the following requests. Each nav row carries
 * data-tb-collect="true|false" and a toggle button[data-tb-action="toggle-panel"] with aria-pressed.
 *
 * Markers tests wait for: data-tb-ready="true" on the host once the nav is in; data-tb-loaded="true"
 * on a .tb-panel-content once its panel has loaded (data-tb-error="true" if that failed); data-tb-request
 * on the host names the request the toolbar shows (the page's own, or one chosen in History);
 * data-tb-history-loaded="true" on the History panel's list once it is filled.
 *
 * Panels may use: [data-tb-offset] / [data-tb-width] (percent, 0-100) which become the CSS custom
 * properties --tb-offset / --tb-width (no style attributes, so a strict CSP is fine); an
 * input[data-tb-filter] that hides the table rows of its panel that do not contain its text; an element
 * with [data-tb-panel] and [data-tb-item] that opens that panel scrolled to its [data-tb-item] element.
 *
 * Fetched HTML (escaped by the server) is inserted with innerHTML (through setHtml); everything this script writes itself
 * goes through textContent. Ids are never put into selectors: elements are found by data- attributes
 * and compared with getAttribute, or kept as references.
 */
(function () {
    "use strict";

    var VERSION = "0.1.0";
    var STORAGE_KEY = "tb-open";
    var FOLLOW_KEY = "tb-follow-ajax";
    var ID_HEADER = "X-Debug-Toolbar-Id";
    var REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
    var OFF_COOKIE = "tb-off";
    var RUNNING_RETRIES = 15;

    if (window.debugToolbar) {
        return; // loaded twice: the first one stays in charge
    }

    var POLICY_NAME = "debug-toolbar";
    var SCRIPT_PATH = "/static/toolbar.js";

    var script = ownScript();
    if (!script) {
        return;
    }
    var src = script.src;
    var at = typeof src === "string" ? src.lastIndexOf(SCRIPT_PATH) : -1;
    if (at <= 0 || !/^https?:\/\/[^\/]+/.test(src)) {
        return;
    }
    var base = src.substring(0, at);
    var htmlPolicy = trustedHtmlPolicy();
    if (htmlPolicy === false) {
        return;
    }

    var config = {
        id: script.getAttribute("data-tb-id"),
        base: base,
        css: base + "/static/toolbar.css?v=" + encodeURIComponent(script.getAttribute("data-tb-css-v") || ""),
        styleNonce: script.getAttribute("data-tb-style-nonce") || ""
    };

    /**
     * This script's own element, read through Document.prototype's getter: document.currentScript itself is
     * shadowed by any element the page names "currentScript". Null where the engine has no such getter, or when
     * the element is not a script this toolbar's filter wrote: then the toolbar stays off.
     */
    function ownScript() {
        var descriptor = window.Document && Object.getOwnPropertyDescriptor
            ? Object.getOwnPropertyDescriptor(Document.prototype, "currentScript") : null;
        var element = descriptor && descriptor.get ? descriptor.get.call(document) : null;
        if (!element || !window.HTMLScriptElement || !(element instanceof HTMLScriptElement)
                || !REQUEST_ID.test(element.getAttribute("data-tb-id") || "")) {
            return null;
        }
        return element;
    }

    /**
     * The toolbar's Trusted Types policy for its own server-rendered HTML, or null where the browser has no
     * Trusted Types; false when the page's Content-Security-Policy does not allow the policy's name (then the
     * toolbar stays off, and says which directive to change).
     */
    function trustedHtmlPolicy() {
        if (!window.trustedTypes || typeof window.trustedTypes.createPolicy !== "function") {
            return null;
        }
        try {
            return window.trustedTypes.createPolicy(POLICY_NAME, {
                createHTML: function (html) {
                    return html; // only ever HTML of the toolbar's own endpoints, escaped by the server
                }
            });
        } catch (e) {
            if (window.console && window.console.warn) {
                window.console.warn("debug toolbar: off, because this page's Content-Security-Policy does not "
                    + "allow its Trusted Types policy: add '" + POLICY_NAME + "' to the trusted-types directive "
                    + "(trusted-types ... " + POLICY_NAME + ").");
            }
            return false;
        }
    }

    var state = {
        requestId: config.id,  // the request the toolbar shows
        open: false,           // whether the toolbar (nav) is shown
        toolbar: "none",       // none | loading | loaded | error
        panels: {},            // "p:" + requestId + " " + panelId -> { id, container, state }
        current: null,         // the panel entry shown in the overlay
        currentButton: null,   // the nav button of that panel, to give focus back to
        pending: null,         // a panel id to show once the nav has loaded
        jump: null             // { panel, item }: the entry to scroll to once that panel is shown
    };

    var ui = {};               // host, root, app, handle, bar, overlay, title, subtitle, body, close

    // ---- small helpers ------------------------------------------------------------------------------

    function make(tag, className, text) {
        var element = document.createElement(tag);
        if (className) {
            element.className = className;
        }
        if (text !== undefined && text !== null) {
            element.textContent = String(text);
        }
        return element;
    }

    /** Puts the HTML of one of the toolbar's own endpoints into {@code element}, through its policy if any. */
    function setHtml(element, html) {
        element.innerHTML = htmlPolicy ? htmlPolicy.createHTML(html) : html;
    }

    function clear(element) {
        while (element.firstChild) {
            element.removeChild(element.firstChild);
        }
    }

    function show(element, visible) {
        if (visible) {
            element.removeAttribute("hidden");
        } else {
            element.setAttribute("hidden", "");
        }
    }

    function isShown(element) {
        return !!element && !element.hasAttribute("hidden");
    }

    function hasClass(element, name) {
        return (" " + (element.className || "") + " ").indexOf(" " + name + " ") >= 0;
    }

    function setClass(element, name, on) {
        if (!element || !element.classList) {
            return;
        }
        if (on) {
            element.classList.add(name);
        } else {
            element.classList.remove(name);
        }
    }

    function readOpen() {
        try {
            var value = window.localStorage.getItem(STORAGE_KEY);
            return value === "true" || value === "1";
        } catch (e) {
            return false;
        }
    }

    function writeOpen(open) {
        try {
            window.localStorage.setItem(STORAGE_KEY, open ? "true" : "false");
        } catch (e) {
            // storage disabled or full: the state is simply not remembered
        }
    }

    /** The ids of the panels switched off, from the cookie. */
    function readOff() {
        var cookies = String(document.cookie || "").split(";");
        for (var i = 0; i < cookies.length; i++) {
            var cookie = cookies[i].replace(/^\s+/, "");
            if (cookie.indexOf(OFF_COOKIE + "=") === 0) {
                var ids = cookie.substring(OFF_COOKIE.length + 1).split("|");
                var valid = [];
                for (var j = 0; j < ids.length; j++) {
                    if (/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(ids[j])) {
                        valid.push(ids[j]);
                    }
                }
                return valid;
            }
        }
        return [];
    }

    function writeOff(ids) {
        var secure = window.location && window.location.protocol === "https:" ? "; Secure" : "";
        var lifetime = ids.length ? "; Max-Age=31536000" : "; Max-Age=0";
        document.cookie = OFF_COOKIE + "=" + ids.join("|") + "; Path=/; SameSite=Lax" + lifetime + secure;
    }

    /** Switches collection of panel {@code panelId} on or off for the requests that follow. */
    function setCollecting(panelId, on) {
        var ids = readOff();
        var kept = [];
        for (var i = 0; i < ids.length; i++) {
            if (ids[i] !== panelId) {
                kept.push(ids[i]);
            }
        }
        if (!on) {
            kept.push(panelId);
        }
        writeOff(kept);
        syncToggles();
    }

    /** Shows in the nav which panels collect on the next request, as the cookie says. */
    function syncToggles() {
        if (!ui.bar) {
            return;
        }
        var off = readOff();
        var toggles = ui.bar.querySelectorAll("[data-tb-toggle]");
        for (var i = 0; i < toggles.length; i++) {
            var toggle = toggles[i];
            var panelId = toggle.getAttribute("data-tb-toggle");
            var on = off.indexOf(panelId) < 0;
            var button = navButton(panelId);
            var title = button ? textOf(button, "tb-nav-title-text") : panelId;
            toggle.setAttribute("aria-pressed", on ? "true" : "false");
            toggle.setAttribute("title", on
                    ? title + " is collected: switch it off from the next request"
                    : title + " is off: collect it again from the next request");
            if (toggle.parentNode && toggle.parentNode.setAttribute) {
                toggle.parentNode.setAttribute("data-tb-collect", on ? "true" : "false");
            }
        }
    }

    function formatMillis(ms) {
        if (typeof ms !== "number" || isNaN(ms) || ms < 0) {
            return "–";
        }
        if (ms === 0) {
            return "0 ms";
        }
        if (ms < 1) {
            return ms.toFixed(2) + " ms";
        }
        if (ms < 100) {
            return ms.toFixed(1) + " ms";
        }
        return Math.round(ms) + " ms";
    }

    /** The element itself or its nearest ancestor below {@code top} that has {@code attribute}. */
    function upTo(node, top, attribute) {
        while (node && node !== top && node.nodeType !== 9 && node.nodeType !== 11) {
            if (node.nodeType === 1 && node.hasAttribute(attribute)) {
                return node;
            }
            node = node.parentNode;
        }
        return null;
    }

    /** The first element under {@code parent} whose {@code attribute} equals {@code value}. */
    function byAttribute(parent, attribute, value) {
        var all = parent.querySelectorAll("[" + attribute + "]");
        for (var i = 0; i < all.length; i++) {
            if (all[i].getAttribute(attribute) === value) {
                return all[i];
            }
        }
        return null;
    }

    function focus(element) {
        if (element && typeof element.focus === "function") {
            try {
                element.focus();
            } catch (e) {
                // not focusable right now
            }
        }
    }

    /** Whether keyboard focus is somewhere inside the toolbar. */
    function focusInside() {
        var active = document.activeElement;
        if (!active || !ui.host) {
            return false;
        }
        if (active === ui.host) {
            return true; // inside the shadow root
        }
        return ui.host.contains(active);
    }

    // ---- HTTP ----------------------------------------------------------------------------------------

    function endpoint(path) {
        return config.base + path;
    }

    /** GETs {@code url}; calls back once with (null, text) or ({status, statusText, text}, null). */
    function get(url, callback) {
        send("GET", url, callback);
    }

    /**
     * Sends a {@code method} request for HTML without a body; calls back like {@link get}. A record whose request
     * is still running (202: its id went out before it ended; the server waits a while each time) is asked for
     * again, up to RUNNING_RETRIES times.
     */
    function send(method, url, callback, attempt) {
        var done = false;
        var tries = attempt || 0;
        function finish(error, text) {
            if (done) {
                return;
            }
            done = true;
            try {
                callback(error, text);
            } catch (e) {
                report(e);
            }
        }
        try {
            var xhr = new XMLHttpRequest();
            xhr.open(method, url, true);
            xhr.setRequestHeader("Accept", "text/html");
            xhr.onreadystatechange = function () {
                if (xhr.readyState !== 4) {
                    return;
                }
                if (xhr.status === 202 && tries < RUNNING_RETRIES) {
                    done = true;
                    window.setTimeout(function () {
                        send(method, url, callback, tries + 1);
                    }, 250);
                } else if (xhr.status === 202) {
                    finish({ status: 202, statusText: "still running", text: xhr.responseText || "" }, null);
                } else if (xhr.status >= 200 && xhr.status < 300) {
                    finish(null, xhr.responseText);
                } else {
                    finish({ status: xhr.status, statusText: xhr.statusText || "", text: xhr.responseText || "" }, null);
                }
            };
            xhr.send(null);
        } catch (e) {
            finish({ status: 0, statusText: "", text: String((e && e.message) || e) }, null);
        }
    }

    function report(error) {
        if (window.console && window.console.error) {
            window.console.error("debug toolbar:", error);
        }
    }

    /** A readable text for a failed request: status, status text, the start of the body without tags. */
    function describe(error) {
        var parts = [];
        if (error.status) {
            parts.push("HTTP " + error.status + (error.statusText ? " " + error.statusText : ""));
        } else {
            parts.push("The server could not be reached");
        }
        var body = String(error.text || "")
                .replace(/<(script|style)[^>]*>[\s\S]*?<\/(script|style)>/gi, " ")
                .replace(/<[^>]*>/g, " ")
                .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"")
                .replace(/&#39;/g, "'").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&")
                .replace(/\s+/g, " ")
                .replace(/^\s+|\s+$/g, "");
        if (error.statusText && body.indexOf(error.statusText) === 0) {
            body = body.substring(error.statusText.length).replace(/^[\s:.-]+/, "");
        }
        if (body) {
            parts.push(body.length > 400 ? body.substring(0, 400) + "…" : body);
        }
        return parts.join(": ");
    }

    function errorBox(heading, error, retryAction) {
        var box = make("div", "tb-load-error");
        box.setAttribute("role", "alert");
        box.appendChild(make("p", "tb-load-error-title", heading));
        box.appendChild(make("p", "tb-load-error-detail", describe(error)));
        if (retryAction) {
            var retry = make("button", "tb-button", "Try again");
            retry.setAttribute("type", "button");
            retry.setAttribute("data-tb-action", retryAction);
            box.appendChild(retry);
        }
        return box;
    }

    function loadingText(text) {
        var p = make("p", "tb-loading", text);
        p.setAttribute("role", "status");
        return p;
    }

    // ---- building ------------------------------------------------------------------------------------

    function build() {
        if (ui.host) {
            return;
        }
        var host = make("div", "tb-host");
        var root = host;
        var shadow = false;
        if (typeof host.attachShadow === "function") {
            try {
                root = host.attachShadow({ mode: "open" });
                shadow = true;
            } catch (e) {
                root = host;
            }
        }
        host.setAttribute("data-tb-shadow", shadow ? "true" : "false");
        try {
            // CSSOM, which a Content-Security-Policy allows: keeps page rules such as "div { ... }" off the host
            host.style.setProperty("all", "initial", "important");
        } catch (e) {
            // an old engine: the stylesheet's own reset has to do
        }

        var link = document.createElement("link");
        link.setAttribute("rel", "stylesheet");
        if (config.styleNonce) {
            link.setAttribute("nonce", config.styleNonce);
            try {
                link.nonce = config.styleNonce;
            } catch (e) {
                // the attribute is enough
            }
        }
        link.setAttribute("href", config.css);
        root.appendChild(link);

        var app = make("div", "tb-app");
        app.setAttribute("data-tb-open", "false");

        var handle = make("button", "tb-handle");
        handle.setAttribute("type", "button");
        handle.setAttribute("data-tb-action", "toggle");
        handle.setAttribute("aria-expanded", "false");
        handle.setAttribute("aria-label", "Show the debug toolbar");
        handle.setAttribute("title", "Debug toolbar");
        var mark = make("span", "tb-handle-mark", "DT");
        mark.setAttribute("aria-hidden", "true");
        handle.appendChild(mark);

        var bar = make("aside", "tb-bar");
        bar.setAttribute("aria-label", "Debug toolbar");
        show(bar, false);

        var overlay = make("section", "tb-overlay");
        overlay.setAttribute("role", "dialog");
        overlay.setAttribute("aria-modal", "false");
        overlay.setAttribute("aria-label", "Debug toolbar panel");
        show(overlay, false);
        var header = make("header", "tb-overlay-header");
        var heading = make("div", "tb-overlay-heading");
        var title = make("h2", "tb-overlay-title");
        var subtitle = make("p", "tb-overlay-subtitle");
        heading.appendChild(title);
        heading.appendChild(subtitle);
        var close = make("button", "tb-overlay-close");
        close.setAttribute("type", "button");
        close.setAttribute("data-tb-action", "close-panel");
        close.setAttribute("aria-label", "Close the panel");
        close.setAttribute("title", "Close (Esc)");
        var cross = make("span", null, "\u00d7");
        cross.setAttribute("aria-hidden", "true");
        close.appendChild(cross);
        header.appendChild(heading);
        header.appendChild(close);
        var body = make("div", "tb-overlay-body");
        body.setAttribute("tabindex", "-1");
        overlay.appendChild(header);
        overlay.appendChild(body);

        var backdrop = make("div", "tb-backdrop");
        backdrop.setAttribute("data-tb-action", "close-panel");
        backdrop.setAttribute("aria-hidden", "true");
        show(backdrop, false);

        // reading and tab order: handle, nav, then the panel it opens
        app.appendChild(handle);
        app.appendChild(bar);
        app.appendChild(backdrop);
        app.appendChild(overlay);
        root.appendChild(app);

        ui.host = host;
        ui.root = root;
        ui.app = app;
        ui.handle = handle;
        ui.bar = bar;
        ui.backdrop = backdrop;
        ui.overlay = overlay;
        ui.title = title;
        ui.subtitle = subtitle;
        ui.body = body;
        ui.close = close;

        app.addEventListener("click", onClick, false);
        app.addEventListener("input", onInput, false);
        app.addEventListener("change", onChange, false);
        document.addEventListener("keydown", onKeyDown, false);
        host.setAttribute("data-tb-request", state.requestId);

        document.body.appendChild(host);
        host.setAttribute("data-tb-init", "true");
    }

    // ---- the toolbar (nav) ---------------------------------------------------------------------------

    function openToolbar(moveFocus) {
        build();
        state.open = true;
        writeOpen(true);
        show(ui.bar, true);
        ui.app.setAttribute("data-tb-open", "true");
        ui.handle.setAttribute("aria-expanded", "true");
        ui.handle.setAttribute("aria-label", "Hide the debug toolbar");
        if (state.toolbar === "none" || state.toolbar === "error") {
            loadToolbar(moveFocus);
        } else if (moveFocus) {
            focusFirstNavButton();
        }
    }

    function closeToolbar(moveFocus) {
        if (!ui.host) {
            return;
        }
        closePanel(false);
        state.pending = null;
        state.open = false;
        writeOpen(false);
        show(ui.bar, false);
        ui.app.setAttribute("data-tb-open", "false");
        ui.handle.setAttribute("aria-expanded", "false");
        ui.handle.setAttribute("aria-label", "Show the debug toolbar");
        if (moveFocus) {
            focus(ui.handle);
        }
    }

    function loadToolbar(moveFocus) {
        state.toolbar = "loading";
        clear(ui.bar);
        ui.bar.appendChild(loadingText("Loading the toolbar…"));
        var requestId = state.requestId;
        get(endpoint("/requests/" + encodeURIComponent(requestId)), function (error, html) {
            if (requestId !== state.requestId) {
                return; // switched to another request meanwhile
            }
            clear(ui.bar);
            if (error) {
                state.toolbar = "error";
                state.pending = null;
                var hide = make("button", "tb-hide", "Hide »");
                hide.setAttribute("type", "button");
                hide.setAttribute("data-tb-action", "hide");
                ui.bar.appendChild(hide);
                ui.bar.appendChild(errorBox("Could not load the debug toolbar.", error, "retry-toolbar"));
                return;
            }
            setHtml(ui.bar, html);
            state.toolbar = "loaded";
            syncToggles();
            ui.host.setAttribute("data-tb-ready", "true");
            markActive();
            if (state.pending !== null) {
                var panelId = state.pending;
                state.pending = null;
                showPanel(panelId);
            } else if (moveFocus) {
                focusFirstNavButton();
            }
        });
    }

    function navButtons() {
        return ui.bar ? ui.bar.querySelectorAll("[data-tb-panel]") : [];
    }

    function navButton(panelId) {
        return ui.bar ? byAttribute(ui.bar, "data-tb-panel", panelId) : null;
    }

    function focusFirstNavButton() {
        var buttons = navButtons();
        focus(buttons.length ? buttons[0] : ui.bar.querySelector("button"));
    }

    function markActive() {
        var buttons = navButtons();
        for (var i = 0; i < buttons.length; i++) {
            var active = !!state.current && isShown(ui.overlay)
                    && buttons[i].getAttribute("data-tb-panel") === state.current.id;
            setClass(buttons[i], "tb-active", active);
            if (active) {
                buttons[i].setAttribute("aria-current", "true");
            } else {
                buttons[i].removeAttribute("aria-current");
            }
        }
    }

    // ---- panels in the overlay -----------------------------------------------------------------------

    function textOf(button, className) {
        var all = button.getElementsByTagName("*");
        for (var i = 0; i < all.length; i++) {
            if (hasClass(all[i], className)) {
                return all[i].textContent.replace(/\s+/g, " ").replace(/^\s+|\s+$/g, "");
            }
        }
        return "";
    }

    function showPanel(panelId) {
        build();
        if (state.toolbar !== "loaded") {
            state.pending = panelId;
            if (!state.open || state.toolbar !== "loading") {
                openToolbar(false);
            }
            return;
        }
        if (!state.open) {
            openToolbar(false);
        }
        openPanel(panelId, navButton(panelId), false);
    }

    /** Opens panel {@code panelId} in the overlay; a second click on the open panel's button closes it. */
    function openPanel(panelId, button, toggle) {
        var key = "p:" + state.requestId + " " + panelId;
        if (toggle && state.current && state.current.key === key && isShown(ui.overlay)) {
            closePanel(true);
            return;
        }
        var entry = state.panels[key];
        if (!entry) {
            var container = make("div", "tb-panel-content");
            container.setAttribute("data-tb-panel-content", panelId);
            ui.body.appendChild(container);
            entry = { key: key, id: panelId, requestId: state.requestId, container: container, state: "none" };
            state.panels[key] = entry;
        }
        var others = ui.body.children;
        for (var i = 0; i < others.length; i++) {
            show(others[i], others[i] === entry.container);
        }
        state.current = entry;
        state.currentButton = button;

        var title = button ? (textOf(button, "tb-nav-title-text") || textOf(button, "tb-nav-title")) : panelId;
        var failed = !!button && button.getAttribute("data-tb-failed") === "true";
        var subtitle = failed ? "failed for this request" : (button ? textOf(button, "tb-nav-subtitle") : "");
        ui.title.textContent = title || panelId;
        ui.subtitle.textContent = subtitle;
        show(ui.subtitle, !!subtitle);
        ui.overlay.setAttribute("aria-label", (title || panelId) + " panel");
        setClass(ui.overlay, "tb-overlay-failed", failed);
        show(ui.overlay, true);
        show(ui.backdrop, true);
        ui.app.setAttribute("data-tb-panel-open", panelId);
        markActive();

        ui.body.scrollTop = 0;
        if (entry.state === "none" || entry.state === "error") {
            loadPanel(entry, title || panelId);
        } else {
            jumpTo(entry);
        }
        focus(ui.body);
    }

    function closePanel(moveFocus) {
        if (!ui.overlay || !isShown(ui.overlay)) {
            return;
        }
        show(ui.overlay, false);
        show(ui.backdrop, false);
        ui.app.removeAttribute("data-tb-panel-open");
        var button = state.currentButton;
        state.current = null;
        state.currentButton = null;
        markActive();
        if (moveFocus) {
            focus(button && ui.bar.contains(button) ? button : ui.handle);
        }
    }

    function loadPanel(entry, title) {
        entry.state = "loading";
        var container = entry.container;
        container.removeAttribute("data-tb-loaded");
        container.removeAttribute("data-tb-error");
        clear(container);
        container.appendChild(loadingText("Loading " + title + "…"));
        var url = endpoint("/requests/" + encodeURIComponent(entry.requestId)
                + "/panels/" + encodeURIComponent(entry.id));
        get(url, function (error, html) {
            clear(container);
            if (error) {
                entry.state = "error";
                container.setAttribute("data-tb-error", "true");
                container.appendChild(errorBox("Could not load the " + title + " panel.", error, "retry-panel"));
                return;
            }
            setHtml(container, html);
            entry.state = "loaded";
            enhance(container, entry);
            container.setAttribute("data-tb-loaded", "true");
            jumpTo(entry);
        });
    }

    /** What the script adds to a loaded panel: browser timing, SQL highlighting. Never throws. */
    function enhance(container, entry) {
        try {
            var timings = container.querySelectorAll("[data-tb-navtiming]");
            for (var i = 0; i < timings.length; i++) {
                fillNavTiming(timings[i], entry.requestId === config.id);
            }
        } catch (e) {
            report(e);
        }
        try {
            var blocks = container.querySelectorAll("pre.tb-sql");
            for (var j = 0; j < blocks.length; j++) {
                highlightSql(blocks[j]);
            }
        } catch (e2) {
            report(e2);
        }
        try {
            placeBars(container);
            var history = container.querySelector("[data-tb-history]");
            if (history) {
                loadHistory(history);
            }
        } catch (e3) {
            report(e3);
        }
    }

    // ---- browser timing ------------------------------------------------------------------------------

    /** The page's navigation timing as milliseconds from the start of navigation, or null. */
    function navigationTiming() {
        var perf = window.performance;
        if (!perf) {
            return null;
        }
        var entry = null;
        try {
            if (typeof perf.getEntriesByType === "function") {
                var entries = perf.getEntriesByType("navigation");
                if (entries && entries.length) {
                    entry = entries[0];
                }
            }
        } catch (e) {
            entry = null;
        }
        if (entry) {
            return {
                start: 0,
                domainLookupStart: entry.domainLookupStart, domainLookupEnd: entry.domainLookupEnd,
                connectStart: entry.connectStart, connectEnd: entry.connectEnd,
                requestStart: entry.requestStart, responseStart: entry.responseStart,
                responseEnd: entry.responseEnd, domInteractive: entry.domInteractive,
                domContentLoadedEventEnd: entry.domContentLoadedEventEnd, loadEventEnd: entry.loadEventEnd
            };
        }
        var t = perf.timing;
        if (!t || !t.navigationStart) {
            return null;
        }
        var origin = t.navigationStart;
        function rel(value) {
            return value ? value - origin : 0;
        }
        return {
            start: 0,
            domainLookupStart: rel(t.domainLookupStart), domainLookupEnd: rel(t.domainLookupEnd),
            connectStart: rel(t.connectStart), connectEnd: rel(t.connectEnd),
            requestStart: rel(t.requestStart), responseStart: rel(t.responseStart),
            responseEnd: rel(t.responseEnd), domInteractive: rel(t.domInteractive),
            domContentLoadedEventEnd: rel(t.domContentLoadedEventEnd), loadEventEnd: rel(t.loadEventEnd)
        };
    }

    function fillNavTiming(target, ownRequest) {
        clear(target);
        if (!ownRequest) {
            target.appendChild(make("p", "tb-muted",
                    "Browser timing is known only for the page that loaded the toolbar."));
            return;
        }
        var t = navigationTiming();
        if (!t) {
            target.appendChild(make("p", "tb-muted", "Navigation Timing is not available in this browser."));
            return;
        }
        var pendingLoad = !(t.loadEventEnd > 0);
        // spans have a start and an end; milestones are moments since the navigation started
        var rows = [
            ["DNS lookup", t.domainLookupStart, t.domainLookupEnd, false],
            ["Connect", t.connectStart, t.connectEnd, false],
            ["Request → first byte (TTFB)", t.requestStart, t.responseStart, false],
            ["Response", t.responseStart, t.responseEnd, false],
            ["DOM interactive", 0, t.domInteractive, true],
            ["DOMContentLoaded", 0, t.domContentLoadedEventEnd, true],
            ["Load", 0, t.loadEventEnd, true]
        ];
        var end = 0;
        for (var i = 0; i < rows.length; i++) {
            if (rows[i][2] > end) {
                end = rows[i][2];
            }
        }

        var table = make("table", "tb-table tb-table-timing");
        var head = make("thead");
        var headRow = make("tr");
        var headings = [["Phase", "tb-col-phase"], ["At", "tb-num"], ["Duration", "tb-num"], ["", "tb-col-bar"]];
        for (var h = 0; h < headings.length; h++) {
            var th = make("th", headings[h][1], headings[h][0]);
            th.setAttribute("scope", "col");
            headRow.appendChild(th);
        }
        head.appendChild(headRow);
        table.appendChild(head);
        var tbody = make("tbody");
        for (var r = 0; r < rows.length; r++) {
            var name = rows[r][0];
            var from = rows[r][1];
            var to = rows[r][2];
            var milestone = rows[r][3];
            var known = typeof to === "number" && to > 0 && typeof from === "number" && to >= from;
            var tr = make("tr", milestone ? "tb-row-milestone" : null);
            var label = make("th", "tb-col-phase", name);
            label.setAttribute("scope", "row");
            tr.appendChild(label);
            var at = known ? formatMillis(milestone ? to : from) : (milestone && pendingLoad && name === "Load" ? "pending" : "–");
            tr.appendChild(make("td", "tb-num", at));
            tr.appendChild(make("td", "tb-num", known && !milestone ? formatMillis(to - from) : ""));
            var cell = make("td", "tb-col-bar");
            if (known && end > 0) {
                var track = make("span", "tb-bar-track");
                var fill = make("span", milestone ? "tb-bar-fill tb-bar-milestone" : "tb-bar-fill");
                // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy
                fill.style.left = (from / end * 100).toFixed(2) + "%";
                fill.style.width = Math.max((to - from) / end * 100, 0.6).toFixed(2) + "%";
                track.appendChild(fill);
                cell.appendChild(track);
            }
            tr.appendChild(cell);
            tbody.appendChild(tr);
        }
        table.appendChild(tbody);
        target.appendChild(table);
        target.appendChild(make("p", "tb-muted tb-note",
                "From the browser's Navigation Timing, in milliseconds since the navigation started."));

        if (pendingLoad && document.readyState !== "complete") {
            window.addEventListener("load", function () {
                window.setTimeout(function () {
                    if (target.parentNode) {
                        fillNavTiming(target, true);
                    }
                }, 0);
            }, false);
        }
    }

    // ---- SQL highlighting ----------------------------------------------------------------------------

    var SQL_KEYWORDS = ("select from where and or not in is null as on join left right inner outer full cross "
            + "group by order having limit offset insert into values update set delete create table drop alter "
            + "index distinct union all case when then else end exists between like ilike asc desc with returning "
            + "fetch first next rows only top primary key foreign references default begin commit rollback "
            + "merge using matched view true false count sum avg min max coalesce cast over partition "
            + "for share nowait skip locked except intersect any some escape lateral recursive").split(" ");
    var SQL_KEYWORD_SET = {};
    (function () {
        for (var i = 0; i < SQL_KEYWORDS.length; i++) {
            SQL_KEYWORD_SET["k:" + SQL_KEYWORDS[i]] = true;
        }
    }());
    var SQL_TOKEN = /('(?:[^']|'')*'?|"(?:[^"]|"")*"?|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|[0-9]+(?:\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_$]*|\?|\s+|[\s\S])/g;

    /** Wraps keywords, strings, numbers, comments and placeholders in spans; the text stays the same. */
    function highlightSql(pre) {
        var text = pre.textContent;
        if (!text || text.length > 20000 || pre.getAttribute("data-tb-highlighted")) {
            return;
        }
        var fragment = document.createDocumentFragment();
        var plain = "";
        var match;
        SQL_TOKEN.lastIndex = 0;
        function flush() {
            if (plain) {
                fragment.appendChild(document.createTextNode(plain));
                plain = "";
            }
        }
        function span(className, token) {
            flush();
            fragment.appendChild(make("span", className, token));
        }
        while ((match = SQL_TOKEN.exec(text)) !== null) {
            var token = match[0];
            var first = token.charAt(0);
            if (first === "'") {
                span("tb-sql-str", token);
            } else if (first === "\"") {
                span("tb-sql-ident", token);
            } else if (token.indexOf("--") === 0 || token.indexOf("/*") === 0) {
                span("tb-sql-comment", token);
            } else if (first >= "0" && first <= "9") {
                span("tb-sql-num", token);
            } else if (token === "?") {
                span("tb-sql-param", token);
            } else if (SQL_KEYWORD_SET["k:" + token.toLowerCase()] === true) {
                span("tb-sql-kw", token);
            } else {
                plain += token;
            }
        }
        flush();
        clear(pre);
        pre.appendChild(fragment);
        pre.setAttribute("data-tb-highlighted", "true");
    }

    // ---- SQL panel: EXPLAIN / Select, copy, sort, more rows ------------------------------------------

    function sqlPanelOf(node) {
        return upTo(node, ui.app, "data-tb-sql-panel");
    }

    function sqlBase(panel) {
        return endpoint("/requests/" + encodeURIComponent(panel.getAttribute("data-tb-request")) + "/sql/");
    }

    /** Runs EXPLAIN, EXPLAIN ANALYZE or Select for the statement of the button's row; shows it below the SQL. */
    function sqlRun(button) {
        var panel = sqlPanelOf(button);
        var row = upTo(button, ui.app, "data-tb-sql-index");
        var target = row && row.querySelector(".tb-sql-result");
        if (!panel || !target) {
            return;
        }
        var kind = button.getAttribute("data-tb-run");
        var url = sqlBase(panel) + encodeURIComponent(row.getAttribute("data-tb-sql-index"))
                + (kind === "select" ? "/select" : "/explain" + (kind === "analyze" ? "?analyze=true" : ""));
        clear(target);
        target.removeAttribute("data-tb-result");
        target.appendChild(loadingText(kind === "select" ? "Running it again…" : "Asking for the plan…"));
        show(target, true);
        send("POST", url, function (error, html) {
            clear(target);
            if (error) {
                target.setAttribute("data-tb-result", "error");
                target.appendChild(errorBox("The database was not asked, or refused.", error, null));
                return;
            }
            setHtml(target, html);
            target.setAttribute("data-tb-result", "done");
        });
    }

    /** Copies the button's runnable SQL: the Clipboard API where allowed, else a selected textarea. */
    function sqlCopy(button) {
        var text = button.getAttribute("data-tb-runnable") || "";
        function copied(ok) {
            button.setAttribute("data-tb-copied", ok ? "true" : "false");
            button.textContent = ok ? "Copied" : "Copy failed: select the SQL by hand";
            window.setTimeout(function () {
                button.textContent = "Copy as runnable SQL";
            }, 2000);
        }
        var clipboard = window.navigator && window.navigator.clipboard;
        if (clipboard && typeof clipboard.writeText === "function" && window.isSecureContext) {
            clipboard.writeText(text).then(function () {
                copied(true);
            }, function () {
                copied(copyWithTextarea(text));
            });
        } else {
            copied(copyWithTextarea(text));
        }
    }

    function copyWithTextarea(text) {
        var area = make("textarea", "tb-copy-area");
        area.value = text;
        area.setAttribute("readonly", "");
        ui.app.appendChild(area);
        var ok = false;
        try {
            area.select();
            ok = document.execCommand("copy") === true;
        } catch (e) {
            ok = false;
        }
        ui.app.removeChild(area);
        return ok;
    }

    function statementRows(tbody) {
        var rows = [];
        for (var child = tbody.firstChild; child; child = child.nextSibling) {
            if (child.nodeType === 1 && child.hasAttribute("data-tb-sql-index")) {
                rows.push(child);
            }
        }
        return rows;
    }

    /** Moves the rows of fetched HTML ({@code <tbody>...</tbody>}) to the end of {@code tbody}. */
    function appendRows(tbody, html) {
        var holder = document.createElement("table");
        setHtml(holder, html);
        var source = holder.querySelector("tbody") || holder;
        var added = [];
        while (source.firstChild) {
            var node = source.firstChild;
            source.removeChild(node);
            if (node.nodeType === 1) {
                tbody.appendChild(node);
                added.push(node);
            }
        }
        for (var i = 0; i < added.length; i++) {
            var pre = added[i].querySelector("pre.tb-sql");
            if (pre) {
                highlightSql(pre);
            }
        }
    }

    /** Orders the statements by execution or slowest first: in place when all are loaded, else from the server. */
    function sqlSort(button) {
        var panel = sqlPanelOf(button);
        var tbody = panel && panel.querySelector("tbody.tb-sql-rows");
        if (!tbody) {
            return;
        }
        var byTime = button.getAttribute("data-tb-sort") === "time";
        var buttons = panel.querySelectorAll("button[data-tb-sort]");
        for (var b = 0; b < buttons.length; b++) {
            buttons[b].setAttribute("aria-pressed", buttons[b] === button ? "true" : "false");
        }
        panel.setAttribute("data-tb-sorted", byTime ? "time" : "order");
        var total = parseInt(panel.getAttribute("data-tb-sql-total"), 10) || 0;
        var rows = statementRows(tbody);
        if (rows.length < total) {
            sqlPage(panel, tbody, 0, byTime, true);
            return;
        }
        var ends = tbody.querySelectorAll("tr.tb-sql-txend");
        rows.sort(function (a, b) {
            if (byTime) {
                var d = parseFloat(b.getAttribute("data-tb-duration")) - parseFloat(a.getAttribute("data-tb-duration"));
                if (d !== 0) {
                    return d;
                }
            }
            return parseInt(a.getAttribute("data-tb-sql-index"), 10) - parseInt(b.getAttribute("data-tb-sql-index"), 10);
        });
        for (var i = 0; i < rows.length; i++) {
            tbody.appendChild(rows[i]);
            for (var e = 0; e < ends.length; e++) {
                if (ends[e].getAttribute("data-tb-after") === rows[i].getAttribute("data-tb-sql-index")) {
                    tbody.appendChild(ends[e]);
                    show(ends[e], !byTime); // a commit belongs after its statement, which only the order shows
                }
            }
        }
    }

    /** Loads the page of rows from {@code from}, replacing the rows or adding to them; then calls {@code done}, if given. */
    function sqlPage(panel, tbody, from, byTime, replace, done) {
        var more = panel.querySelector("button[data-tb-action=sql-more]");
        var total = parseInt(panel.getAttribute("data-tb-sql-total"), 10) || 0;
        var size = parseInt(panel.getAttribute("data-tb-sql-page"), 10) || 100;
        if (more) {
            more.setAttribute("disabled", "");
        }
        panel.setAttribute("data-tb-sql-loading", "true");
        get(sqlBase(panel) + "rows?from=" + from + "&sort=" + (byTime ? "time" : "order"), function (error, html) {
            panel.removeAttribute("data-tb-sql-loading");
            if (more) {
                more.removeAttribute("disabled");
            }
            if (error) {
                panel.insertBefore(errorBox("Could not load more statements.", error, null), panel.firstChild);
                return;
            }
            if (replace) {
                clear(tbody);
            }
            appendRows(tbody, html);
            var next = from + size;
            if (more) {
                more.setAttribute("data-tb-from", String(next));
                more.textContent = "Show more (" + Math.max(total - next, 0) + " left)";
                show(more.parentNode, next < total);
            }
            if (done) {
                done();
            }
        });
    }

    function sqlMore(button, done) {
        var panel = sqlPanelOf(button);
        var tbody = panel && panel.querySelector("tbody.tb-sql-rows");
        if (tbody) {
            sqlPage(panel, tbody, parseInt(button.getAttribute("data-tb-from"), 10) || 0,
                    panel.getAttribute("data-tb-sorted") === "time", false, done);
        }
    }

    function sqlAction(name, button) {
        if (name === "sql-run") {
            sqlRun(button);
        } else if (name === "sql-copy") {
            sqlCopy(button);
        } else if (name === "sql-sort") {
            sqlSort(button);
        } else if (name === "sql-more") {
            sqlMore(button);
        }
    }

    // ---- bars, filters, jumps ------------------------------------------------------------------------

    function percent(text) {
        var value = parseFloat(text);
        if (isNaN(value)) {
            return null;
        }
        return Math.max(0, Math.min(100, value));
    }

    /** Turns [data-tb-offset] / [data-tb-width] into CSS custom properties (CSSOM: allowed under a strict CSP). */
    function placeBars(root) {
        var bars = root.querySelectorAll("[data-tb-offset], [data-tb-width]");
        for (var i = 0; i < bars.length; i++) {
            var offset = percent(bars[i].getAttribute("data-tb-offset"));
            var width = percent(bars[i].getAttribute("data-tb-width"));
            try {
                if (offset !== null) {
                    bars[i].style.setProperty("--tb-offset", offset.toFixed(3) + "%");
                }
                if (width !== null) {
                    bars[i].style.setProperty("--tb-width", width.toFixed(3) + "%");
                }
            } catch (e) {
                return; // an engine without custom properties: the bars keep their default look
            }
        }
    }

    /** Hides the table rows of the filter's panel that do not contain its text, and says how many show. */
    function applyFilter(input) {
        var scope = input;
        while (scope && scope !== ui.app && !hasClass(scope, "tb-panel")) {
            scope = scope.parentNode;
        }
        if (!scope || scope === ui.app) {
            return;
        }
        var query = String(input.value || "").toLowerCase().replace(/^\s+|\s+$/g, "");
        var rows = scope.querySelectorAll("tbody tr");
        var shown = 0;
        for (var i = 0; i < rows.length; i++) {
            var match = !query || rows[i].textContent.toLowerCase().indexOf(query) >= 0;
            show(rows[i], match);
            if (match) {
                shown++;
            }
        }
        var counts = scope.querySelectorAll("[data-tb-filter-count]");
        for (var j = 0; j < counts.length; j++) {
            counts[j].textContent = query ? shown + " of " + rows.length + " shown" : "";
        }
    }

    /** Scrolls a shown panel to the entry a click elsewhere (a Timeline bar) asked for, and marks it. */
    function jumpTo(entry) {
        var jump = state.jump;
        if (!jump || jump.panel !== entry.id || entry.state !== "loaded") {
            return;
        }
        state.jump = null;
        var target = byAttribute(entry.container, "data-tb-item", jump.item);
        if (!target) {
            // Not on the pages loaded so far (a long SQL list): load the next page and look again.
            var more = entry.container.querySelector("button[data-tb-action=sql-more]");
            if (more && isShown(more.parentNode) && !more.hasAttribute("disabled")) {
                state.jump = jump;
                sqlMore(more, function () {
                    jumpTo(entry);
                });
            }
            return;
        }
        setClass(target, "tb-flash", true);
        if (typeof target.scrollIntoView === "function") {
            try {
                target.scrollIntoView({ block: "center" });
            } catch (e) {
                target.scrollIntoView();
            }
        }
        window.setTimeout(function () {
            setClass(target, "tb-flash", false);
        }, 2000);
    }

    // ---- history: recent requests, switching, following fetch/XHR -------------------------------------

    function readFollow() {
        try {
            return window.localStorage.getItem(FOLLOW_KEY) === "true";
        } catch (e) {
            return false;
        }
    }

    function writeFollow(on) {
        try {
            window.localStorage.setItem(FOLLOW_KEY, on ? "true" : "false");
        } catch (e) {
            // not remembered
        }
    }

    function twoDigits(number) {
        return (number < 10 ? "0" : "") + number;
    }

    /** "14:03:27" in local time from an ISO instant such as 2026-01-01T12:00:00.123456Z. */
    function clockTime(iso) {
        var parts = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/.exec(String(iso || ""));
        if (!parts) {
            return "";
        }
        var date = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3], +parts[4], +parts[5], +parts[6]));
        return twoDigits(date.getHours()) + ":" + twoDigits(date.getMinutes()) + ":" + twoDigits(date.getSeconds());
    }

    function cell(row, className, text) {
        var td = make("td", className, text);
        row.appendChild(td);
        return td;
    }

    function historyRow(item, shownId) {
        var current = item.id === shownId;
        var row = make("tr", current ? "tb-history-current" : null);
        row.setAttribute("data-tb-history-id", String(item.id));
        if (item.staticFile && !current) {
            row.setAttribute("data-tb-static", "true");
        }
        cell(row, "tb-muted", clockTime(item.startedAt)).setAttribute("title", String(item.startedAt || ""));
        cell(row, null, null).appendChild(make("span", "tb-method", item.method));
        var path = cell(row, "tb-col-path", null);
        path.appendChild(make("code", "tb-code", item.path + (item.query ? "?" + item.query : "")));
        if (item.ajax) {
            var badge = make("span", "tb-badge tb-badge-ajax", "fetch/XHR");
            badge.setAttribute("title", "Made by a script of the page");
            path.appendChild(badge);
        }
        if (item.id === config.id) {
            path.appendChild(make("span", "tb-badge tb-badge-page", "this page"));
        }
        var status = Number(item.status) || 0;
        var statusClass = status >= 500 ? "5xx" : (status >= 400 ? "4xx" : (status >= 300 ? "3xx" : "2xx"));
        cell(row, "tb-num", null).appendChild(make("span", "tb-status tb-status-" + statusClass, String(status)));
        cell(row, "tb-num", formatMillis(item.durationMillis));
        cell(row, "tb-num", item.sqlCount === null || item.sqlCount === undefined ? "–" : String(item.sqlCount));
        var choose = cell(row, "tb-num", null);
        if (current) {
            choose.appendChild(make("span", "tb-muted", "shown"));
        } else {
            var button = make("button", "tb-button tb-button-small", "Switch");
            button.setAttribute("type", "button");
            button.setAttribute("data-tb-action", "switch");
            button.setAttribute("data-tb-request-id", String(item.id));
            button.setAttribute("aria-label", "Switch the toolbar to " + item.method + " " + item.path);
            choose.appendChild(button);
        }
        return row;
    }

    /** Fills the History panel from the JSON API: one row per recent request, newest first. */
    function loadHistory(view) {
        var status = view.querySelector("[data-tb-history-status]");
        var table = view.querySelector("table");
        var rows = view.querySelector("[data-tb-history-rows]");
        var follow = view.querySelector("[data-tb-follow]");
        var home = byAttribute(view, "data-tb-action", "history-home");
        var shownId = view.getAttribute("data-tb-history-current");
        if (follow) {
            follow.checked = readFollow();
        }
        if (home) {
            show(home, shownId !== config.id);
        }
        view.removeAttribute("data-tb-history-loaded");
        status.textContent = "Loading the recent requests…";
        show(status, true);
        get(endpoint("/api/requests?limit=50"), function (error, text) {
            clear(rows);
            if (error) {
                status.textContent = describe(error);
                show(table, false);
                return;
            }
            var list = JSON.parse(text);
            for (var i = 0; i < list.length; i++) {
                rows.appendChild(historyRow(list[i], shownId));
            }
            show(table, list.length > 0);
            status.textContent = list.length ? "" : "No requests are recorded.";
            show(status, !list.length);
            applyStaticFilter(view);
            view.setAttribute("data-tb-history-loaded", "true");
        });
    }

    /**
     * Hides History's rows of static files (style sheets, scripts, images, fonts: data-tb-static) unless its
     * "show static files" box is checked, and says how many are hidden.
     */
    function applyStaticFilter(view) {
        var box = view.querySelector("[data-tb-history-static]");
        var showStatic = !!(box && box.checked);
        var rows = view.querySelectorAll("tr[data-tb-static]");
        for (var i = 0; i < rows.length; i++) {
            show(rows[i], showStatic);
        }
        var note = view.querySelector("[data-tb-history-hidden]");
        if (note) {
            var hidden = showStatic ? 0 : rows.length;
            note.textContent = hidden ? hidden + (hidden === 1 ? " static file hidden" : " static files hidden") : "";
        }
    }

    /** Shows the toolbar of another recorded request: its nav, and {@code panelId} open if given. */
    function switchTo(requestId, panelId) {
        if (!requestId || !REQUEST_ID.test(requestId) || !ui.host) {
            return;
        }
        closePanel(false);
        state.requestId = requestId;
        state.toolbar = "none";
        state.pending = null;
        ui.host.setAttribute("data-tb-request", requestId);
        ui.host.removeAttribute("data-tb-ready");
        if (panelId) {
            showPanel(panelId);
        } else if (state.open) {
            loadToolbar(false);
        }
    }

    /** A recorded fetch/XHR response of the page: with following on, the toolbar switches to it. */
    function noticeResponse(readId) {
        if (!readFollow()) {
            return;
        }
        var id = null;
        try {
            id = readId();
        } catch (e) {
            id = null;
        }
        if (id && REQUEST_ID.test(id) && id !== state.requestId) {
            switchTo(id, state.current && isShown(ui.overlay) ? state.current.id : null);
        }
    }

    var following = false;

    /** Watches the page's XMLHttpRequest and fetch responses for the toolbar's id header. Installed once. */
    function installFollow() {
        if (following) {
            return;
        }
        following = true;
        var Xhr = window.XMLHttpRequest;
        if (Xhr && Xhr.prototype && typeof Xhr.prototype.send === "function") {
            var send = Xhr.prototype.send;
            Xhr.prototype.send = function () {
                var xhr = this;
                try {
                    xhr.addEventListener("load", function () {
                        noticeResponse(function () {
                            return xhr.getResponseHeader(ID_HEADER);
                        });
                    }, false);
                } catch (e) {
                    report(e);
                }
                return send.apply(this, arguments);
            };
        }
        if (typeof window.fetch === "function") {
            var fetch = window.fetch;
            window.fetch = function () {
                var result = fetch.apply(this, arguments);
                try {
                    result.then(function (response) {
                        noticeResponse(function () {
                            return response.headers.get(ID_HEADER);
                        });
                    }, function () {
                        // the page handles its own failures
                    });
                } catch (e) {
                    report(e);
                }
                return result;
            };
        }
    }

    function onInput(event) {
        var target = event.target;
        if (target && target.hasAttribute && target.hasAttribute("data-tb-filter")) {
            try {
                applyFilter(target);
            } catch (e) {
                report(e);
            }
        }
    }

    function onChange(event) {
        var target = event.target;
        if (target && target.hasAttribute && target.hasAttribute("data-tb-history-static")) {
            var history = upTo(target, ui.app, "data-tb-history");
            if (history) {
                applyStaticFilter(history);
            }
        }
        if (target && target.hasAttribute && target.hasAttribute("data-tb-follow")) {
            writeFollow(!!target.checked);
            if (target.checked) {
                installFollow();
            }
        }
    }

    // ---- events --------------------------------------------------------------------------------------

    function onClick(event) {
        var target = event.target;
        var action = upTo(target, ui.app, "data-tb-action");
        var panel = upTo(target, ui.app, "data-tb-panel");
        try {
            if (action) {
                var name = action.getAttribute("data-tb-action");
                if (name === "toggle") {
                    if (state.open) {
                        closeToolbar(false);
                    } else {
                        openToolbar(true);
                    }
                } else if (name === "hide") {
                    closeToolbar(true);
                } else if (name === "close-panel") {
                    closePanel(true);
                } else if (name === "toggle-panel") {
                    setCollecting(action.getAttribute("data-tb-toggle"),
                            action.getAttribute("aria-pressed") !== "true");
                } else if (name === "retry-toolbar") {
                    loadToolbar(true);
                } else if (name.indexOf("sql-") === 0) {
                    sqlAction(name, action);
                } else if (name === "retry-panel") {
                    if (state.current) {
                        loadPanel(state.current, ui.title.textContent || state.current.id);
                    }
                } else if (name === "switch") {
                    switchTo(action.getAttribute("data-tb-request-id"), "history");
                } else if (name === "history-home") {
                    switchTo(config.id, "history");
                } else if (name === "history-refresh") {
                    var view = upTo(action, ui.app, "data-tb-history");
                    if (view) {
                        loadHistory(view);
                    }
                }
            } else if (panel) {
                var panelId = panel.getAttribute("data-tb-panel");
                if (panel.hasAttribute("data-tb-item")) {
                    state.jump = { panel: panelId, item: panel.getAttribute("data-tb-item") };
                }
                var button = ui.bar.contains(panel) ? panel : navButton(panelId);
                openPanel(panelId, button, ui.bar.contains(panel));
            }
        } catch (e) {
            report(e);
        }
    }

    function isPageField(event) {
        var target = event.target;
        if (!target || target === ui.host || (ui.host && ui.host.contains(target))) {
            return false;
        }
        var tag = (target.tagName || "").toLowerCase();
        return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable === true;
    }

    /** Escape by its key value: "Escape"; "Esc" in old engines; HtmlUnit 4 reports the ESC character. */
    function isEscape(event) {
        var key = event.key;
        return key === "Escape" || key === "Esc" || key === "\u001b";
    }

    function onKeyDown(event) {
        if (!isEscape(event)) {
            return;
        }
        try {
            if (isShown(ui.overlay)) {
                closePanel(true);
            } else if (state.open && !event.defaultPrevented && !isPageField(event)) {
                closeToolbar(focusInside());
            }
        } catch (e) {
            report(e);
        }
    }

    // ---- start ---------------------------------------------------------------------------------------

    function start() {
        try {
            if (readFollow()) {
                installFollow();
            }
            build();
            if (readOpen()) {
                openToolbar(false);
            }
        } catch (e) {
            report(e);
        }
    }

    window.debugToolbar = {
        version: VERSION,
        requestId: config.id,
        /** Shows the toolbar (the nav). */
        open: function () {
            openToolbar(false);
        },
        /** Hides the overlay and the toolbar. */
        close: function () {
            closeToolbar(false);
        },
        /** Shows the toolbar with panel {@code panelId} open. */
        show: function (panelId) {
            showPanel(String(panelId));
        },
        /** Switches the toolbar to another recorded request, such as a fetch/XHR call's. */
        switchTo: function (requestId) {
            switchTo(String(requestId), null);
        },
        /** The ids of the panels switched off (they collect nothing on the following requests). */
        disabledPanels: function () {
            return readOff();
        },
        /** Switches collection of panel {@code panelId} on or off for the following requests. */
        setPanelEnabled: function (panelId, on) {
            setCollecting(String(panelId), !!on);
        }
    };

    if (document.body) {
        start();
    } else {
        document.addEventListener("DOMContentLoaded", start, false);
    }
}());
