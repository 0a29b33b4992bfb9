package dochooks.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's files, read from the class path once and kept (they are few and small). Only plain names with
 * a known extension are looked up, so a request can never reach another resource, and only names that exist
 * are remembered, so requests cannot fill the memory.
 */
final class ConsoleAssets {
    static final String FOLDER = "dochooks/adapters/http/console/";
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}\\.[a-z]{2,4}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final Vertx vertx;
    private final Map<String, ConsoleAsset> loaded = new ConcurrentHashMap<>();

    ConsoleAssets(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The named file, or null when there is none. */
    Future<ConsoleAsset> get(String name) {
        ConsoleAsset known = loaded.get(name);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        String type = contentType(name);
        if (type == null) {
            return Future.succeededFuture(null);
        }
        // reading the class path may touch the disk: off the event loop
        return vertx.executeBlocking(() -> read(name, type), false);
    }

    private ConsoleAsset read(String name, String type) throws IOException {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return null;
            }
            ConsoleAsset asset = ConsoleAsset.of(Buffer.buffer(in.readAllBytes()), type);
            loaded.put(name, asset);
            return asset;
        }
    }

    private static String contentType(String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            return null;
        }
        return TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    }
}
