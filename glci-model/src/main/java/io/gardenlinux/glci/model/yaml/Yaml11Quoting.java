package io.gardenlinux.glci.model.yaml;

import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * The one rule for which strings glci quotes when it writes YAML: every string that a YAML 1.1 reader would take for
 * another type. glci's YAML library is YAML 1.2, but the documents it writes are read by YAML 1.1 resolvers: PyYAML
 * (the original CI, python-gardenlinux-lib) and Kubernetes' go-yaml v2 (the rendered Tekton resources).
 * <p>
 * On top of Jackson's default checks (booleans, null, empty, flow indicators, YAML 1.2 numbers) a string is quoted
 * when it matches one of YAML 1.1's implicit resolvers, as PyYAML's {@code resolver.py} and SnakeYAML's
 * {@code Resolver} define them: bool, int (binary, octal, hexadecimal, underscores, sexagesimal), float (exponents,
 * sexagesimal, {@code .inf}, {@code .nan}), null, timestamp, merge ({@code <<}) and value ({@code =}). The patterns
 * are the union of both resolvers, keywords are matched in any case and {@code 0o} octals are included: quoting a
 * string is never wrong, leaving one plain that a reader takes for a number or a date is.
 * <p>
 * Mapping keys follow the same rule.
 */
public final class Yaml11Quoting extends StringQuotingChecker {

    private static final long serialVersionUID = 1L;

    private static final Pattern BOOL_OR_NULL = Pattern.compile("y|n|yes|no|true|false|on|off|~|null",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern INT = Pattern.compile("[-+]?(?:0b[0-1_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+"
            + "|0|[1-9][0-9_]*|[1-9][0-9_]*(?::[0-5]?[0-9])+)");

    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*\\.[0-9_]*|\\.[0-9_]+)(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.inf|\\.nan", Pattern.CASE_INSENSITIVE);

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?");

    private static final Pattern MERGE_OR_VALUE = Pattern.compile("<<|=");

    private static final Yaml11Quoting INSTANCE = new Yaml11Quoting();

    private final StringQuotingChecker jacksonDefault = StringQuotingChecker.Default.instance();

    private Yaml11Quoting() {
    }

    public static Yaml11Quoting instance() {
        return INSTANCE;
    }

    /** Whether a YAML 1.1 reader takes {@code scalar}, written plain (unquoted), for anything but a string. */
    public static boolean resolvesToNonString(String scalar) {
        return scalar.isEmpty() || BOOL_OR_NULL.matcher(scalar).matches() || INT.matcher(scalar).matches()
                || FLOAT.matcher(scalar).matches() || TIMESTAMP.matcher(scalar).matches()
                || MERGE_OR_VALUE.matcher(scalar).matches();
    }

    @Override
    public boolean needToQuoteName(String name) {
        return jacksonDefault.needToQuoteName(name) || resolvesToNonString(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return jacksonDefault.needToQuoteValue(value) || resolvesToNonString(value);
    }
}
