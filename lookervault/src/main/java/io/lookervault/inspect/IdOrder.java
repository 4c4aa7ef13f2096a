package io.lookervault.inspect;

import java.util.Comparator;

/** Orders ids numerically where both are numbers ("9" before "10"), else as text. Thread-safe. */
public enum IdOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String a, String b) {
        boolean na = numeric(a);
        boolean nb = numeric(b);
        if (na && nb) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return na ? -1 : nb ? 1 : a.compareTo(b);
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit) && s.charAt(0) != '0';
    }
}
