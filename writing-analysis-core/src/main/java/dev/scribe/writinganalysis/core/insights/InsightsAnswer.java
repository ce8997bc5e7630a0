package dev.scribe.writinganalysis.core.insights;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computed insights before the privacy metadata is added.
 *
 * @param insights the {@code insights} object: summary, keyMetrics, trends, dataPointsIncluded
 * @param recommendations recommendations, always computed; the tool drops them unless requested
 * @param dataPointsIncluded data points included (released active students for aggregates)
 * @param recordCount stored records read (sessions plus reflections)
 */
public record InsightsAnswer(
        ObjectNode insights,
        List<String> recommendations,
        int dataPointsIncluded,
        int recordCount) {}
