package org.tradeflows.query;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated supply-path question: chains of shipments from {@code from} to {@code to} whose goods could be the same
 * (the same HS code of {@code hsLength} digits, each later than the one before by at most {@code windowDays}, the
 * recipient of one the supplier of the next), at most {@code maxHops} long, over shipments of the period and goods.
 */
public record SupplyPathQuery(End from, End to, List<String> hsPrefixes, int hsLength, LocalDate periodFrom,
        LocalDate periodTo, int maxHops, int windowDays, boolean includeSynthetic) {

    /** One end of a path: a company, a country, or any company under a sanction in force at the hop's date. */
    public record End(Long companyId, String country, boolean sanctioned) {

        public static End company(long id) {
            return new End(id, null, false);
        }

        public static End country(String code) {
            return new End(null, code, false);
        }

        public static End anySanctioned() {
            return new End(null, null, true);
        }
    }
}
