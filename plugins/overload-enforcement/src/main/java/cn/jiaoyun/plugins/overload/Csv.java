package cn.jiaoyun.plugins.overload;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting within a line; a comma or a tab separates). */
final class Csv {

    private Csv() {
    }

    static List<String> split(String line, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** The separator a header line uses: tab if it has one, else comma. */
    static char separatorOf(String header) {
        return header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    /** Quotes a value for PostgreSQL's CSV COPY. */
    static void appendQuoted(StringBuilder sb, String value) {
        if (value == null) {
            return;
        }
        sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
