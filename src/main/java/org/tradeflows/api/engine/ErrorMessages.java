package org.tradeflows.api.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the engine's own messages (argument and variable coercion, validation) into plain words: no AST class
 * toStrings ("StringValue{value='x'}"), no library message codes, no Java class names.
 */
public final class ErrorMessages {

    private static final Pattern ARGUMENT = Pattern.compile(
            "(?s)^.*?argument '([^']+)' with value '(.*)' is not a valid '(.*?)'(?: - (.*))?$");
    private static final Pattern AST_SCALAR = Pattern.compile("(?:String|Int|Float|Boolean|Enum)Value\\{(?:value|name)='?(.*?)'?\\}");
    private static final Pattern AST_OTHER = Pattern.compile("(?:Object|Array|Null|Variable)(?:Value|Reference)\\{.*\\}");
    private static final Pattern AST_EXPECTED = Pattern.compile("Expected an AST type of '(\\w+?)(?:Value)?' but it was a '(\\w+?)(?:Value)?'");
    private static final Pattern LIBRARY_CODE = Pattern.compile("SRGQL\\d+:\\s*");
    private static final Pattern UNKNOWN_SCALAR = Pattern.compile("Unknown Scalar Type \\[(?:[\\w$]+\\.)*([\\w$]+)\\]");
    /** A value's Java type where the engine names it ("but was [BigDecimal]", "but it was a 'String'"). */
    private static final Pattern JAVA_NUMBER = Pattern.compile("(?:\\ba )?[\\['](?:BigDecimal|BigInteger|Integer|Long|Double|Float|Short|Byte)[\\]']");
    private static final Pattern JAVA_TEXT = Pattern.compile("(?:\\ba )?[\\[']String[\\]']");
    /** SmallRye's date scalars refusing a literal that is not a string. */
    private static final Pattern AST_EITHER = Pattern.compile("Expected AST type '\\w+' or '\\w+' but was '\\w+'\\.?");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.){2,}([A-Z][\\w$]*)");

    private ErrorMessages() {
    }

    /** A value of an argument or variable that does not fit its type, as "name: not a valid Type (why)". */
    public static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "The request is not valid";
        }
        Matcher m = ARGUMENT.matcher(message);
        if (m.matches()) {
            String type = plain(m.group(3));
            String why = m.group(4) == null ? "" : plain(m.group(4));
            if (type.startsWith("Date") && AST_EITHER.matcher(m.group(4) == null ? "" : m.group(4)).find()) {
                why = "write it as a string, YYYY-MM-DD";
            }
            return m.group(1) + ": not a valid " + type + (why.isBlank() ? "" : " (" + why + ")");
        }
        return plain(message);
    }

    private static String plain(String text) {
        String t = LIBRARY_CODE.matcher(text).replaceAll("");
        t = UNKNOWN_SCALAR.matcher(t).replaceAll("$1");
        t = AST_EXPECTED.matcher(t).replaceAll("expected a $1 but got a $2");
        t = AST_SCALAR.matcher(t).replaceAll("$1");
        t = AST_OTHER.matcher(t).replaceAll("the value");
        t = JAVA_NUMBER.matcher(t).replaceAll("a number");
        t = JAVA_TEXT.matcher(t).replaceAll("a string");
        t = CLASS_NAME.matcher(t).replaceAll("$1");
        return t.trim();
    }
}
