package org.tradeflows.ingest.reference;

/**
 * HS codes as declared (2 to 10 digits, dots and spaces allowed) and the HS 2022 category they belong to: a chapter,
 * heading or subheading must exist as given; a national code of 7 to 10 digits rolls up to the longest of its HS6,
 * HS4 and HS2 prefixes that the tree has.
 */
public final class ProductCodes {

    /** The category of an HS code, or the reason there is none. */
    public record Resolution(String hsCode, String productCode, String problem) {
    }

    private ProductCodes() {
    }

    public static Resolution resolve(String declared, ReferenceData reference) {
        String digits = declared.replace(".", "").replace(" ", "");
        if (!digits.matches("[0-9]{2,10}")) {
            return new Resolution(null, null, "HS code must be 2 to 10 digits (dots and spaces allowed)");
        }
        int n = digits.length();
        if (n == 2 || n == 4 || n == 6) {
            return reference.hasProduct(digits) ? new Resolution(digits, digits, null)
                    : new Resolution(null, null, "HS code " + digits + " is not in the HS 2022 tree");
        }
        for (int prefix : new int[] {6, 4, 2}) {
            if (n > prefix && reference.hasProduct(digits.substring(0, prefix))) {
                return new Resolution(digits, digits.substring(0, prefix), null);
            }
        }
        return new Resolution(null, null, "HS code " + digits + " has no chapter, heading or subheading in the HS 2022 tree");
    }
}
