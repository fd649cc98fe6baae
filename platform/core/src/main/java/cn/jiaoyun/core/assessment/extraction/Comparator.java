package cn.jiaoyun.core.assessment.extraction;

/** How the achieved figure must relate to the target figure for the target to be met. */
public enum Comparator {
    AT_LEAST("≥"),
    AT_MOST("≤"),
    EQUAL("="),
    MORE_THAN(">"),
    LESS_THAN("<");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The comparator written as its mathematical symbol, as test fixtures and the UI show it. */
    public static Comparator ofSymbol(String symbol) {
        for (Comparator comparator : values()) {
            if (comparator.symbol.equals(symbol)) {
                return comparator;
            }
        }
        throw new IllegalArgumentException("no comparator has the symbol " + symbol);
    }
}
