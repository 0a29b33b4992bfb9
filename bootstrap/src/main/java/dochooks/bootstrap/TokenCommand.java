package dochooks.bootstrap;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code token --tenant acme --user alice [--admin] [--hours 12]}: prints a bearer token signed with the
 * secret the server uses (DOCHOOKS_JWT_SECRET, else the one generated into the data directory).
 */
final class TokenCommand {
    private TokenCommand() {
    }

    static int run(String[] args, Map<String, String> env) {
        String tenant = null;
        String user = null;
        boolean admin = false;
        long hours = 12;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tenant" -> tenant = args[++i];
                    case "--user" -> user = args[++i];
                    case "--admin" -> admin = true;
                    case "--hours" -> hours = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (tenant == null || user == null || hours < 1) {
            return usage("--tenant and --user are required; --hours must be positive");
        }
        Optional<String> secret = secret(env);
        if (secret.isEmpty()) {
            System.err.println("no JWT secret: set DOCHOOKS_JWT_SECRET, or start the server once on DOCHOOKS_DATA_DIR");
            return 1;
        }
        Vertx vertx = Vertx.vertx();
        try {
            System.out.println(new JwtTokens(vertx, secret.get()).mint(tenant, user, admin, Duration.ofHours(hours)));
            return 0;
        } finally {
            vertx.close();
        }
    }

    private static Optional<String> secret(Map<String, String> env) {
        String fromEnv = env.get("DOCHOOKS_JWT_SECRET");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        String dataDir = env.getOrDefault("DOCHOOKS_DATA_DIR", "./data");
        Path file = Path.of(dataDir.isEmpty() ? "./data" : dataDir).resolve(DataDirectory.JWT_SECRET_FILE);
        try {
            return java.nio.file.Files.exists(file)
                    ? Optional.of(java.nio.file.Files.readString(file).trim())
                    : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar dochooks.jar token --tenant T --user U [--admin] [--hours N]");
        return 2;
    }
}
