import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The registry load tool (issue 6, point 7), run by bench/registry.sh as a single-file program:
 *
 * <pre>java bench/registry/RegistryLoad.java --url http://127.0.0.1:PORT --secret-file DATA/jwt-secret
 *     [--tenants 1000] [--total 100000] [--checkpoints 1000,10000,100000] [--concurrency 16]
 *     [--list-requests 1000] [--list-concurrency 1]</pre>
 *
 * Creates ApiKey integrations up to each checkpoint (creates/s per stretch), then measures the latency of
 * {@code GET /api/v1/integrations?limit=50} at that total, twice: over random tenants among all of them,
 * and over the ten "full" tenants (t0..t9, filled with 100 integrations each first) whose first page always
 * holds 50 items, so that the cost of a full page can be compared across totals. Admin tokens are HS256
 * JWTs minted here with the server's secret (one JVM instead of one per tenant). Every request has a
 * timeout and the work is bounded; only the given URL (loopback) is ever contacted.
 *
 * Prints one {@code RESULT key=value...} line per checkpoint on standard output, progress on standard error.
 */
public final class RegistryLoad {
    private static final int FULL_TENANTS = 10;
    private static final int PER_FULL_TENANT = 100;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI collection;
    private final String[] tokens;

    private RegistryLoad(String baseUrl, byte[] secret, int tenants) throws Exception {
        this.collection = URI.create(baseUrl + "/api/v1/integrations");
        this.tokens = new String[tenants];
        long exp = System.currentTimeMillis() / 1000 + 4 * 3600;
        for (int t = 0; t < tenants; t++) {
            tokens[t] = adminToken(secret, "t" + t, exp);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = required(options, "url");
        if (!URI.create(url).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        byte[] secret = Files.readString(Path.of(required(options, "secret-file")), StandardCharsets.UTF_8)
                .trim().getBytes(StandardCharsets.UTF_8);
        int tenants = Integer.parseInt(options.getOrDefault("tenants", "1000"));
        int total = Integer.parseInt(options.getOrDefault("total", "100000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        int listRequests = Integer.parseInt(options.getOrDefault("list-requests", "1000"));
        int listConcurrency = Integer.parseInt(options.getOrDefault("list-concurrency", "1"));
        int[] checkpoints = Arrays.stream(options.getOrDefault("checkpoints", "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt).filter(c -> c <= total).toArray();
        if (tenants < FULL_TENANTS || checkpoints.length == 0) {
            throw new IllegalArgumentException("need at least " + FULL_TENANTS + " tenants and one checkpoint <= total");
        }
        new RegistryLoad(url, secret, tenants).run(checkpoints, concurrency, listRequests, listConcurrency);
    }

    private void run(int[] checkpoints, int concurrency, int listRequests, int listConcurrency) throws Exception {
        int created = 0;
        for (int checkpoint : checkpoints) {
            int from = created;
            long started = System.nanoTime();
            parallel(checkpoint - from, concurrency, k -> create(from + k));
            double seconds = (System.nanoTime() - started) / 1e9;
            created = checkpoint;
            double rate = (checkpoint - from) / seconds;
            log(String.format("%d integrations (%d created in %.1f s, %.0f/s); measuring lists", checkpoint,
                    checkpoint - from, seconds, rate));
            // warm-up, not measured: the first requests after a burst of inserts pay for JIT and caches
            measureList(Math.min(200, listRequests), listConcurrency, tokens.length);
            Latency random = measureList(listRequests, listConcurrency, tokens.length);
            Latency full = measureList(listRequests, listConcurrency, FULL_TENANTS);
            System.out.printf("RESULT rows=%d created=%d create_seconds=%.1f creates_per_s=%.0f"
                            + " random_p50_ms=%.2f random_p99_ms=%.2f random_items=%.1f"
                            + " full_p50_ms=%.2f full_p99_ms=%.2f full_items=%.1f%n",
                    checkpoint, checkpoint - from, seconds, rate,
                    random.p50(), random.p99(), random.meanItems(), full.p50(), full.p99(), full.meanItems());
            System.out.flush();
        }
    }

    /**
     * The tenant of the n-th integration: the first {@code FULL_TENANTS * PER_FULL_TENANT} fill the full
     * tenants, the rest go round-robin over all tenants.
     */
    private int tenantOf(int n) {
        return n < FULL_TENANTS * PER_FULL_TENANT ? n % FULL_TENANTS : n % tokens.length;
    }

    private void create(int n) {
        int tenant = tenantOf(n);
        String body = "{\"name\":\"Bench integration " + n + "\",\"baseApiUrl\":\"https://dms-" + (n % 97)
                + ".bench.example/api\",\"requestParameters\":\"region=eu&n=" + n + "\",\"authType\":\"ApiKey\","
                + "\"apiKey\":\"bench-key-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(collection)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + tokens[tenant])
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create " + n + " for t" + tenant + " answered " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
    }

    private Latency measureList(int requests, int concurrency, int tenantRange) throws Exception {
        long[] nanos = new long[requests];
        AtomicLong items = new AtomicLong();
        URI first = URI.create(collection + "?limit=50");
        parallel(requests, concurrency, k -> {
            int tenant = ThreadLocalRandom.current().nextInt(tenantRange);
            HttpRequest request = HttpRequest.newBuilder(first)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + tokens[tenant])
                    .GET()
                    .build();
            long started = System.nanoTime();
            HttpResponse<String> response = send(request);
            nanos[k] = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("list for t" + tenant + " answered " + response.statusCode()
                        + ": " + abbreviate(response.body()));
            }
            items.addAndGet(countItems(response.body()));
        });
        Arrays.sort(nanos);
        return new Latency(percentile(nanos, 0.50), percentile(nanos, 0.99), (double) items.get() / requests);
    }

    /** Items on a page: every item carries exactly one "authType" (the page itself has none). */
    private static int countItems(String body) {
        int count = 0;
        for (int at = body.indexOf("\"authType\""); at >= 0; at = body.indexOf("\"authType\"", at + 1)) {
            count++;
        }
        return count;
    }

    private static double percentile(long[] sortedNanos, double q) {
        int index = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    private record Latency(double p50, double p99, double meanItems) {}

    /** Runs task(0..count-1) on {@code concurrency} threads; the first failure stops the rest and is thrown. */
    private static void parallel(int count, int concurrency, IntConsumer task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (int w = 0; w < concurrency; w++) {
                pool.execute(() -> {
                    for (int k = next.getAndIncrement(); k < count && failure.get() == null; k = next.getAndIncrement()) {
                        try {
                            task.accept(k);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        // bounded: every request has its own timeout, so an hour is far beyond any sane run
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            pool.shutdownNow();
            throw new IllegalStateException("load did not finish within an hour");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        }
    }

    /** An HS256 JWT as the server expects it (api.md section 2): sub, tenant, roles, exp. */
    private static String adminToken(byte[] secret, String tenant, long exp) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"admin\",\"tenant\":\"" + tenant
                + "\",\"roles\":[\"admin\"],\"iat\":" + (exp - 4 * 3600) + ",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + payload + "." + signature;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static void log(String message) {
        System.err.printf("[registry-load %tT] %s%n", System.currentTimeMillis(), message);
    }
}
