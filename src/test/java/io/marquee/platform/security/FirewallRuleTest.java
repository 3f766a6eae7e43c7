package io.marquee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FirewallRuleTest {

    /** StrictHttpFirewall's default rule for header names, header values and parameter names. */
    private static final Pattern DEFAULT_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void acceptsExactlyWhatTheDefaultPatternAcceptsForEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "z";
            assertThat(SecurityConfiguration.assignedAndNotControl(text))
                    .as("U+%04X", codePoint)
                    .isEqualTo(DEFAULT_RULE.matcher(text).matches());
        }
    }

    @Test
    void aLoneSurrogateIsJudgedAsThePatternJudgesIt() {
        for (String text : new String[] {"\uD800", "a\uDC00", "\uD83D\uDE00", ""}) {
            assertThat(SecurityConfiguration.assignedAndNotControl(text))
                    .as(text)
                    .isEqualTo(DEFAULT_RULE.matcher(text).matches());
        }
    }
}
