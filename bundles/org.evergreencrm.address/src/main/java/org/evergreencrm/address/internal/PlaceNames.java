package org.evergreencrm.address.internal;

/**
 * City names the parser may consult to find where a street ends and the city begins when nothing separates them
 * ("123 MAIN ST SAINT PAUL MN"), and to write a city as the postal data does ("ST PAUL" → "SAINT PAUL").
 * {@link #NONE} knows no place: the parser then relies on its rules alone.
 */
interface PlaceNames {
    PlaceNames NONE = (state, zip, words) -> null;

    /** The city as the reference data writes it, when {@code words} name a city of that state (or ZIP); else {@code null}. */
    String city(String state, String zip, String words);
}
