package dev.scribe.writinganalysis.core.port;

/** The five reflection dimension scores, each an integer on the 0-100 scale. */
public record DimensionScores(
        int depth, int selfAwareness, int criticalThinking, int growthMindset, int specificity) {}
