package be.lokaalsignaal.scan.rules;

/**
 * A phrase of the catalogue: as written there (for the evidence) and as catalogue words in a row.
 *
 * @param id     number of the phrase in its catalogue, for per-page memos
 * @param source the phrase as written in the catalogue
 * @param words  the words of the phrase, numbers in the catalogue's {@link Vocabulary}
 */
record Phrase(int id, String source, int[] words) {

    int length() {
        return words.length;
    }

    @Override
    public String toString() {
        return source;
    }
}
