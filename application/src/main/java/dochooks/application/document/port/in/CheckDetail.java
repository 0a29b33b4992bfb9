package dochooks.application.document.port.in;

import dochooks.domain.validation.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one step of the connection test found: a kind of finding and its arguments (numbers, the provider's own
 * words, already made safe to show). The adapter that shows it puts it into the reader's language; the English
 * templates here are the reference its English catalog keeps.
 */
public record CheckDetail(Kind kind, List<String> args) {

    public CheckDetail {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    public static CheckDetail of(Kind kind, Object... args) {
        return new CheckDetail(kind, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The finding in English. */
    public String english() {
        return Messages.format(kind.englishTemplate(), args);
    }

    /** The kinds of findings, each with its English sentence ({0}, {1}: the arguments). */
    public enum Kind {
        WEBHOOK_VERSION("webhookVersion {0}"),
        NO_WEBHOOK_VERSION("answered without a webhookVersion"),
        NO_SERVICE_INFO("no serviceInfo endpoint (it is optional)"),
        REACHABLE("reachable, answered {0}"),
        ONE_ITEM_IN_ROOT("1 item in /"),
        ITEMS_IN_ROOT("{0} items in /"),
        NO_FILE_IN_ROOT("skipped: no file in /"),
        FIRST_FILE_READ("read the first file listed in /"),
        NOT_CONNECTED("you have no connection to this integration; connect to test files and metadata"),
        REAUTHORIZATION_REQUIRED("your connection must be authorized again; reconnect to test files and metadata"),
        PROVIDER_ANSWERED("provider answered {0}"),
        PROVIDER_ANSWERED_WITH_TEXT("provider answered {0}: {1}"),
        CREDENTIALS_REFUSED("provider answered {0}: credentials refused"),
        PROVIDER_NOT_FOUND("provider answered 404: not found"),
        UNUSABLE_ANSWER("provider answer unusable"),
        UNUSABLE_BODY("provider answered {0} with an unusable body"),
        TIMEOUT("no answer in time"),
        UNREACHABLE("unreachable (name, connection or TLS failure)"),
        ADDRESS_BLOCKED("address not allowed by the egress policy"),
        BUSY("too many calls in flight to this integration; not called"),
        CIRCUIT_OPEN("provider failing repeatedly (circuit open); not called"),
        FAILED("failed");

        private final String englishTemplate;

        Kind(String englishTemplate) {
            this.englishTemplate = englishTemplate;
        }

        public String englishTemplate() {
            return englishTemplate;
        }
    }
}
