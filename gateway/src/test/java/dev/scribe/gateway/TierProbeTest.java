package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.TierBackgroundTasks;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import dev.scribe.platform.web.Tier;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The synthetic probes of AR-7: only demoted remote tiers are probed, with a fixed body. */
class TierProbeTest extends GatewayTestSupport {

    private static final String PATH = TieredOperation.SENSITIVITY.path();

    @Autowired TierBackgroundTasks tasks;
    @Autowired TierStatistics statistics;
    @Autowired TierRouter router;
    @Autowired FeatureFlags flags;

    @BeforeEach
    void resetWindows() {
        statistics.clear();
        flags.restoreDefaults();
        router.refresh();
        UPSTREAM.stubFor(
                post(urlEqualTo(PATH))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"success\":true}")));
    }

    private static int probes() {
        return UPSTREAM.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build())
                .getCount();
    }

    @Test
    void healthyRemoteTierIsNotProbed() {
        tasks.probeDemotedTiers();

        assertThat(probes()).isZero();
    }

    @Test
    void demotedRemoteTierIsProbedWithTheFixedText() {
        for (int i = 0; i < 10; i++) {
            statistics.record(
                    TieredOperation.SENSITIVITY, Tier.REMOTE, false, Duration.ofMillis(5));
        }
        router.refresh();
        assertThat(router.remoteDemoted(TieredOperation.SENSITIVITY)).isTrue();

        tasks.probeDemotedTiers();

        assertThat(probes()).isEqualTo(1);
        UPSTREAM.verify(
                postRequestedFor(urlEqualTo(PATH))
                        .withHeader("X-User-Assertion", matching(".+"))
                        .withHeader("X-Correlation-ID", matching("probe-.+"))
                        .withRequestBody(containing("Probe text without personal data.")));
        assertThat(statistics.snapshot(TieredOperation.SENSITIVITY, Tier.REMOTE).samples())
                .isEqualTo(11);
    }

    @Test
    void remoteTierSwitchedOffIsNotProbed() {
        flags.set(Map.of(FeatureFlags.remoteFlag(TieredOperation.SENSITIVITY), false));

        tasks.probeDemotedTiers();

        assertThat(probes()).isZero();
    }
}
