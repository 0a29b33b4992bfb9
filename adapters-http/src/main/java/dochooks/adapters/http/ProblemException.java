package dochooks.adapters.http;

/** Carries a {@link Problem} from a handler to the failure handler, through {@code RoutingContext.fail}. */
final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.type().slug(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
