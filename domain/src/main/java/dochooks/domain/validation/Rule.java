package dochooks.domain.validation;

/**
 * Every rule a value can break, with its English message template. Adapters translate by the
 * enum name; {@code {0}}, {@code {1}} are replaced by the violation's arguments.
 */
public enum Rule {
    REQUIRED("is required"),
    NOT_A_STRING("must be a string"),
    UNKNOWN_FIELD("is not a known field"),
    READ_ONLY("is read-only and cannot be changed"),
    NOT_ALLOWED_FOR_AUTH_TYPE("is not allowed when authType is {0}"),
    ONE_OF("must be one of {0}"),
    LENGTH("must be {0} to {1} characters long"),
    MAX_LENGTH("must be at most {0} characters long"),
    UNPAIRED_SURROGATE("must be valid Unicode text (it holds half of a surrogate pair)"),
    CONTROL_CHARACTERS("must not contain control characters"),
    BIDI_CONTROL_CHARACTERS("must not contain bidirectional control characters"),
    URL_NOT_ABSOLUTE("must be an absolute URL with a host"),
    URL_SCHEME("must use {0}"),
    URL_USER_INFO("must not contain user information"),
    URL_QUERY("must not contain a query"),
    URL_FRAGMENT("must not contain a fragment"),
    PARAMETERS_SYNTAX("must be name=value pairs joined by &"),
    PARAMETERS_ENCODING("has an invalid percent-encoding"),
    PARAMETERS_EMPTY_NAME("has a parameter without a name"),
    PARAMETERS_DUPLICATE("names the parameter {0} more than once"),
    PARAMETERS_RESERVED("uses {0}, a name reserved by the protocol or OAuth2"),
    SECRET_REQUIRED_AGAIN("must be sent again because the authentication type or the origin of a URL changed"),
    INTEGER_RANGE("must be an integer from {0} to {1}"),
    NON_NEGATIVE_INTEGER("must be a non-negative integer"),
    POSITIVE_INTEGER("must be a positive integer"),
    INVALID_CURSOR("is not a cursor this server issued"),
    EXACTLY_ONE_OF("exactly one of {0} is required");

    private final String englishTemplate;

    Rule(String englishTemplate) {
        this.englishTemplate = englishTemplate;
    }

    public String englishTemplate() {
        return englishTemplate;
    }
}
