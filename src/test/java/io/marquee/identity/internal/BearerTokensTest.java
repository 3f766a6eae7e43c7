package io.marquee.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokensTest {

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerTokens ours = new BearerTokens();

    @Test
    void answersEveryHeaderAsSpringSecuritysDefaultResolverDoes() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer abc.def-ghi_jkl~mno+pqr/stu==",
                "bearer abc",
                "BEARER abc",
                "BeArEr abc",
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer abc=def",
                "Bearer =",
                "Bearer abc\n",
                "Bearer\tabc",
                "Bearerabc",
                "Basic dXNlcjpwYXNz",
                "bearer\u017f abc",
                "Bearer ab\u00e9",
                "\u0392earer abc",
                ""));
        Random random = new Random(42);
        String alphabet = "Bb eEaArR=.-_~+/ \t\n09zZ\u00e9\u017f\u212a:,;\"'";
        String[] prefixes = {"Bearer ", "bearer ", "BEARER ", "Bearer", "Bear", ""};
        for (int n = 0; n < 200_000; n++) {
            StringBuilder header = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            for (int k = random.nextInt(8); k > 0; k--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(answer(ours, header)).as("'%s'", header).isEqualTo(answer(spring, header));
        }
        assertThat(answer(ours, null)).isEqualTo(answer(spring, null)).isEqualTo("null");
    }

    private static String answer(
            org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            return String.valueOf(resolver.resolve(request));
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
