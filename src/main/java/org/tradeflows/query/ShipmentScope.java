package org.tradeflows.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated, resolved shipment filter: ids decoded, codes checked. Immutable; rendered to SQL only by
 * {@link ShipmentScopeSql}. Empty lists mean "no condition". {@code asOfRelease} is the release the shipments are read
 * as of ({@link AsOfSql}), null for the latest data.
 */
public record ShipmentScope(
        LocalDate periodFrom,
        LocalDate periodTo,
        List<Long> supplierIds,
        List<Long> recipientIds,
        List<String> supplierCountries,
        List<String> recipientCountries,
        List<String> hsPrefixes,
        List<String> sections,
        List<String> chplTiers,
        String topic,
        Boolean recipientSanctioned,
        List<String> sanctionAuthorities,
        Boolean throughIntermediary,
        List<String> intermediaryCountries,
        List<Long> intermediaryIds,
        List<Long> sourceIds,
        BigDecimal minValueEur,
        boolean includeSynthetic,
        Long asOfRelease) {

    /** A scope of the latest data. */
    public ShipmentScope(LocalDate periodFrom, LocalDate periodTo, List<Long> supplierIds, List<Long> recipientIds,
            List<String> supplierCountries, List<String> recipientCountries, List<String> hsPrefixes, List<String> sections,
            List<String> chplTiers, String topic, Boolean recipientSanctioned, List<String> sanctionAuthorities,
            Boolean throughIntermediary, List<String> intermediaryCountries, List<Long> intermediaryIds, List<Long> sourceIds,
            BigDecimal minValueEur, boolean includeSynthetic) {
        this(periodFrom, periodTo, supplierIds, recipientIds, supplierCountries, recipientCountries, hsPrefixes, sections,
                chplTiers, topic, recipientSanctioned, sanctionAuthorities, throughIntermediary, intermediaryCountries,
                intermediaryIds, sourceIds, minValueEur, includeSynthetic, null);
    }

    /** The same scope read as of a release (null: the latest data). */
    public ShipmentScope asOf(Long release) {
        return new ShipmentScope(periodFrom, periodTo, supplierIds, recipientIds, supplierCountries, recipientCountries,
                hsPrefixes, sections, chplTiers, topic, recipientSanctioned, sanctionAuthorities, throughIntermediary,
                intermediaryCountries, intermediaryIds, sourceIds, minValueEur, includeSynthetic, release);
    }

    public static ShipmentScope all() {
        return new ShipmentScope(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, null, List.of(), null, List.of(), List.of(), List.of(), null, false);
    }

    public ShipmentScope withSynthetic(boolean include) {
        return new ShipmentScope(periodFrom, periodTo, supplierIds, recipientIds, supplierCountries, recipientCountries,
                hsPrefixes, sections, chplTiers, topic, recipientSanctioned, sanctionAuthorities, throughIntermediary,
                intermediaryCountries, intermediaryIds, sourceIds, minValueEur, include, asOfRelease);
    }

    public ShipmentScope withPeriod(LocalDate from, LocalDate to) {
        return new ShipmentScope(from, to, supplierIds, recipientIds, supplierCountries, recipientCountries,
                hsPrefixes, sections, chplTiers, topic, recipientSanctioned, sanctionAuthorities, throughIntermediary,
                intermediaryCountries, intermediaryIds, sourceIds, minValueEur, includeSynthetic, asOfRelease);
    }

    public ShipmentScope withCountries(List<String> suppliers, List<String> recipients) {
        return new ShipmentScope(periodFrom, periodTo, supplierIds, recipientIds, suppliers, recipients,
                hsPrefixes, sections, chplTiers, topic, recipientSanctioned, sanctionAuthorities, throughIntermediary,
                intermediaryCountries, intermediaryIds, sourceIds, minValueEur, includeSynthetic, asOfRelease);
    }

    public ShipmentScope withHs(List<String> prefixes, List<String> sectionCodes) {
        return new ShipmentScope(periodFrom, periodTo, supplierIds, recipientIds, supplierCountries, recipientCountries,
                prefixes, sectionCodes, chplTiers, topic, recipientSanctioned, sanctionAuthorities, throughIntermediary,
                intermediaryCountries, intermediaryIds, sourceIds, minValueEur, includeSynthetic, asOfRelease);
    }
}
