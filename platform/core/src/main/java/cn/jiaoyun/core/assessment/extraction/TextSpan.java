package cn.jiaoyun.core.assessment.extraction;

/** A half-open range [start, end) of character indices into the text that was read. */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
        }
    }

    public boolean contains(int index) {
        return index >= start && index < end;
    }

    public boolean isEmpty() {
        return start == end;
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
