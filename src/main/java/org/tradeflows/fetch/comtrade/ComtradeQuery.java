package org.tradeflows.fetch.comtrade;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One call: its periods, HS codes (TOTAL when none), reporters and partners (M49 numeric codes; empty: all). */
record ComtradeQuery(List<String> periods, List<String> cmds, List<String> reporters, List<String> partners) {

    String key() {
        return "period=" + String.join(",", periods) + ";cmdCode=" + String.join(",", cmds) + ";reporterCode="
                + String.join(",", reporters) + ";partnerCode=" + String.join(",", partners);
    }

    String queryString(int maxRecords) {
        StringBuilder q = new StringBuilder();
        param(q, "reporterCode", reporters);
        param(q, "period", periods);
        param(q, "partnerCode", partners);
        param(q, "cmdCode", cmds);
        param(q, "flowCode", List.of("M", "X"));
        q.append("&maxRecords=").append(maxRecords).append("&format=JSON&breakdownMode=classic&includeDesc=false");
        return q.substring(1);
    }

    private static void param(StringBuilder q, String name, List<String> values) {
        if (!values.isEmpty()) {
            q.append('&').append(name).append('=').append(URLEncoder.encode(String.join(",", values),
                    StandardCharsets.UTF_8));
        }
    }

    /** Narrower calls that together ask the same: by period, then by HS code, then by reporter; none left: empty. */
    List<ComtradeQuery> split() {
        List<ComtradeQuery> out = new ArrayList<>();
        if (periods.size() > 1) {
            periods.forEach(p -> out.add(new ComtradeQuery(List.of(p), cmds, reporters, partners)));
        } else if (cmds.size() > 1) {
            cmds.forEach(k -> out.add(new ComtradeQuery(periods, List.of(k), reporters, partners)));
        } else if (reporters.size() > 1) {
            reporters.forEach(r -> out.add(new ComtradeQuery(periods, cmds, List.of(r), partners)));
        }
        return out;
    }
}
