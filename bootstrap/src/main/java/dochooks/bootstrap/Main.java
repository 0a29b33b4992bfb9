package dochooks.bootstrap;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar dochooks.jar} runs the server; {@code java -jar dochooks.jar token ...} mints a token. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        }
        if (args.length > 0) {
            System.err.println("unknown command " + args[0] + "; usage: dochooks.jar [token --tenant T --user U [--admin]]");
            System.exit(2);
        }
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            e.lines().forEach(line -> System.err.println("configuration error: " + line));
            System.exit(2);
            return;
        }
        DochooksServer server;
        try {
            server = DochooksServer.start(config);
        } catch (RuntimeException e) {
            System.err.println("dochooks could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "dochooks-shutdown"));
        // the ready token goes to standard error, never into the log stream (standard output)
        server.generatedAdminToken().ifPresent(token -> System.err.print(
                readyMessage(config.publicBaseUrl(), server.port(), token)));
    }

    /**
     * What a local user reads at start-up: the console's address with the admin token in its fragment (which a
     * browser never sends to any server, unlike a query), and the bare token for other clients.
     */
    static String readyMessage(String publicBaseUrl, int port, String token) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        String newLine = System.lineSeparator();
        return "dochooks is ready on port " + port + "." + newLine
                + "Admin console for tenant \"local\" (token valid 12 h): " + base + "/console/#token=" + token + newLine
                + "Admin token: " + token + newLine;
    }
}
