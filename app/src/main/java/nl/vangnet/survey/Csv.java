package nl.vangnet.survey;

import java.util.List;

/** RFC 4180 CSV lines. Text cells that a spreadsheet would run as a formula are defused. */
final class Csv {

    private Csv() {}

    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains("'")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
