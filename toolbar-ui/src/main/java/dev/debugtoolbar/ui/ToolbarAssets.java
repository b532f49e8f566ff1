package dev.debugtoolbar.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The toolbar's static files: {@code toolbar.js} and {@code toolbar.css}, read once from the classpath.
 * Each has a version (a hash of its content) to put in its URL, so that it can be cached for long.
 */
public final class ToolbarAssets {

    private static final String LOCATION = "dev/debugtoolbar/ui/static/";
    private static final Map<String, String> TYPES = Map.of(
            "toolbar.js", "text/javascript;charset=UTF-8",
            "toolbar.css", "text/css;charset=UTF-8");

    private final Map<String, Asset> assets;

    /** Loads the assets; fails if one is missing from the classpath (a broken build). */
    public ToolbarAssets() {
        this.assets = Map.of("toolbar.js", load("toolbar.js"), "toolbar.css", load("toolbar.css"));
    }

    /** The asset with this file name, if there is one. */
    public Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** The version of the asset with this file name, for its URL. */
    public String version(String name) {
        return assets.get(name).version();
    }

    private static Asset load(String name) {
        try (InputStream in = ToolbarAssets.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new IllegalStateException("missing toolbar asset on the classpath: " + LOCATION + name);
            }
            byte[] bytes = in.readAllBytes();
            String version = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
            return new Asset(name, bytes, TYPES.get(name), version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read toolbar asset " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * One static file.
     *
     * @param name        its file name
     * @param bytes       its content (do not modify)
     * @param contentType its content type with charset
     * @param version     a short hash of its content
     */
    public record Asset(String name, byte[] bytes, String contentType, String version) {
    }
}
