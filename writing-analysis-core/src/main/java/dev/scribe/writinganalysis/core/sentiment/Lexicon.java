package dev.scribe.writinganalysis.core.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A sentiment lexicon: lower-case words with an integer valence from -3 to +3. */
public final class Lexicon {

    /** Classpath resource, next to this class, with the project's own lexicon. */
    public static final String DEFAULT_RESOURCE = "sentiment-lexicon.tsv";

    private final Map<String, Integer> valences;

    private Lexicon(Map<String, Integer> valences) {
        // A HashMap looks up faster than Map.copyOf here; it is never modified after construction.
        this.valences = Collections.unmodifiableMap(new HashMap<>(valences));
    }

    /**
     * Returns the lexicon shipped with the engine, read once and shared because it is immutable.
     */
    public static Lexicon loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    /** Defers reading the resource until the default lexicon is first requested. */
    private static final class DefaultHolder {
        static final Lexicon INSTANCE = readDefault();
    }

    private static Lexicon readDefault() {
        try (InputStream in = Lexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Sentiment lexicon resource not found: " + DEFAULT_RESOURCE);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the sentiment lexicon", e);
        }
    }

    /**
     * Parses lines of {@code word<TAB>valence}; blank lines and lines starting with {@code #} are
     * skipped. A malformed line, a valence outside -3..+3 or a duplicate word is rejected with the
     * line number.
     */
    public static Lexicon parse(List<String> lines) {
        Map<String, Integer> valences = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }

            String[] fields = line.split("\t");
            if (fields.length != 2) {
                throw new IllegalArgumentException(
                        "Invalid lexicon line " + (i + 1) + ": expected word<TAB>valence");
            }
            String word = fields[0].strip().toLowerCase(Locale.ROOT);
            int valence;
            try {
                valence = Integer.parseInt(fields[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Invalid lexicon line " + (i + 1) + ": valence is not an integer", e);
            }
            if (valence < -3 || valence > 3) {
                throw new IllegalArgumentException(
                        "Invalid lexicon line "
                                + (i + 1)
                                + ": valence "
                                + valence
                                + " is outside -3..3");
            }
            if (valences.put(word, valence) != null) {
                throw new IllegalArgumentException(
                        "Invalid lexicon line " + (i + 1) + ": duplicate word '" + word + "'");
            }
        }
        return new Lexicon(valences);
    }

    /** Returns the valence of a lower-case word, or 0 when the word is not in the lexicon. */
    public int valenceOf(String lowerWord) {
        Integer valence = valences.get(lowerWord);
        return valence == null ? 0 : valence;
    }

    /** Calls {@code action} with every word and its valence. */
    public void forEach(java.util.function.BiConsumer<String, Integer> action) {
        valences.forEach(action);
    }

    public int size() {
        return valences.size();
    }
}
