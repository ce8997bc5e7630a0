package dev.scribe.writinganalysis.api;

/** Path prefixes of the service and the paths that need no user assertion. */
public final class Routes {

    public static final String CANONICAL_PREFIX = "/api/writing-analysis";
    public static final String LEGACY_PREFIX = "/api/analytics";

    private Routes() {}

    /**
     * Tells whether {@code path} is served without a user assertion: the actuator endpoints, the
     * OpenAPI document, Swagger UI and the container's error page.
     */
    public static boolean isOpen(String path) {
        return path.equals("/actuator")
                || path.startsWith("/actuator/")
                || path.equals("/v3/api-docs")
                || path.startsWith("/v3/api-docs/")
                || path.equals("/swagger-ui.html")
                || path.startsWith("/swagger-ui/")
                || path.equals("/error");
    }

    /**
     * Tells whether {@code path} is called by another platform service on its own behalf, with a
     * service token and no user assertion: the paths under {@code /internal/}.
     */
    public static boolean isServiceOnly(String path) {
        return path.startsWith("/internal/");
    }

    /** Tells whether {@code path} is a legacy route, whose responses carry two extra fields. */
    public static boolean isLegacy(String path) {
        return path.equals(LEGACY_PREFIX) || path.startsWith(LEGACY_PREFIX + "/");
    }

    /** Returns the path of the request inside the application, without the context path. */
    public static String pathOf(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return contextPath.isEmpty() ? uri : uri.substring(contextPath.length());
    }
}
