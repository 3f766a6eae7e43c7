package io.marquee.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void libpqUriBecomesJdbcUrlAndCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:p%40ss%3Aw0rd@db.internal:6543/marquee?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/marquee?sslmode=require");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss:w0rd");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void postgresSchemeWithoutPortOrPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app@localhost/marquee");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/marquee");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isNull();
    }

    @Test
    void jdbcUrlIsTakenAsIs() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/d").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d");
    }

    @Test
    void canBeReachedThroughAnotherHostAndPort() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@db:5432/m")
                        .via("127.0.0.1", 7000)
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:7000/m");
    }

    @Test
    void otherSchemesAreRefusedWithoutEchoingTheValue() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:secret@h/d"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("DATABASE_URL must look like")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h/d with spaces"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("DATABASE_URL is not a valid URL");
    }
}
