package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.config.AdaptiveProperties;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.domain.DatabaseProbe;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The health summary that the legacy health route returns to older clients. */
@Service
public class ServiceHealth {

    private final DatabaseProbe database;
    private final AdaptiveProperties adaptive;

    public ServiceHealth(DatabaseProbe database, AdaptiveProperties adaptive) {
        this.database = database;
        this.adaptive = adaptive;
    }

    /**
     * Returns {@code {status, services{mcp, direct, fallback}}}: {@code mcp} is whether the service
     * can reach its database, {@code direct} whether the local tier is enabled and {@code fallback}
     * whether the heuristic tier is. Status is {@code healthy} with the database, {@code degraded}
     * without it while another tier is enabled, else {@code unhealthy}.
     */
    public JsonNode legacyStatus() {
        boolean remote = database.reachable();
        boolean local = !adaptive.failFast();
        boolean heuristic = adaptive.allowFallback();

        String status;
        if (remote) {
            status = "healthy";
        } else if (local || heuristic) {
            status = "degraded";
        } else {
            status = "unhealthy";
        }

        ObjectNode data = Json.object();
        data.put("status", status);
        ObjectNode services = data.putObject("services");
        services.put("mcp", remote);
        services.put("direct", local);
        services.put("fallback", heuristic);
        return data;
    }
}
