package org.tradeflows.ingest.company;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every company the database knows, in memory for one load: by identifier and by the matching key of its name,
 * original-script name and aliases. A merged company's names and identifiers point to the company it was merged
 * into. Companies created during the load are added as they are made.
 */
public final class CompanyIndex {

    /** What the resolver needs to know of one company. */
    public static final class Known {
        final long id;
        final String name;
        final String country;
        final Set<String> spellings = new HashSet<>();
        final Map<String, String> uniqueIdentifiers = new HashMap<>();

        Known(long id, String name, String country) {
            this.id = id;
            this.name = name;
            this.country = country;
        }
    }

    private final Map<Long, Known> companies = new HashMap<>();
    private final Map<String, Long> byIdentifier = new HashMap<>();
    private final Map<String, List<Long>> byKey = new HashMap<>();

    public static CompanyIndex load(Connection c) throws SQLException {
        CompanyIndex index = new CompanyIndex();
        Map<Long, Long> mergedInto = new HashMap<>();
        Map<Long, String[]> names = new HashMap<>();
        try (Statement st = c.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery("select id, name, name_original, country_code, merged_into_id from company")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long merged = rs.getLong(5);
                    if (rs.wasNull()) {
                        index.companies.put(id, new Known(id, rs.getString(2), rs.getString(4)));
                    } else {
                        mergedInto.put(id, merged);
                    }
                    names.put(id, new String[] {rs.getString(2), rs.getString(3)});
                }
            }
            for (var e : names.entrySet()) {
                for (String n : e.getValue()) {
                    if (n != null) {
                        index.addName(survivor(e.getKey(), mergedInto), n);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("select company_id, alias from company_alias")) {
                while (rs.next()) {
                    index.addName(survivor(rs.getLong(1), mergedInto), rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("select company_id, scheme, value from company_identifier")) {
                while (rs.next()) {
                    index.addIdentifier(survivor(rs.getLong(1), mergedInto), new Identifier(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return index;
    }

    private static long survivor(long id, Map<Long, Long> mergedInto) {
        long current = id;
        for (int hops = 0; hops < 100 && mergedInto.containsKey(current); hops++) {
            current = mergedInto.get(current);
        }
        return current;
    }

    void add(Known company) {
        companies.put(company.id, company);
    }

    void addName(long companyId, String name) {
        Known k = companies.get(companyId);
        if (k == null) {
            return;
        }
        k.spellings.add(CompanyNames.spelling(name));
        String key = CompanyNames.key(name);
        if (!key.isEmpty()) {
            List<Long> ids = byKey.computeIfAbsent(key, x -> new ArrayList<>(1));
            if (!ids.contains(companyId)) {
                ids.add(companyId);
            }
        }
    }

    void addIdentifier(long companyId, Identifier identifier) {
        Known k = companies.get(companyId);
        if (k == null) {
            return;
        }
        byIdentifier.putIfAbsent(identifier.key(), companyId);
        if (identifier.unique() && !Identifier.OPENSANCTIONS.equals(identifier.scheme())) {
            k.uniqueIdentifiers.putIfAbsent(identifier.scheme(), identifier.value());
        }
    }

    Long byIdentifier(Identifier identifier) {
        return byIdentifier.get(identifier.key());
    }

    List<Long> byKey(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    Known get(long id) {
        return companies.get(id);
    }

    public int size() {
        return companies.size();
    }
}
