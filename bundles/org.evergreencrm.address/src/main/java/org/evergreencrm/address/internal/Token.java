package org.evergreencrm.address.internal;

/** One token of a typed address: upper case, without periods or apostrophes; {@code raw} as typed. */
record Token(Kind kind, String text, String raw) {
    enum Kind {
        /** Letters, or letters and digits starting with a letter. */
        WORD,
        /** Starts with a digit: 123, 123A, 12-34, 1/2, 62704-1234. */
        NUMBER,
        /** A comma, semicolon or line break: the typist's own boundary. */
        SEP,
        /** The pound sign, an unknown unit designator. */
        HASH,
        /** An ampersand between intersecting streets. */
        AMP
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }

    boolean digits() {
        return kind == Kind.NUMBER && text.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return text;
    }
}
